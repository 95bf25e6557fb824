package org.hearth.report;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a report covers: the programs the reader may see, optionally one counselor, and a range of clinic days
 * {@code [from, to]} (both included; days in the clinic's time zone, {@link org.hearth.time.ClinicTime}).
 *
 * <p>With a counselor, figures about families count only the families on that counselor's caseload on the day the
 * report is made - primary counselor, or covering within the covering dates, as {@link org.hearth.family.Caseload}
 * decides it and as the access rules do - with all their history in the range; figures per counselor (caseloads,
 * MI fidelity) show that counselor only. A counselor's own view is this scope with their own id; a supervisor's
 * counselor filter is the same scope.
 *
 * <p>Who may ask for which scope is the service's decision, not this value's.
 *
 * @param programIds the programs whose families count; none makes every figure empty
 * @param counselorId the counselor whose caseload (or row) the report is restricted to, or null for all
 * @param from the first clinic day of the range
 * @param to the last clinic day of the range
 */
public record ReportScope(Set<Long> programIds, Long counselorId, LocalDate from, LocalDate to) {

    public ReportScope {
        Objects.requireNonNull(programIds, "a report needs the programs it covers, even none");
        Objects.requireNonNull(from, "a report needs the first day of its range");
        Objects.requireNonNull(to, "a report needs the last day of its range");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("a report's range ends (" + to + ") before it starts (" + from + ")");
        }
        programIds = Set.copyOf(new TreeSet<>(programIds));
    }

    /** The programs' figures over the days from {@code from} to {@code to}, both included. */
    public static ReportScope ofPrograms(Collection<Long> programIds, LocalDate from, LocalDate to) {
        return new ReportScope(Set.copyOf(programIds), null, from, to);
    }

    /** The same report restricted to one counselor's caseload (and, per counselor, to their row). */
    public ReportScope forCounselor(long counselorId) {
        return new ReportScope(programIds, counselorId, from, to);
    }

    Long[] programArray() {
        return new TreeSet<>(programIds).toArray(Long[]::new);
    }
}
