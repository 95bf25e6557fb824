package org.hearth.report;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.io.Serializable;
import java.time.LocalDate;

/**
 * What a reader asks a program report for: a range of clinic days, and - a supervisor - one of their programs
 * and one counselor, or - a counselor - their own caseload ({@code mine}). Who may ask for which is {@link
 * ProgramReports}' rule.
 *
 * @param programId one of the supervisor's programs, or null for all of them
 * @param counselorUsername a counselor of those programs, or null for everyone
 * @param from the first day of the range
 * @param to the last day of the range (included)
 * @param mine the caller's own caseload, as a counselor
 */
public record ReportFilter(
        Long programId,
        @Size(max = 255) String counselorUsername,
        @NotNull(message = "{report.from.required}") LocalDate from,
        @NotNull(message = "{report.to.required}") LocalDate to,
        boolean mine)
        implements Serializable {

    /** The longest range a report covers: three years of figures in one go. */
    public static final int LONGEST_RANGE_DAYS = 3 * 366;

    /** A range ends on or after the day it starts. */
    @AssertTrue(message = "{report.range.order}")
    public boolean isInOrder() {
        return from == null || to == null || !to.isBefore(from);
    }

    /** A range covers at most {@value #LONGEST_RANGE_DAYS} days. */
    @AssertTrue(message = "{report.range.length}")
    public boolean isNotTooLong() {
        return from == null
                || to == null
                || to.isBefore(from)
                || !from.plusDays(LONGEST_RANGE_DAYS).isBefore(to);
    }
}
