package org.hearth.report;

import java.time.Clock;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.sql.DataSource;
import org.hearth.appointments.AppointmentKind;
import org.hearth.engagement.CriticalEventKind;
import org.hearth.engagement.LevelOfCare;
import org.hearth.engagement.RefusalReason;
import org.hearth.notes.CraftProcedure;
import org.hearth.resources.ResourceKind;
import org.hearth.time.ClinicTime;

/**
 * The records behind each figure of {@link ProgramFigures}, for the list a reader opens by clicking a figure: read
 * from the same rows the figure counted ({@link FigureRows}), so the list holds exactly what was counted. Each
 * record comes with its family, on which the service decides access; a record counted several times (a loved one
 * who refused twice for the same reason) is listed once. Ordered by record id.
 */
public class FigureLists {

    private static final String LISTED = "select distinct family_id, record_id from behind";

    private static final String ORDER = " order by record_id, family_id";

    private final ReportQueries queries;

    /** Lists read through {@code dataSource}, with "today" from {@code clock} in the clinic's time zone. */
    public FigureLists(DataSource dataSource, Clock clock) {
        this.queries = new ReportQueries(
                Objects.requireNonNull(dataSource, "lists need a database"),
                Objects.requireNonNull(clock, "lists need a clock"),
                ClinicTime.zone());
    }

    /** Episodes behind {@link ProgramFigures#episodesOpened}. */
    public List<Listed> episodesOpened(ReportScope scope) {
        return list(FigureRows.OPENED, "", scope, Map.of());
    }

    /**
     * Episodes of one intake-month cohort of {@link ProgramFigures#entryByCohort}: all of the month's, or only those
     * that entered treatment.
     */
    public List<Listed> cohort(ReportScope scope, YearMonth month, boolean enteredOnly) {
        Objects.requireNonNull(month, "which month's cohort?");
        return list(
                FigureRows.OPENED,
                " where to_char(opened_on, 'YYYY-MM') = :month" + (enteredOnly ? " and entered_on is not null" : ""),
                scope,
                Map.of("month", month.toString()));
    }

    /** Episodes behind {@link ProgramFigures#daysToEntry}: opened in the range, entered by the last day observed. */
    public List<Listed> enteredTreatment(ReportScope scope) {
        return list(FigureRows.OPENED, " where entered_on is not null", scope, Map.of());
    }

    /**
     * Episodes behind one retention figure of {@link ProgramFigures#retention} ({@code days} 30 or 90): all those due
     * for the check, or only those confirmed retained.
     */
    public List<Listed> retention(ReportScope scope, int days, boolean retainedOnly) {
        if (days != 30 && days != 90) {
            throw new IllegalArgumentException("retention is checked at 30 and 90 days, not " + days);
        }
        return list(
                FigureRows.ENTERED,
                " where due_" + days + (retainedOnly ? " and retained_" + days : ""),
                scope,
                Map.of());
    }

    /** Episodes with a refusal in the range that gave this reason ({@link ProgramFigures#refusalReasons}). */
    public List<Listed> refusals(ReportScope scope, RefusalReason reason) {
        return byItem(FigureRows.REFUSAL_REASONS, scope, reason);
    }

    /** Episodes that entered treatment at this level of care in the range ({@link ProgramFigures#levelsOfCareEntered}). */
    public List<Listed> entries(ReportScope scope, LevelOfCare level) {
        return byItem(FigureRows.ENTRIES, scope, level);
    }

    /** Episodes with a critical event of this kind in the range ({@link ProgramFigures#criticalEvents}). */
    public List<Listed> criticalEvents(ReportScope scope, CriticalEventKind kind) {
        return byItem(FigureRows.CRITICAL_EVENTS, scope, kind);
    }

    /** Episodes whose family was given a naloxone kit in the range ({@link ProgramFigures#naloxoneKitsGiven}). */
    public List<Listed> naloxoneKits(ReportScope scope) {
        return list(FigureRows.NALOXONE_KITS, "", scope, Map.of());
    }

    /** Sessions (appointments) of this kind held in the range ({@link ProgramFigures#sessionsHeld}). */
    public List<Listed> sessionsHeld(ReportScope scope, AppointmentKind kind) {
        return byItem(FigureRows.SESSIONS_HELD, scope, kind);
    }

    /** Sessions (appointments) the family was expected at with this outcome ({@link ProgramFigures#sessionAttendance}). */
    public List<Listed> expectedSessions(ReportScope scope, SessionOutcome outcome) {
        return byItem(FigureRows.EXPECTED_SESSIONS, scope, outcome);
    }

    /** Attendance marks at one group's meetings in the range ({@link ProgramFigures#groupAttendance}). */
    public List<Listed> groupAttendance(ReportScope scope, long groupId) {
        return list(FigureRows.GROUP_ATTENDANCE, " where group_id = :group", scope, Map.of("group", groupId));
    }

    /** Enrollments waiting for a place in one group now ({@link ProgramFigures#waitlists}). */
    public List<Listed> waitlist(ReportScope scope, long groupId) {
        return list(FigureRows.WAITLISTED, " where group_id = :group", scope, Map.of("group", groupId));
    }

    /** Signed session notes in which this CRAFT procedure was practised ({@link ProgramFigures#craftProceduresDelivered}). */
    public List<Listed> craftProcedure(ReportScope scope, CraftProcedure procedure) {
        return byItem(FigureRows.CRAFT_PROCEDURES, scope, procedure);
    }

    /** Episodes behind {@link ProgramFigures#sessionsBeforeEntry}. */
    public List<Listed> sessionsBeforeEntry(ReportScope scope) {
        return list(FigureRows.ENTERED, "", scope, Map.of());
    }

    /**
     * The records behind one counselor's caseload figure ({@link ProgramFigures#caseloads}): families, sessions or
     * episodes, as {@link CaseloadMeasure} says.
     */
    public List<Listed> caseload(ReportScope scope, long counselorId, CaseloadMeasure measure) {
        Objects.requireNonNull(measure, "which caseload figure?");
        return list(
                FigureRows.CASELOADS,
                " where counselor_id = :row and item = :item",
                scope,
                Map.of("row", counselorId, "item", measure.name()));
    }

    /** MITI reviews behind one counselor's fidelity figures ({@link ProgramFigures#fidelity}). */
    public List<Listed> fidelityReviews(ReportScope scope, long counselorId) {
        return list(FigureRows.MITI_REVIEWS, " where counselor_id = :row", scope, Map.of("row", counselorId));
    }

    /**
     * Referrals behind {@link ProgramFigures#referrals}: all made in the range ({@code where} empty), or those
     * matching {@code where} on the rows of {@link FigureRows#REFERRALS} (" where arrived", " where ready").
     */
    List<Listed> referrals(ReportScope scope, String where) {
        return list(FigureRows.REFERRALS, where, scope, Map.of());
    }

    /** Referrals of the range that ended "did not arrive" for this coded reason ({@link ProgramFigures#referralsLost}). */
    public List<Listed> referralsLost(ReportScope scope, String reason) {
        Objects.requireNonNull(reason, "which reason?");
        return list(FigureRows.REFERRALS, " where lost and reason = :reason", scope, Map.of("reason", reason));
    }

    /** Referrals that arrived at this provider in the range ({@link ProgramFigures#entriesByProvider}). */
    public List<Listed> providerArrivals(ReportScope scope, long providerId) {
        return list(FigureRows.ARRIVALS, " where provider_id = :row", scope, Map.of("row", providerId));
    }

    /**
     * Offers behind {@link ProgramFigures#offersAfterCriticalEvent}: all of them, or only the accepted ones.
     */
    public List<Listed> offersAfterCriticalEvent(ReportScope scope, boolean acceptedOnly) {
        return list(FigureRows.OFFERS_AFTER_CRITICAL_EVENT, acceptedOnly ? " where accepted" : "", scope, Map.of());
    }

    /** Resources given in the range, all or of one kind ({@link ProgramFigures#resourcesGiven}). */
    public List<Listed> resourcesGiven(ReportScope scope, ResourceKind kind) {
        return kind == null
                ? list(FigureRows.RESOURCES_GIVEN, "", scope, Map.of())
                : byItem(FigureRows.RESOURCES_GIVEN, scope, kind);
    }

    /** Members measured on a day of the range ({@link ProgramFigures#familyWellbeing}). */
    public List<Listed> membersMeasured(ReportScope scope) {
        return list(FigureRows.MEASURED, "", scope, Map.of());
    }

    /**
     * Members with an intake-to-90-days pair of this instrument ({@link ProgramFigures#familyWellbeing}); {@code
     * where} narrows them (improved, worsened).
     */
    List<Listed> wellbeingPairs(ReportScope scope, String instrument, String where) {
        return list(FigureRows.WELLBEING_PAIRS, " where item = :item" + where, scope, Map.of("item", instrument));
    }

    private List<Listed> byItem(String rows, ReportScope scope, Enum<?> item) {
        Objects.requireNonNull(item, "which item of the figure?");
        return list(rows, " where item = :item", scope, Map.of("item", item.name()));
    }

    private List<Listed> list(String rows, String where, ReportScope scope, Map<String, ?> extra) {
        return queries.list(
                rows,
                LISTED + where + ORDER,
                scope,
                extra,
                row -> new Listed(row.getLong("family_id"), row.getLong("record_id")));
    }
}
