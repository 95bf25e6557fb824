package org.hearth.web.api;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.hearth.staff.StaffProfile;

/**
 * The body of {@code GET /api/v1/me}: who the token belongs to, their roles and programs: by name, and their ids in
 * the same order ({@code programIds[i]} is {@code programs[i]}'s), so a client can register a family into one.
 */
@Schema(
        example = "{\"username\": \"carlos\", \"displayName\": \"Carlos Rivera\", \"roles\": [\"counselor\"],"
                + " \"programs\": [\"Family Recovery Program\"], \"programIds\": [1]}")
public record Me(
        @Schema(required = true) String username,
        @Schema(required = true) String displayName,
        @Schema(required = true, description = "Hearth's roles the caller holds now") List<String> roles,
        @Schema(required = true, description = "The programs the caller works in, by name") List<String> programs,
        @Schema(required = true, description = "Their ids, in the order of programs") List<Long> programIds) {

    static Me of(StaffProfile profile) {
        return new Me(
                profile.username(), profile.displayName(), profile.roles(), profile.programs(), profile.programIds());
    }
}
