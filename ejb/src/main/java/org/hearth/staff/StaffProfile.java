package org.hearth.staff;

import java.io.Serializable;
import java.util.List;
import org.hearth.security.Role;

/**
 * The signed-in staff member as the rest of Hearth sees them: who, which roles, which programs (by name, and their
 * ids in the same order, for an API client that registers a family into one).
 */
public record StaffProfile(
        long staffMemberId,
        String username,
        String displayName,
        String email,
        List<String> roles,
        List<String> programs,
        List<Long> programIds)
        implements Serializable {

    public StaffProfile {
        roles = List.copyOf(roles);
        programs = List.copyOf(programs);
        programIds = List.copyOf(programIds);
    }

    /** A profile whose programs are not needed by id. */
    public StaffProfile(
            long staffMemberId,
            String username,
            String displayName,
            String email,
            List<String> roles,
            List<String> programs) {
        this(staffMemberId, username, displayName, email, roles, programs, List.of());
    }

    public boolean hasRole(Role role) {
        return roles.contains(role.realmName());
    }
}
