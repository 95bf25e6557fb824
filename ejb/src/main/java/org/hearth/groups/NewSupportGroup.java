package org.hearth.groups;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.io.Serializable;
import java.util.List;

/**
 * A support group to define: its name, kind and language, the program it belongs to, the room it meets in,
 * how many members it seats, whether members may join once it has started, its one or two facilitators
 * (counselors of the program, by username) and when it meets.
 */
public record NewSupportGroup(
        @NotBlank(message = "{group.name.required}") @Size(max = 120, message = "{group.name.length}") String name,
        @NotNull(message = "{group.kind.required}") GroupKind kind,
        @NotNull(message = "{group.language.required}")
                @Pattern(regexp = "en|es", message = "{group.language.required}")
                String language,
        @NotNull(message = "{group.program.required}") Long programId,
        @NotNull(message = "{group.room.required}") Long roomId,
        @NotNull(message = "{group.capacity.range}")
                @Min(value = 1, message = "{group.capacity.range}")
                @Max(value = SupportGroup.MAX_CAPACITY, message = "{group.capacity.range}")
                Integer capacity,
        boolean openEnrollment,
        @NotNull(message = "{group.facilitators.size}")
                @Size(min = 1, max = SupportGroup.MAX_FACILITATORS, message = "{group.facilitators.size}")
                List<@NotBlank(message = "{group.facilitators.size}") String> facilitatorUsernames,
        @NotNull(message = "{group.recurrence.required}") @Valid GroupRecurrence recurrence)
        implements Serializable {

    public NewSupportGroup {
        facilitatorUsernames = facilitatorUsernames == null ? null : List.copyOf(facilitatorUsernames);
    }
}
