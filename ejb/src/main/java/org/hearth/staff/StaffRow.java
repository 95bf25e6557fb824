package org.hearth.staff;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/**
 * A staff member as administrators see them: the roles as the identity provider gave them at the last sign-in,
 * the programs they work in (ids and names, in the same order), whether Hearth lets them in, and the version
 * their next change must name.
 */
public record StaffRow(
        long id,
        String username,
        String displayName,
        String email,
        List<String> roles,
        List<Long> programIds,
        List<String> programNames,
        Instant lastSignInAt,
        boolean active,
        Instant deactivatedAt,
        String deactivatedBy,
        long version)
        implements Serializable {

    public StaffRow {
        roles = List.copyOf(roles);
        programIds = List.copyOf(programIds);
        programNames = List.copyOf(programNames);
    }

    static StaffRow of(StaffMember member, List<Program> programs) {
        return new StaffRow(
                member.getId(),
                member.getUsername(),
                member.getDisplayName(),
                member.getEmail(),
                member.getRoles(),
                programs.stream().map(Program::getId).toList(),
                programs.stream().map(Program::getName).toList(),
                member.getLastSignInAt(),
                member.isActive(),
                member.getDeactivatedAt(),
                member.getDeactivatedBy(),
                member.getVersion());
    }
}
