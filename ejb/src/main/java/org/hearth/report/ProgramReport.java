package org.hearth.report;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.hearth.appointments.AppointmentKind;
import org.hearth.engagement.CriticalEventKind;
import org.hearth.engagement.LevelOfCare;
import org.hearth.engagement.RefusalReason;
import org.hearth.notes.CraftProcedure;

/**
 * Every figure of a program report for one scope, as counted in the database ({@link ProgramFigures}); the
 * numbers are exact - showing them de-identified (small cells suppressed) is the reader's job, with {@link
 * Suppression}.
 *
 * @param programNames the programs covered
 * @param counselorName the counselor the report is restricted to, or null
 * @param mine whether it is the reader's own caseload
 * @param asOf when the figures were counted (a report may be served from {@link ReportCache} for a few minutes)
 */
public record ProgramReport(
        List<String> programNames,
        String counselorName,
        boolean mine,
        LocalDate from,
        LocalDate to,
        long episodesOpened,
        List<EntryCohort> entryByCohort,
        DaysToEntry daysToEntry,
        List<SurvivalPoint> timeToEntry,
        Retention retention,
        List<Tally<RefusalReason>> refusalReasons,
        List<Tally<LevelOfCare>> levelsOfCare,
        List<Tally<CriticalEventKind>> criticalEvents,
        long naloxoneKits,
        List<Tally<AppointmentKind>> sessionsHeld,
        SessionAttendance sessionAttendance,
        List<GroupAttendance> groupAttendance,
        List<GroupWaitlist> waitlists,
        List<Tally<CraftProcedure>> craftProcedures,
        SessionsBeforeEntry sessionsBeforeEntry,
        List<CounselorCaseload> caseloads,
        List<CounselorFidelity> fidelity,
        Instant asOf)
        implements Serializable {

    /** Entered treatment of all the episodes opened in the range, summed over the cohorts. */
    public Share enteredOverall() {
        long entered = entryByCohort.stream().mapToLong(c -> c.entered().part()).sum();
        long opened = entryByCohort.stream().mapToLong(c -> c.entered().whole()).sum();
        return new Share(entered, opened);
    }
}
