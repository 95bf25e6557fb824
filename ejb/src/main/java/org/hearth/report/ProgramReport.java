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
import org.hearth.time.ClinicTime;

/**
 * Every figure of a program report for one scope, as counted in the database ({@link ProgramFigures}); the
 * numbers are exact - showing them de-identified (small cells suppressed) is the reader's job, with {@link
 * Suppression}.
 *
 * @param programNames the programs covered
 * @param counselorName the counselor the report is restricted to, or null
 * @param mine whether it is the reader's own caseload
 * @param treatmentPath referrals, their arrivals and losses, and offers after critical events (issue 24)
 * @param resourcesGiven community resources given to families, by kind (issue 25)
 * @param familyWellbeing the family members' PHQ-9 and GAD-7: members measured, paired change intake to 90 days
 *     (issue 25)
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
        TreatmentPath treatmentPath,
        ResourcesGiven resourcesGiven,
        FamilyWellbeing familyWellbeing,
        Instant asOf)
        implements Serializable {

    /**
     * The last day the figures observe: the end of the range, or the day they were counted (in the clinic's time
     * zone) when the range ends after it - events after it are not counted.
     */
    public LocalDate countedUpTo() {
        LocalDate countedOn = LocalDate.ofInstant(asOf, ClinicTime.zone());
        return to.isAfter(countedOn) ? countedOn : to;
    }

    /** Whether counting stopped before the end of the range (the range ends after the day it was counted). */
    public boolean stoppedBeforeEnd() {
        return countedUpTo().isBefore(to);
    }

    /**
     * The median time to entry read off the time-to-entry curve as the report shows it ({@link
     * ReportTables#curve}, in de-identified steps): the day of the first step at which half or more of the loved
     * ones followed had entered treatment (not yet in treatment 50% or less). Null when the curve is not shown or
     * never comes down to half ("not reached"): the loved ones still refusing keep it up, which is what the curve,
     * unlike the median of those who entered, tells.
     */
    public Integer medianTimeToEntry() {
        return shownCurve().stream()
                .filter(p -> p.notEnteredYet() <= 0.5)
                .map(SurvivalPoint::day)
                .findFirst()
                .orElse(null);
    }

    /** The time-to-entry curve in the de-identified steps a report shows ({@link ReportTables#curve}). */
    public List<SurvivalPoint> shownCurve() {
        return ReportTables.curve(this);
    }

    /** Entered treatment of all the episodes opened in the range, summed over the cohorts. */
    public Share enteredOverall() {
        long entered = entryByCohort.stream().mapToLong(c -> c.entered().part()).sum();
        long opened = entryByCohort.stream().mapToLong(c -> c.entered().whole()).sum();
        return new Share(entered, opened);
    }
}
