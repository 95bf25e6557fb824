package org.hearth.family;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.io.Serializable;
import java.time.LocalDate;

/** A counselor covering a family for a date range (leave, vacation), with the reason. */
public record CoveringAssignment(
        @NotBlank(message = "{assignment.counselor.required}") String counselorUsername,
        @NotNull(message = "{assignment.from.required}") LocalDate from,
        @NotNull(message = "{assignment.until.required}") LocalDate until,
        @Size(max = 500) String reason)
        implements Serializable {

    @AssertTrue(message = "{assignment.range.order}")
    public boolean isRangeInOrder() {
        return from == null || until == null || !until.isBefore(from);
    }
}
