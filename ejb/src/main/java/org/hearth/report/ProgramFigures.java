package org.hearth.report;

import java.sql.ResultSet;
import java.sql.SQLException;
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
 * The figures of the program reports (issue 8), each one SQL aggregate over the rows {@link FigureRows} defines, so
 * the database counts and nothing is loaded into Java to be counted. Plain JDBC over a {@link DataSource}: the
 * report service hands it the server's datasource, tests an embedded PostgreSQL.
 *
 * <p>Definitions shared by every figure:
 *
 * <ul>
 *   <li>Days are clinic days in the clinic's time zone ({@link ClinicTime}); the range {@code [from, to]} of the
 *       {@link ReportScope} includes both ends.
 *   <li>"Intake" means the opening of the loved one's engagement episode: completing the intake opens it, so its
 *       opening is the intake day of that loved one, and a loved one named later has their own later start.
 *   <li>The <b>last day observed</b> is the end of the range, or today if the range ends in the future: events
 *       after it do not count, so a report of a past range gives the same numbers tomorrow.
 *   <li>Voided episode events never count.
 * </ul>
 *
 * <p>Who may see which scope is decided by the caller; the lists behind the figures are in {@link FigureLists}.
 */
public class ProgramFigures {

    private static final String TALLY = "select item, count(*) as n from behind group by item order by n desc, item";

    private final ReportQueries queries;

    /** Figures read through {@code dataSource}, with "today" from {@code clock} in the clinic's time zone. */
    public ProgramFigures(DataSource dataSource, Clock clock) {
        this.queries = new ReportQueries(
                Objects.requireNonNull(dataSource, "figures need a database"),
                Objects.requireNonNull(clock, "figures need a clock"),
                ClinicTime.zone());
    }

    // Outcomes

    /** Engagement episodes opened (intakes of loved ones) on a day of the range. */
    public long episodesOpened(ReportScope scope) {
        return queries.one(FigureRows.OPENED, "select count(*) from behind", scope, row -> row.getLong(1));
    }

    /**
     * Treatment entry by intake-month cohort: the episodes opened in the range grouped by the month they opened, and
     * how many of each entered treatment (a valid move to ENTERED_TREATMENT) by the last day observed. Months come
     * in order; a month without an opened episode is left out.
     */
    public List<EntryCohort> entryByCohort(ReportScope scope) {
        return queries.list(
                FigureRows.OPENED,
                "select to_char(opened_on, 'YYYY-MM') as month, count(*) as opened, count(entered_on) as entered"
                        + " from behind group by 1 order by 1",
                scope,
                Map.of(),
                row -> new EntryCohort(
                        YearMonth.parse(row.getString("month")),
                        new Share(row.getLong("entered"), row.getLong("opened"))));
    }

    /**
     * Median days from intake (the episode's opening) to the first entry into treatment, over the episodes opened in
     * the range that entered by the last day observed. Those that did not enter are not in it: the time-to-entry
     * curve ({@link #timeToEntry}) is the figure that counts them.
     */
    public DaysToEntry daysToEntry(ReportScope scope) {
        return queries.one(
                FigureRows.OPENED,
                "select count(*) as entered, percentile_cont(0.5) within group (order by entered_on - opened_on)"
                        + " as median from behind where entered_on is not null",
                scope,
                row -> new DaysToEntry(row.getLong("entered"), ReportQueries.nullableDouble(row, "median")));
    }

    /**
     * The Kaplan-Meier time-to-entry curve of the episodes opened in the range, computed in the database with window
     * functions: time is days from the opening; an entry into treatment by the last day observed is the event; an
     * episode standing closed on the last day observed without having entered (disengaged, moved away, deceased,
     * closed) is censored on the day it closed, and one still open is censored on the last day observed. One point
     * per day on which anyone entered or was censored, in order; S(t) is the product of (1 - entered / at risk)
     * over the days up to t, and 0 from a day on which everyone at risk entered.
     */
    public List<SurvivalPoint> timeToEntry(ReportScope scope) {
        return queries.list(
                FigureRows.OPENED,
                ", by_day as (select last_day - opened_on as day, count(*) filter (where entered_on is not null)"
                        + " as entered, count(*) filter (where entered_on is null) as censored from behind group by 1)"
                        + ", at_risk as (select day, entered, censored,"
                        + " sum(entered + censored) over (order by day desc) as at_risk from by_day)"
                        + " select day, at_risk, entered, censored,"
                        + " case when bool_or(entered = at_risk) over (order by day) then 0"
                        + " else exp(sum(ln(case when entered < at_risk then 1 - cast(entered as numeric) / at_risk"
                        + " else 1 end)) over (order by day)) end as survival from at_risk order by day",
                scope,
                Map.of(),
                row -> new SurvivalPoint(
                        row.getInt("day"),
                        row.getLong("at_risk"),
                        row.getLong("entered"),
                        row.getLong("censored"),
                        row.getDouble("survival")));
    }

    /**
     * Retention at 30 and 90 days: of the episodes whose first entry into treatment in the range is due for the
     * check (30 or 90 days after the entry by the last day observed, or confirmed earlier), how many moved to
     * RETAINED_30 or RETAINED_90 after that entry.
     */
    public Retention retention(ReportScope scope) {
        return queries.one(
                FigureRows.ENTERED,
                "select count(*) filter (where due_30) as due_30, count(*) filter (where due_30 and retained_30)"
                        + " as retained_30, count(*) filter (where due_90) as due_90,"
                        + " count(*) filter (where due_90 and retained_90) as retained_90 from behind",
                scope,
                row -> new Retention(
                        new Share(row.getLong("retained_30"), row.getLong("due_30")),
                        new Share(row.getLong("retained_90"), row.getLong("due_90"))));
    }

    /**
     * Refusal reasons ranked: for each reason, how many refusals of a treatment offer in the range gave it (a refusal
     * with two reasons counts once for each). Reasons nobody gave are left out.
     */
    public List<Tally<RefusalReason>> refusalReasons(ReportScope scope) {
        return tally(FigureRows.REFUSAL_REASONS, scope, RefusalReason.class);
    }

    /**
     * Levels of care entered: every move into treatment in the range, by the level of care entered (a loved one who
     * entered twice counts twice), ranked.
     */
    public List<Tally<LevelOfCare>> levelsOfCareEntered(ReportScope scope) {
        return tally(FigureRows.ENTRIES, scope, LevelOfCare.class);
    }

    /** Critical events (overdoses, emergency visits, arrests...) recorded as happening in the range, by kind, ranked. */
    public List<Tally<CriticalEventKind>> criticalEvents(ReportScope scope) {
        return tally(FigureRows.CRITICAL_EVENTS, scope, CriticalEventKind.class);
    }

    /** Naloxone kits given to families in the range (harm-reduction events NALOXONE_KIT_GIVEN). */
    public long naloxoneKitsGiven(ReportScope scope) {
        return queries.one(FigureRows.NALOXONE_KITS, "select count(*) from behind", scope, row -> row.getLong(1));
    }

    // The path from "yes" to treatment (issue 24)

    /**
     * Referrals made in Hearth on a day of the range and what became of them by the last day observed: how many
     * arrived (outcome ARRIVED, dated on or before it) and the median days from the accepted offer ({@code
     * accepted_on}) to the arrival ({@code outcome_on}) over those; how many ended "did not arrive"; and how many
     * had a ready plan when the offer was accepted ({@code plan_ready_at_acceptance}).
     */
    public ReferralOutcomes referrals(ReportScope scope) {
        return queries.one(
                FigureRows.REFERRALS,
                "select count(*) as started, count(*) filter (where arrived) as arrived,"
                        + " count(*) filter (where lost) as lost, count(*) filter (where ready) as ready,"
                        + " percentile_cont(0.5) within group (order by outcome_on - accepted_on)"
                        + " filter (where arrived) as median from behind",
                scope,
                row -> new ReferralOutcomes(
                        row.getLong("started"),
                        row.getLong("arrived"),
                        row.getLong("lost"),
                        ReportQueries.nullableDouble(row, "median"),
                        row.getLong("ready")));
    }

    /**
     * The referrals of {@link #referrals} that ended "did not arrive" by the last day observed, by the coded reason
     * recorded, ranked. Codes are counted as written, known or not.
     */
    public List<ReasonTally> referralsLost(ReportScope scope) {
        return queries.list(
                FigureRows.REFERRALS,
                "select reason, count(*) as n from behind where lost group by reason order by n desc, reason",
                scope,
                Map.of(),
                row -> new ReasonTally(row.getString("reason"), row.getLong("n")));
    }

    /**
     * Arrivals into treatment through a referral on a day of the range (to the last day observed), by the provider
     * arrived at, ranked (ties by name). Every entry into treatment, referred or not, is counted by level of care in
     * {@link #levelsOfCareEntered}.
     */
    public List<ProviderEntries> entriesByProvider(ReportScope scope) {
        return queries.list(
                FigureRows.ARRIVALS,
                "select provider_id, provider_name, count(*) as n from behind group by provider_id, provider_name"
                        + " order by n desc, provider_name, provider_id",
                scope,
                Map.of(),
                row -> new ProviderEntries(
                        row.getLong("provider_id"), row.getString("provider_name"), row.getLong("n")));
    }

    /**
     * Treatment offers made on a day of the range within 14 days after a critical event of the same episode (the
     * event dated on the offer's day or up to 14 days before; neither voided) - the whole - and how many of them the
     * loved one accepted - the part.
     */
    public Share offersAfterCriticalEvent(ReportScope scope) {
        return queries.one(
                FigureRows.OFFERS_AFTER_CRITICAL_EVENT,
                "select count(*) as offers, count(*) filter (where accepted) as accepted from behind",
                scope,
                row -> new Share(row.getLong("accepted"), row.getLong("offers")));
    }

    // The family's own plan (issue 25)

    /**
     * Community resources given to the scope's families on a day of the range (to the last day observed): how many,
     * to how many families, and by kind, ranked - one aggregate over the gifts, its grand total by grouping sets.
     */
    public ResourcesGiven resourcesGiven(ReportScope scope) {
        List<Object[]> rows = queries.list(
                FigureRows.RESOURCES_GIVEN,
                "select item, count(*) as n, count(distinct family_id) as families, grouping(item) as whole"
                        + " from behind group by grouping sets ((item), ()) order by whole desc, n desc, item",
                scope,
                Map.of(),
                row -> new Object[] {
                    row.getString("item"), row.getLong("n"), row.getLong("families"), row.getInt("whole")
                });
        long given = 0;
        long families = 0;
        List<Tally<ResourceKind>> byKind = new java.util.ArrayList<>();
        for (Object[] row : rows) {
            if ((Integer) row[3] == 1) {
                given = (Long) row[1];
                families = (Long) row[2];
            } else {
                byKind.add(new Tally<>(ResourceKind.valueOf((String) row[0]), (Long) row[1]));
            }
        }
        return new ResourcesGiven(given, families, byKind);
    }

    // Service volume

    /** Family sessions held (status COMPLETED) that started on a day of the range, by kind of session, ranked. */
    public List<Tally<AppointmentKind>> sessionsHeld(ReportScope scope) {
        return tally(FigureRows.SESSIONS_HELD, scope, AppointmentKind.class);
    }

    /**
     * No-show and late-cancel rates of the family sessions of the range: over the sessions the family was expected
     * at (held or checked in, no-shows, and cancellations by the family under 24 hours before the start), the share
     * of no-shows and the share of late cancellations. Sessions cancelled in time, cancelled by the clinic, or still
     * only scheduled are in neither part nor whole.
     */
    public SessionAttendance sessionAttendance(ReportScope scope) {
        return queries.one(
                FigureRows.EXPECTED_SESSIONS,
                "select count(*) as expected, count(*) filter (where item = 'KEPT') as kept,"
                        + " count(*) filter (where item = 'NO_SHOW') as no_shows,"
                        + " count(*) filter (where item = 'LATE_CANCEL') as late_cancels from behind",
                scope,
                row -> {
                    long expected = row.getLong("expected");
                    return new SessionAttendance(
                            expected,
                            row.getLong("kept"),
                            new Share(row.getLong("no_shows"), expected),
                            new Share(row.getLong("late_cancels"), expected));
                });
    }

    /**
     * Attendance rate per support group of the programs: over the attendance marks of the scope's family members at
     * the group's meetings in the range (cancelled meetings left out), PRESENT or LATE of PRESENT, LATE or ABSENT;
     * excused absences are counted apart and not against the rate. Groups without marks in the range are left out;
     * ordered by name.
     */
    public List<GroupAttendance> groupAttendance(ReportScope scope) {
        return queries.list(
                FigureRows.GROUP_ATTENDANCE,
                "select sg.id, sg.name, count(distinct b.session_id) as meetings,"
                        + " count(*) filter (where b.mark in ('PRESENT', 'LATE')) as attended,"
                        + " count(*) filter (where b.mark <> 'EXCUSED') as marked,"
                        + " count(*) filter (where b.mark = 'EXCUSED') as excused"
                        + " from behind b join support_group sg on sg.id = b.group_id"
                        + " group by sg.id, sg.name order by sg.name, sg.id",
                scope,
                Map.of(),
                row -> new GroupAttendance(
                        row.getLong("id"),
                        row.getString("name"),
                        row.getLong("meetings"),
                        new Share(row.getLong("attended"), row.getLong("marked")),
                        row.getLong("excused")));
    }

    /**
     * Waitlist length per support group of the programs, now (not over the range): the scope's family members
     * waitlisted for it. Every group of the programs is listed, with 0 when nobody waits; ordered by name.
     */
    public List<GroupWaitlist> waitlists(ReportScope scope) {
        return queries.list(
                FigureRows.WAITLISTED,
                "select sg.id, sg.name, count(b.record_id) as waiting from support_group sg"
                        + " left join behind b on b.group_id = sg.id where sg.program_id = any(:programs)"
                        + " group by sg.id, sg.name order by sg.name, sg.id",
                scope,
                Map.of(),
                row -> new GroupWaitlist(row.getLong("id"), row.getString("name"), row.getLong("waiting")));
    }

    /**
     * CRAFT procedures delivered: for each procedure, in how many signed notes (signed, returned or co-signed) of
     * family sessions of the range it was practised, ranked. Drafts do not count: what is delivered is what was
     * signed for.
     */
    public List<Tally<CraftProcedure>> craftProceduresDelivered(ReportScope scope) {
        return tally(FigureRows.CRAFT_PROCEDURES, scope, CraftProcedure.class);
    }

    /**
     * Family sessions before entry: for each episode whose first entry into treatment in the range fell on a day,
     * the family sessions held (COMPLETED) from the family's opening to that day, the day included; their median
     * and mean.
     */
    public SessionsBeforeEntry sessionsBeforeEntry(ReportScope scope) {
        return queries.one(
                FigureRows.ENTERED,
                "select count(*) as entrants, percentile_cont(0.5) within group (order by sessions_before) as median,"
                        + " avg(sessions_before) as mean from behind",
                scope,
                row -> new SessionsBeforeEntry(
                        row.getLong("entrants"),
                        ReportQueries.nullableDouble(row, "median"),
                        ReportQueries.nullableDouble(row, "mean")));
    }

    // Caseloads

    /**
     * Per counselor of the programs (staff with the counselor role who belong to one of them; with a counselor in the
     * scope, that one), ordered by name, counting families of the programs only: ACTIVE families on their caseload
     * today; family sessions they held in the range; their overdue notes (held sessions ended more than 72 hours ago
     * without a signed note, as the notes' to-do list counts them, whenever held); overdue follow-ups (open episodes
     * of families on their caseload whose follow-up day is before today); and ACTIVE families on their caseload
     * without contact for more than 30 days (counted from the opening before any session was held). A counselor with
     * nothing counts zeros.
     */
    public List<CounselorCaseload> caseloads(ReportScope scope) {
        return queries.list(
                FigureRows.CASELOADS,
                // the rows are counted per counselor first, once: joined to each counselor before counting, the
                // planner re-ran them for every counselor (33 s for 40 counselors at agency scale)
                "select c.id, c.username, c.display_name, coalesce(t.active_families, 0) as active_families,"
                        + " coalesce(t.sessions_held, 0) as sessions_held, coalesce(t.overdue_notes, 0) as overdue_notes,"
                        + " coalesce(t.overdue_follow_ups, 0) as overdue_follow_ups, coalesce(t.no_contact, 0) as no_contact"
                        + " from counselor c left join (select b.counselor_id,"
                        + " count(b.record_id) filter (where b.item = 'ACTIVE_FAMILIES') as active_families,"
                        + " count(b.record_id) filter (where b.item = 'SESSIONS_HELD') as sessions_held,"
                        + " count(b.record_id) filter (where b.item = 'OVERDUE_NOTES') as overdue_notes,"
                        + " count(b.record_id) filter (where b.item = 'OVERDUE_FOLLOW_UPS') as overdue_follow_ups,"
                        + " count(b.record_id) filter (where b.item = 'NO_CONTACT') as no_contact"
                        + " from behind b group by b.counselor_id) t on t.counselor_id = c.id"
                        + " order by c.display_name, c.username",
                scope,
                Map.of(),
                row -> new CounselorCaseload(
                        row.getLong("id"),
                        row.getString("username"),
                        row.getString("display_name"),
                        row.getLong("active_families"),
                        row.getLong("sessions_held"),
                        row.getLong("overdue_notes"),
                        row.getLong("overdue_follow_ups"),
                        row.getLong("no_contact")));
    }

    // MI fidelity

    /**
     * MI fidelity per counselor: the MITI reviews (by a supervisor or self-reviews) of sessions held in the range with
     * families of the programs, summed per counselor reviewed, against the fair and good bands ({@link
     * CounselorFidelity} says how the scores are pooled). Counselors without a review in the range are left out;
     * ordered by name.
     */
    public List<CounselorFidelity> fidelity(ReportScope scope) {
        return queries.list(
                FigureRows.MITI_REVIEWS,
                "select s.id, s.username, s.display_name, count(*) as reviews,"
                        + " count(*) filter (where b.self_review) as self_reviews, sum(b.technical_sum) as technical,"
                        + " sum(b.relational_sum) as relational, sum(b.reflections) as reflections,"
                        + " sum(b.questions) as questions, sum(b.complex_reflections) as complex_reflections"
                        + " from behind b join staff_member s on s.id = b.counselor_id"
                        + " group by s.id, s.username, s.display_name order by s.display_name, s.username",
                scope,
                Map.of(),
                row -> CounselorFidelity.of(
                        row.getLong("id"),
                        row.getString("username"),
                        row.getString("display_name"),
                        row.getLong("reviews"),
                        row.getLong("self_reviews"),
                        row.getLong("technical"),
                        row.getLong("relational"),
                        row.getLong("reflections"),
                        row.getLong("questions"),
                        row.getLong("complex_reflections")));
    }

    private <K extends Enum<K>> List<Tally<K>> tally(String rows, ReportScope scope, Class<K> items) {
        return queries.list(rows, TALLY, scope, Map.of(), row -> tallied(row, items));
    }

    private static <K extends Enum<K>> Tally<K> tallied(ResultSet row, Class<K> items) throws SQLException {
        return new Tally<>(Enum.valueOf(items, row.getString("item")), row.getLong("n"));
    }

    // The family members' own wellbeing (issue 25)

    /** A follow-up measure pairs with the intake's when taken this many days after it at the earliest... */
    public static final int PAIRED_FROM_DAYS = 75;

    /** ...and at the latest: a window around 90 days, since measures are taken every 4 weeks, not on the day. */
    public static final int PAIRED_TO_DAYS = 120;

    /**
     * The members measured on a day of the range (a PHQ-9 or GAD-7 taken then), and per instrument the change from
     * each member's intake measure to their measure {@value #PAIRED_FROM_DAYS}-{@value #PAIRED_TO_DAYS} days later
     * nearest to 90 days (that measure taken on a day of the range): the pairs, the mean change, and how many went
     * down (improved) or up (worsened) by 5 points or more.
     */
    public FamilyWellbeing familyWellbeing(ReportScope scope) {
        long measured = queries.one(
                FigureRows.MEASURED, "select count(distinct record_id) from behind", scope, row -> row.getLong(1));
        List<FamilyWellbeing.WellbeingChange> changes = queries.list(
                FigureRows.WELLBEING_PAIRS,
                "select item, count(*) as pairs, avg(change)::float8 as mean,"
                        + " count(*) filter (where change <= -5) as improved,"
                        + " count(*) filter (where change >= 5) as worsened from behind group by item"
                        + " order by case item when 'PHQ9' then 0 else 1 end",
                scope,
                Map.of(),
                row -> new FamilyWellbeing.WellbeingChange(
                        row.getString("item"),
                        row.getLong("pairs"),
                        ReportQueries.nullableDouble(row, "mean"),
                        row.getLong("improved"),
                        row.getLong("worsened")));
        return new FamilyWellbeing(measured, changes);
    }
}
