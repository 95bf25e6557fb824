package org.hearth.web.api;

import java.util.List;
import org.hearth.staff.StaffProfile;

/**
 * The body of {@code GET /api/v1/me}: who the token belongs to, their roles and programs: by name, and their ids in
 * the same order ({@code programIds[i]} is {@code programs[i]}'s), so a client can register a family into one.
 */
public record Me(
        String username, String displayName, List<String> roles, List<String> programs, List<Long> programIds) {

    static Me of(StaffProfile profile) {
        return new Me(
                profile.username(), profile.displayName(), profile.roles(), profile.programs(), profile.programIds());
    }
}
