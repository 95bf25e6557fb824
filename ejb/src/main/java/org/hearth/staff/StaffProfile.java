package org.hearth.staff;

import java.io.Serializable;
import java.util.List;

/** The signed-in staff member as the rest of Hearth sees them: who, which roles, which programs. */
public record StaffProfile(
        long staffMemberId,
        String username,
        String displayName,
        String email,
        List<String> roles,
        List<String> programs)
        implements Serializable {

    public StaffProfile {
        roles = List.copyOf(roles);
        programs = List.copyOf(programs);
    }

    public boolean hasRole(Role role) {
        return roles.contains(role.realmName());
    }
}
