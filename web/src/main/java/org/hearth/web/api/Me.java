package org.hearth.web.api;

import java.util.List;
import org.hearth.staff.StaffProfile;

/** The body of {@code GET /api/v1/me}: who the token belongs to, their roles and programs. */
public record Me(String username, String displayName, List<String> roles, List<String> programs) {

    static Me of(StaffProfile profile) {
        return new Me(profile.username(), profile.displayName(), profile.roles(), profile.programs());
    }
}
