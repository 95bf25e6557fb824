package org.hearth.report;

import org.hearth.access.AccessRules;

/**
 * The rows behind each figure, as SQL: every one ends in a common table {@code behind} with the columns
 * {@code family_id} and {@code record_id} (what the drill-down lists) and the columns the figure aggregates. The
 * figure ({@link ProgramFigures}) and its list ({@link FigureLists}) read the same rows, so a list always holds
 * exactly what its figure counted.
 *
 * <p>Named parameters, bound by {@link ReportQueries}: {@code :programs} (bigint[]), {@code :counselor} (bigint or
 * null), {@code :from}, {@code :to} (the range's clinic days), {@code :until} (the last day observed: the range's
 * end, or today if that is earlier), {@code :today}, {@code :zone} (the clinic's time zone) and
 * {@code :notesDueBefore} (sessions that ended before it have an overdue note).
 */
final class FigureRows {

    private FigureRows() {}

    /** The closing statuses of an episode ({@link org.hearth.engagement.EpisodeTransitions#isClosing}). */
    private static final String CLOSING = "('DISENGAGED', 'MOVED_AWAY', 'DECEASED', 'CLOSED_OTHER')";

    /** Assignment {@code ca} is a covering one in force today (the caseload rule of {@link AccessRules}). */
    private static final String COVERING_TODAY = AccessRules.Sql.coveringInForce("ca", ":today");

    /** An instant column falls on a clinic day of the range (written so an index on the column can serve it). */
    private static String inRange(String instant) {
        return "(" + instant + " >= (cast(:from as timestamp) at time zone :zone) and " + instant
                + " < (cast(:to + 1 as timestamp) at time zone :zone))";
    }

    /** The families of the scope: of its programs and, with a counselor, on the counselor's caseload today. */
    private static final String SCOPE = "with scoped_family as (select f.id, f.status, f.opened_on, f.last_contact_on"
            + " from family f where " + AccessRules.Sql.inPrograms("f", ":programs")
            + " and (cast(:counselor as bigint) is null or " + AccessRules.Sql.onCaseload("f", ":counselor", ":today")
            + "))";

    /** A valid (not voided) move of episode event {@code v} into treatment (an index holds exactly these). */
    private static final String ENTRY =
            "v.kind = 'STATUS_CHANGE' and v.to_status = 'ENTERED_TREATMENT' and v.voided_at is null";

    /**
     * Episodes opened in the range: their opening day, the day they first entered treatment by the last day
     * observed (or null), and their last day: the entry day, else the day they closed if they stand closed, else
     * the last day observed (the day a censored episode leaves the time-to-entry curve). Only the status changes
     * of these episodes are read: read for every episode of the programs and then narrowed to the range, they were
     * most of a report's time at agency scale.
     */
    static final String OPENED = SCOPE
            + ", opened_episode as (select e.id, e.family_id, (e.opened_at at time zone :zone)::date as opened_on"
            + " from engagement_episode e join scoped_family f on f.id = e.family_id"
            + " where " + inRange("e.opened_at") + ")"
            + ", status_change as (select v.id, v.episode_id, v.occurred_on, v.to_status from episode_event v"
            + " join opened_episode e on e.id = v.episode_id"
            + " where v.kind = 'STATUS_CHANGE' and v.voided_at is null and v.occurred_on <= :until)"
            // one pass over the status changes, grouped per episode: a subquery per episode over the changes
            // (a common table has no index) took seconds per figure at agency scale
            + ", change_fact as (select episode_id,"
            + " min(occurred_on) filter (where to_status = 'ENTERED_TREATMENT') as entered_on,"
            + " (array_agg(to_status order by occurred_on desc, id desc))[1] as status_then,"
            + " max(occurred_on) as status_since from status_change group by episode_id)"
            + ", behind as (select e.family_id, e.id as record_id, e.opened_on, cf.entered_on,"
            + " case when cf.entered_on is not null then cf.entered_on"
            + " when cf.status_then in " + CLOSING + " then cf.status_since"
            + " else cast(:until as date) end as last_day"
            + " from opened_episode e left join change_fact cf on cf.episode_id = e.id)";

    /**
     * Episodes whose first entry into treatment in the range fell on {@code entered_on}, with whether the
     * 30- and 90-day retention checks were confirmed after it (a valid move to RETAINED_30 / RETAINED_90 from that
     * day to the last day observed) and whether they are due yet (30 / 90 days on, or confirmed early), and the
     * family sessions held from the family's opening to the day of entry. The entries are found by day through
     * their index, then the retention moves of those episodes only.
     */
    static final String ENTERED = SCOPE
            + ", first_entry as (select e.family_id, v.episode_id, min(v.occurred_on) as entered_on"
            + " from episode_event v join engagement_episode e on e.id = v.episode_id"
            + " join scoped_family f on f.id = e.family_id"
            + " where " + ENTRY + " and v.occurred_on between :from and :until"
            + " group by e.family_id, v.episode_id)"
            // joined and grouped, not a subquery per entry over the changes (3 s at agency scale)
            + ", retention as (select fe.family_id, fe.episode_id, fe.entered_on,"
            + " coalesce(bool_or(c.to_status = 'RETAINED_30' and c.occurred_on >= fe.entered_on), false)"
            + " as retained_30,"
            + " coalesce(bool_or(c.to_status = 'RETAINED_90' and c.occurred_on >= fe.entered_on), false)"
            + " as retained_90"
            + " from first_entry fe left join episode_event c on c.episode_id = fe.episode_id"
            + " and c.kind = 'STATUS_CHANGE' and c.voided_at is null and c.occurred_on <= :until"
            + " and c.to_status in ('RETAINED_30', 'RETAINED_90')"
            + " group by fe.family_id, fe.episode_id, fe.entered_on)"
            + ", behind as (select r.family_id, r.episode_id as record_id, r.entered_on, r.retained_30, r.retained_90,"
            + " (r.retained_30 or r.entered_on + 30 <= :until) as due_30,"
            + " (r.retained_90 or r.entered_on + 90 <= :until) as due_90,"
            + " (select count(*) from appointment a join family fa on fa.id = a.family_id"
            + " where a.family_id = r.family_id and a.status = 'COMPLETED'"
            + " and (a.starts_at at time zone :zone)::date between fa.opened_on and r.entered_on) as sessions_before"
            + " from retention r)";

    /** Every move into treatment in the range (a loved one who entered twice counts twice), with its level. */
    static final String ENTRIES = SCOPE
            + ", behind as (select e.family_id, v.episode_id as record_id, v.level_of_care as item"
            + " from episode_event v join engagement_episode e on e.id = v.episode_id"
            + " join scoped_family f on f.id = e.family_id"
            + " where " + ENTRY + " and v.occurred_on between :from and :until)";

    /** The scope's valid episode events that happened in the range. */
    private static final String EVENTS = SCOPE
            + ", event_in_range as (select v.*, e.family_id from episode_event v"
            + " join engagement_episode e on e.id = v.episode_id join scoped_family f on f.id = e.family_id"
            + " where v.voided_at is null and v.occurred_on between :from and :to)";

    /** Each refusal of a treatment offer in the range, once per reason the family gave for it. */
    static final String REFUSAL_REASONS = EVENTS
            + ", behind as (select v.family_id, v.episode_id as record_id, reason as item from event_in_range v,"
            + " unnest(string_to_array(v.refusal_reasons, ',')) as reason"
            + " where v.kind = 'TREATMENT_OFFERED' and v.response = 'REFUSED' and reason <> '')";

    /** Each critical event in the range, with its kind. */
    static final String CRITICAL_EVENTS = EVENTS
            + ", behind as (select family_id, episode_id as record_id, critical_event as item from event_in_range"
            + " where kind = 'CRITICAL_EVENT')";

    /** Each naloxone kit given in the range. */
    static final String NALOXONE_KITS = EVENTS
            + ", behind as (select family_id, episode_id as record_id from event_in_range"
            + " where kind = 'HARM_REDUCTION' and harm_reduction = 'NALOXONE_KIT_GIVEN')";

    /**
     * Referrals (issue 24) made in Hearth on a day of the range for the scope's episodes, each with what became of it
     * by the last day observed: {@code arrived} (outcome ARRIVED on or before it, on {@code outcome_on}), {@code lost}
     * (NOT_ARRIVED on or before it, with its coded {@code reason}), or neither (still open, or settled later); and
     * whether the plan was ready when the offer was accepted ({@code ready}).
     */
    static final String REFERRALS = SCOPE
            + ", behind as (select e.family_id, r.id as record_id, r.provider_id, r.accepted_on, r.outcome_on,"
            + " r.plan_ready_at_acceptance as ready,"
            + " (r.outcome = 'ARRIVED' and r.outcome_on <= :until) as arrived,"
            + " (r.outcome = 'NOT_ARRIVED' and r.outcome_on <= :until) as lost,"
            + " case when r.outcome = 'NOT_ARRIVED' and r.outcome_on <= :until then r.not_arrived_reason end as reason"
            + " from referral r join engagement_episode e on e.id = r.episode_id"
            + " join scoped_family f on f.id = e.family_id where " + inRange("r.started_at") + ")";

    /**
     * Community resources given (issue 25) to the scope's families on a day of the range up to the last day observed,
     * each with the kind of the directory entry given ({@code item}).
     */
    static final String RESOURCES_GIVEN = SCOPE
            + ", behind as (select g.family_id, g.id as record_id, r.kind as item from resource_gift g"
            + " join scoped_family f on f.id = g.family_id join community_resource r on r.id = g.resource_id"
            + " where g.given_on between :from and :until)";

    /**
     * Arrivals into treatment through a referral on a day of the range (up to the last day observed), each with the
     * provider the loved one arrived at.
     */
    static final String ARRIVALS = SCOPE
            + ", behind as (select e.family_id, r.id as record_id, p.id as provider_id, p.name as provider_name"
            + " from referral r join engagement_episode e on e.id = r.episode_id"
            + " join scoped_family f on f.id = e.family_id join treatment_provider p on p.id = r.provider_id"
            + " where r.outcome = 'ARRIVED' and r.outcome_on between :from and :until)";

    /**
     * Treatment offers of the range made within 14 days after a critical event of the same episode (the event on
     * the offer's day up to 14 days before it; neither voided), each with whether it was accepted.
     */
    static final String OFFERS_AFTER_CRITICAL_EVENT = EVENTS
            + ", behind as (select v.family_id, v.id as record_id, coalesce(v.response = 'ACCEPTED', false) as accepted"
            + " from event_in_range v where v.kind = 'TREATMENT_OFFERED' and exists (select 1 from episode_event c"
            + " where c.episode_id = v.episode_id and c.kind = 'CRITICAL_EVENT' and c.voided_at is null"
            + " and c.occurred_on between v.occurred_on - 14 and v.occurred_on))";

    /** The scope's family sessions that start on a day of the range. */
    private static final String APPOINTMENTS = SCOPE
            + ", appointment_in_range as (select a.* from appointment a join scoped_family f on f.id = a.family_id"
            + " where " + inRange("a.starts_at") + ")";

    /** Family sessions held (COMPLETED) in the range, with their kind. */
    static final String SESSIONS_HELD = APPOINTMENTS
            + ", behind as (select family_id, id as record_id, kind as item from appointment_in_range"
            + " where status = 'COMPLETED')";

    /**
     * The family sessions of the range the family was expected at, each with what became of it: KEPT (checked in
     * or held), NO_SHOW, or LATE_CANCEL (cancelled by the family less than 24 hours before the start). Sessions
     * cancelled in time or by the clinic, and sessions still only scheduled, were not expected.
     */
    static final String EXPECTED_SESSIONS = APPOINTMENTS
            + ", behind as (select family_id, id as record_id,"
            + " case when status = 'NO_SHOW' then 'NO_SHOW' when status = 'CANCELLED_BY_FAMILY' then 'LATE_CANCEL'"
            + " else 'KEPT' end as item from appointment_in_range"
            + " where status in ('CHECKED_IN', 'COMPLETED', 'NO_SHOW') or (status = 'CANCELLED_BY_FAMILY'"
            + " and cancelled_at > starts_at - interval '24 hours'))";

    /** Each CRAFT procedure practised in a signed note of a session in the range. */
    static final String CRAFT_PROCEDURES = APPOINTMENTS
            + ", behind as (select a.family_id, n.id as record_id, craft as item from appointment_in_range a"
            + " join session_note n on n.appointment_id = a.id,"
            + " unnest(string_to_array(n.craft_procedures, ',')) as craft"
            + " where n.status <> 'DRAFT' and craft <> '')";

    /**
     * Attendance marks of the scope's family members at meetings (not cancelled) in the range of the programs'
     * support groups.
     */
    static final String GROUP_ATTENDANCE = SCOPE
            + ", behind as (select f.id as family_id, ga.id as record_id, sg.id as group_id, gs.id as session_id,"
            + " ga.mark from group_attendance ga join group_session gs on gs.id = ga.group_session_id"
            + " join support_group sg on sg.id = gs.group_id join family_member m on m.id = ga.family_member_id"
            + " join scoped_family f on f.id = m.family_id"
            + " where sg.program_id = any(:programs) and gs.status <> 'CANCELLED' and " + inRange("gs.starts_at") + ")";

    /** The scope's family members waiting for a place in the programs' support groups, now. */
    static final String WAITLISTED = SCOPE
            + ", behind as (select f.id as family_id, ge.id as record_id, sg.id as group_id from group_enrollment ge"
            + " join support_group sg on sg.id = ge.group_id join family_member m on m.id = ge.family_member_id"
            + " join scoped_family f on f.id = m.family_id"
            + " where sg.program_id = any(:programs) and ge.status = 'WAITLISTED')";

    /**
     * The counselors of the programs (staff holding the counselor role who belong to one of them; with a counselor
     * in the scope, that one only), and per counselor the rows behind each caseload measure, families of the
     * programs only: ACTIVE_FAMILIES (ACTIVE families on the caseload today), SESSIONS_HELD (sessions the counselor
     * held in the range), OVERDUE_NOTES (held sessions ended before {@code :notesDueBefore} without a signed note,
     * whenever held), OVERDUE_FOLLOW_UPS (open episodes of families on the caseload whose follow-up day has passed)
     * and NO_CONTACT (ACTIVE families on the caseload whose last contact - or opening, before any - is more than
     * {@code :quietDays} days ago).
     */
    static final String CASELOADS = "with counselor as (select s.id, s.username, s.display_name from staff_member s"
            + " where concat(',', s.roles, ',') like '%,counselor,%'"
            + " and exists (select 1 from staff_program sp where sp.staff_member_id = s.id"
            + " and sp.program_id = any(:programs))"
            + " and (cast(:counselor as bigint) is null or s.id = :counselor))"
            + ", program_family as (select * from family f where " + AccessRules.Sql.inPrograms("f", ":programs") + ")"
            // each counselor's caseload today, once (primary, then covering): joined to every counselor by a
            // condition with an OR, the families were tested counselor by counselor
            + ", caseload as (select f.primary_counselor_id as counselor_id, f.id as family_id from program_family f"
            + " where f.primary_counselor_id in (select id from counselor)"
            + " union select ca.counselor_id, ca.family_id from family_assignment ca join program_family f"
            + " on f.id = ca.family_id where ca.counselor_id in (select id from counselor) and " + COVERING_TODAY + ")"
            + ", behind as ("
            + "select k.counselor_id, 'ACTIVE_FAMILIES' as item, f.id as family_id, f.id as record_id"
            + " from caseload k join program_family f on f.id = k.family_id where f.status = 'ACTIVE'"
            + " union all select c.id, 'SESSIONS_HELD', a.family_id, a.id from counselor c"
            + " join appointment a on a.counselor_id = c.id join program_family f on f.id = a.family_id"
            + " where a.status = 'COMPLETED' and " + inRange("a.starts_at")
            + " union all select c.id, 'OVERDUE_NOTES', a.family_id, a.id from counselor c"
            + " join appointment a on a.counselor_id = c.id join program_family f on f.id = a.family_id"
            // the mark the database keeps as notes are signed, read through its partial index (V21)
            + " where a.status = 'COMPLETED' and a.ends_at < :notesDueBefore and not a.note_signed"
            + " union all select k.counselor_id, 'OVERDUE_FOLLOW_UPS', e.family_id, e.id from caseload k"
            + " join engagement_episode e on e.family_id = k.family_id"
            + " where e.status not in " + CLOSING + " and e.next_follow_up_on < :today"
            + " union all select k.counselor_id, 'NO_CONTACT', f.id, f.id from caseload k"
            + " join program_family f on f.id = k.family_id"
            + " where f.status = 'ACTIVE' and coalesce(f.last_contact_on, f.opened_on) < cast(:today as date) - :quietDays"
            + ")";

    /**
     * MITI reviews of sessions held in the range with families of the programs (with a counselor in the scope,
     * that counselor's sessions), with the sums their summary scores need.
     */
    static final String MITI_REVIEWS = "with behind as (select a.family_id, r.id as record_id, r.counselor_id,"
            + " r.self_review, r.questions, r.simple_reflections + r.complex_reflections as reflections,"
            + " r.complex_reflections, r.cultivating_change_talk + r.softening_sustain_talk as technical_sum,"
            + " r.partnership + r.empathy as relational_sum"
            + " from miti_review r join appointment a on a.id = r.appointment_id join family f on f.id = a.family_id"
            + " where " + AccessRules.Sql.inPrograms("f", ":programs")
            + " and (cast(:counselor as bigint) is null or r.counselor_id = :counselor)"
            + " and " + inRange("a.starts_at") + ")";

    // issue 25, wellbeing

    /** The scope's families' PHQ-9 and GAD-7 measures taken on a day of the range, by member ({@code record_id}). */
    static final String MEASURED = SCOPE
            + ", behind as (select m.family_id, m.member_id as record_id, m.instrument as item"
            + " from wellbeing_measure m join scoped_family f on f.id = m.family_id"
            + " where m.taken_on between :from and :until)";

    /**
     * Per member and instrument, the intake measure and the later one taken 75-120 days after it nearest to 90 days
     * (the earlier on a tie), when that later one was taken on a day of the range: {@code change} is the later total
     * minus the intake's (negative is better).
     */
    static final String WELLBEING_PAIRS = SCOPE
            + ", later as (select distinct on (m.member_id, m.instrument) m.family_id, m.member_id, m.instrument,"
            + " m.taken_on as later_on, m.total - i.total as change"
            + " from wellbeing_measure m join scoped_family f on f.id = m.family_id"
            + " join wellbeing_measure i on i.member_id = m.member_id and i.instrument = m.instrument"
            + " and i.occasion = 'INTAKE'"
            + " where m.taken_on between i.taken_on + 75 and i.taken_on + 120"
            + " order by m.member_id, m.instrument, abs(m.taken_on - i.taken_on - 90), m.taken_on)"
            + ", behind as (select family_id, member_id as record_id, instrument as item, change from later"
            + " where later_on between :from and :until)";
}
