package org.hearth.report;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.hearth.appointments.AppointmentKind;
import org.hearth.appointments.AppointmentStatus;
import org.hearth.engagement.CriticalEventKind;
import org.hearth.engagement.EpisodeStatus;
import org.hearth.engagement.LevelOfCare;
import org.hearth.engagement.RefusalReason;
import org.hearth.groups.AttendanceMark;
import org.hearth.notes.CraftProcedure;
import org.hearth.notes.NoteStatus;
import org.hearth.time.ClinicTime;

/**
 * Builds a small report dataset row by row, in a program of its own, through the application's database role:
 * families, loved ones' episodes and their events, sessions, notes, groups and MITI reviews, each with only what a
 * figure looks at and the rest filled with plain values. Days and times are the clinic's local ones.
 */
public final class ReportDataset {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private final DataSource dataSource;
    private final long programId;

    private ReportDataset(DataSource dataSource) {
        this.dataSource = dataSource;
        this.programId = insert("insert into program (name) values (?)", "Program " + next());
    }

    /** A dataset in a new program of the report database. */
    public static ReportDataset inNewProgram() {
        return new ReportDataset(ReportDatabase.dataSource());
    }

    /** A dataset in a new program of another migrated database, written as its application's role. */
    public static ReportDataset inNewProgram(DataSource dataSource) {
        return new ReportDataset(dataSource);
    }

    public long programId() {
        return programId;
    }

    /** The program's figures over the days from {@code from} to {@code to}. */
    ReportScope scope(LocalDate from, LocalDate to) {
        return ReportScope.ofPrograms(Set.of(programId), from, to);
    }

    // Staff

    /** A counselor of the program. */
    public long counselor(String name) {
        return staff("counselor", name);
    }

    /** A staff member of the program with these roles (comma separated, as Keycloak's snapshot keeps them). */
    long staff(String roles) {
        return staff(roles, "Staff");
    }

    /** A staff member of the program with these roles and this name. */
    long staff(String roles, String name) {
        int n = next();
        long id = insert(
                "insert into staff_member (username, display_name, roles) values (?, ?, ?)",
                name.toLowerCase() + "-" + n,
                name,
                roles);
        insert(
                "insert into staff_program (staff_member_id, program_id) values (?, ?) returning staff_member_id",
                id,
                programId);
        return id;
    }

    // Families

    /** An ACTIVE family opened on {@code openedOn} with {@code counselor} as its primary counselor (null: none). */
    public long family(Long counselor, LocalDate openedOn) {
        return family(counselor, openedOn, "ACTIVE", null);
    }

    long family(Long counselor, LocalDate openedOn, String status, LocalDate lastContactOn) {
        int n = next();
        return insert(
                "insert into family (case_number, intake_year, case_sequence, program_id, family_name, status,"
                        + " preferred_language, referral_source, opened_on, primary_counselor_id, registered_by,"
                        + " registered_at, last_contact_on) values (?, 2000, ?, ?, ?, ?, 'en', 'SELF', ?, ?, 'frida',"
                        + " now(), ?)",
                String.format("F-2000-%05d", n),
                n,
                programId,
                "Family " + n,
                status,
                openedOn,
                counselor,
                lastContactOn);
    }

    /** {@code counselor} covers the family from {@code from} to {@code to} (null: open-ended). */
    public void covering(long family, long counselor, LocalDate from, LocalDate to) {
        insert(
                "insert into family_assignment (family_id, counselor_id, kind, starts_on, ends_on, assigned_by,"
                        + " assigned_at) values (?, ?, 'COVERING', ?, ?, 'sam', now())",
                family,
                counselor,
                from,
                to);
    }

    /** A member of the family who takes part. */
    public long member(long family) {
        int n = next();
        return insert(
                "insert into family_member (family_id, position, full_name, age_years, relationship) values (?, ?, ?,"
                        + " 50, 'PARENT')",
                family,
                n,
                "Member " + n);
    }

    // Episodes

    /** A loved one of the family whose episode opened (intake completed) at noon on {@code openedOn}, REFUSING. */
    public long episode(long family, LocalDate openedOn) {
        insert(
                "insert into intake (family_id, started_by, started_at, updated_by, updated_at, completed_by,"
                        + " completed_at) values (?, 'carlos', now(), 'carlos', now(), 'carlos', now())"
                        + " on conflict (family_id) do nothing returning family_id",
                family);
        int n = next();
        long lovedOne = insert(
                "insert into loved_one (family_id, position, alias, relationship) values (?, ?, ?, 'SON_OR_DAUGHTER')",
                family,
                n,
                "Loved one " + n);
        return insert(
                "insert into engagement_episode (family_id, loved_one_id, status, opened_by, opened_at,"
                        + " next_follow_up_on, last_event_on) values (?, ?, 'REFUSING', 'carlos', ?, ?, ?)",
                family,
                lovedOne,
                at(openedOn.atTime(12, 0)),
                openedOn.plusDays(14),
                openedOn);
    }

    /** The episode moved to {@code to} on {@code on} (its status column follows). */
    long moved(long episode, LocalDate on, EpisodeStatus to) {
        return statusChange(episode, on, to, null, false);
    }

    /** The loved one entered treatment at this level on {@code on}. */
    long entered(long episode, LocalDate on, LevelOfCare level) {
        return statusChange(episode, on, EpisodeStatus.ENTERED_TREATMENT, level, false);
    }

    /** A move recorded by mistake and voided: it must never count. */
    long voidedMove(long episode, LocalDate on, EpisodeStatus to, LevelOfCare level) {
        return statusChange(episode, on, to, level, true);
    }

    private long statusChange(long episode, LocalDate on, EpisodeStatus to, LevelOfCare level, boolean voided) {
        long id = event(
                episode,
                on,
                "to_status, level_of_care",
                "'STATUS_CHANGE', ?, ?",
                voided,
                to.name(),
                level == null ? null : level.name());
        if (!voided) {
            update("update engagement_episode set status = ? where id = ?", to.name(), episode);
        }
        return id;
    }

    /** Treatment offered on {@code on} and refused for these reasons. */
    public long refused(long episode, LocalDate on, RefusalReason... reasons) {
        String coded = Arrays.stream(reasons).map(Enum::name).collect(Collectors.joining(","));
        return event(
                episode,
                on,
                "offered_by, response, refusal_reasons",
                "'TREATMENT_OFFERED', 'FAMILY_INVITATION', 'REFUSED', ?",
                false,
                coded.isEmpty() ? null : coded);
    }

    long critical(long episode, LocalDate on, CriticalEventKind kind) {
        return event(episode, on, "critical_event", "'CRITICAL_EVENT', ?", false, kind.name());
    }

    long naloxoneKit(long episode, LocalDate on, boolean voided) {
        return event(episode, on, "harm_reduction", "'HARM_REDUCTION', 'NALOXONE_KIT_GIVEN'", voided);
    }

    /** A critical event recorded by mistake and voided: it must never count. */
    long voidedCritical(long episode, LocalDate on, CriticalEventKind kind) {
        return event(episode, on, "critical_event", "'CRITICAL_EVENT', ?", true, kind.name());
    }

    /** Treatment offered by the family on {@code on}, answered with {@code response} (ACCEPTED, DEFERRED, REFUSED). */
    long offered(long episode, LocalDate on, String response) {
        return event(
                episode, on, "offered_by, response", "'TREATMENT_OFFERED', 'FAMILY_INVITATION', ?", false, response);
    }

    // The path from "yes" to treatment (issue 24)

    /** A treatment provider of the directory, confirmed today. */
    long provider(String name) {
        return insert(
                "insert into treatment_provider (name, city, state, confirmed_on, created_by, created_at, updated_by,"
                        + " updated_at) values (?, 'Springfield', 'IL', current_date, 'sam', now(), 'sam', now())",
                name + " " + next());
    }

    /**
     * A referral of the episode to the provider, made at noon on {@code startedOn} for an offer accepted on {@code
     * acceptedOn} (the accepted offer is recorded with it), at the outpatient level; {@code outcome} OPEN, ARRIVED
     * or NOT_ARRIVED on {@code outcomeOn} with {@code reason}.
     */
    long referral(
            long episode,
            long provider,
            LocalDate acceptedOn,
            LocalDate startedOn,
            boolean planReady,
            String outcome,
            LocalDate outcomeOn,
            String reason) {
        long offer = offered(episode, acceptedOn, "ACCEPTED");
        return insert(
                "insert into referral (episode_id, provider_id, offer_event_id, level_of_care, accepted_on, started_at,"
                        + " status_before, plan_ready_at_acceptance, last_step_at, outcome, outcome_on,"
                        + " not_arrived_reason, created_by) values (?, ?, ?, 'OUTPATIENT', ?, ?, 'PREPARING', ?, ?, ?,"
                        + " ?, ?, 'carlos')",
                episode,
                provider,
                offer,
                acceptedOn,
                at(startedOn.atTime(12, 0)),
                planReady,
                at(startedOn.atTime(12, 0)),
                outcome,
                outcomeOn,
                reason);
    }

    /** The episode's next follow-up is due on {@code on}. */
    void followUpOn(long episode, LocalDate on) {
        update("update engagement_episode set next_follow_up_on = ? where id = ?", on, episode);
    }

    private long event(long episode, LocalDate on, String columns, String values, boolean voided, Object... more) {
        Object[] parameters = new Object[more.length + 2];
        parameters[0] = episode;
        parameters[1] = on;
        System.arraycopy(more, 0, parameters, 2, more.length);
        return insert(
                "insert into episode_event (episode_id, occurred_on, kind, " + columns + ", recorded_by, recorded_at"
                        + (voided ? ", voided_by, voided_at, void_reason" : "") + ") values (?, ?, " + values
                        + ", 'carlos', now()" + (voided ? ", 'carlos', now(), 'recorded by mistake'" : "") + ")",
                parameters);
    }

    // Sessions

    /** A one-hour family session starting at {@code start}, telehealth, in this status. */
    public long session(
            long family, long counselor, AppointmentKind kind, LocalDateTime start, AppointmentStatus status) {
        return session(family, counselor, kind, start, status, null);
    }

    /** A session the family cancelled at {@code cancelledAt}. */
    long cancelledByFamily(long family, long counselor, LocalDateTime start, LocalDateTime cancelledAt) {
        return session(
                family,
                counselor,
                AppointmentKind.FAMILY_THERAPY,
                start,
                AppointmentStatus.CANCELLED_BY_FAMILY,
                cancelledAt);
    }

    private long session(
            long family,
            long counselor,
            AppointmentKind kind,
            LocalDateTime start,
            AppointmentStatus status,
            LocalDateTime cancelledAt) {
        return insert(
                "insert into appointment (family_id, kind, counselor_id, telehealth, starts_at, ends_at, status,"
                        + " booked_by, booked_at, cancelled_at) values (?, ?, ?, true, ?, ?, ?, 'frida', now(), ?)",
                family,
                kind.name(),
                counselor,
                at(start),
                at(start.plusHours(1)),
                status.name(),
                cancelledAt == null ? null : at(cancelledAt));
    }

    /** The session's note, in this status, written by {@code author}, with these CRAFT procedures practised. */
    public long note(long session, long author, NoteStatus status, CraftProcedure... procedures) {
        boolean signed = status != NoteStatus.DRAFT;
        return insert(
                "insert into session_note (appointment_id, family_id, author_id, status, craft_procedures,"
                        + " created_at, updated_at, signed_at, content_hash)"
                        + " select a.id, a.family_id, ?, ?, ?, now(), now(), cast(? as timestamptz),"
                        + " cast(? as varchar) from appointment a where a.id = ?",
                author,
                status.name(),
                Arrays.stream(procedures).map(Enum::name).collect(Collectors.joining(",")),
                signed ? Instant.now() : null,
                signed ? "0".repeat(64) : null,
                session);
    }

    // Groups

    /** A support group of the program, named {@code name}. */
    public long group(String name) {
        int n = next();
        long room = insert("insert into room (name, capacity) values (?, 10)", "Room " + n);
        return insert(
                "insert into support_group (name, kind, language, program_id, room_id, capacity, open_enrollment,"
                        + " recurrence, defined_by, defined_at) values (?, 'CRAFT_SKILLS', 'en', ?, ?, 10, true,"
                        + " 'FREQ=WEEKLY', 'sam', now())",
                name,
                programId,
                room);
    }

    /** A meeting of the group at 18:00 on {@code on}; cancelled or not. */
    public long meeting(long group, LocalDate on, boolean cancelled) {
        return insert(
                "insert into group_session (group_id, occurs_on, starts_at, ends_at, room_id, status)"
                        + " select ?, ?, ?, ?, room_id, ? from support_group where id = ?",
                group,
                on,
                at(on.atTime(18, 0)),
                at(on.atTime(19, 30)),
                cancelled ? "CANCELLED" : "SCHEDULED",
                group);
    }

    public void attendance(long meeting, long member, AttendanceMark mark) {
        insert(
                "insert into group_attendance (group_session_id, family_member_id, mark, recorded_by, recorded_at)"
                        + " values (?, ?, ?, 'frida', now())",
                meeting,
                member,
                mark.name());
    }

    /** The member's enrollment in the group, in this status (ENROLLED, WAITLISTED, OFFERED or LEFT). */
    public long enrollment(long group, long member, String status) {
        return insert(
                "insert into group_enrollment (group_id, family_member_id, status, position, enrolled_at, left_at)"
                        + " values (?, ?, ?, ?, now(), " + ("LEFT".equals(status) ? "now()" : "null") + ")",
                group,
                member,
                status,
                next());
    }

    // MITI

    /**
     * A MITI review of the session's counselor by {@code reviewer} (a self-review when the counselor reviews
     * themselves), with these counts and globals; the other counts are 0.
     */
    long mitiReview(
            long session,
            long reviewer,
            int questions,
            int simpleReflections,
            int complexReflections,
            int cultivatingChangeTalk,
            int softeningSustainTalk,
            int partnership,
            int empathy) {
        return insert(
                "insert into miti_review (appointment_id, counselor_id, reviewer_id, self_review, questions,"
                        + " simple_reflections, complex_reflections, affirm, seeking_collaboration, emphasizing_autonomy,"
                        + " persuade, persuade_with_permission, confront, giving_information, cultivating_change_talk,"
                        + " softening_sustain_talk, partnership, empathy, reviewed_at)"
                        + " select a.id, a.counselor_id, ?, a.counselor_id = ?, ?, ?, ?, 0, 0, 0, 0, 0, 0, 0, ?, ?, ?, ?,"
                        + " now() from appointment a where a.id = ?",
                reviewer,
                reviewer,
                questions,
                simpleReflections,
                complexReflections,
                cultivatingChangeTalk,
                softeningSustainTalk,
                partnership,
                empathy,
                session);
    }

    // Community resources (issue 25)

    /** An entry of the community-resource directory of this kind, in use, confirmed on 1 March 2026. */
    public long communityResource(String name, String kind) {
        return insert(
                "insert into community_resource (name, kind, phone, setting, confirmed_on, created_by, created_at,"
                        + " updated_by, updated_at) values (?, ?, '988', 'IN_PERSON', date '2026-03-01', 'sam', now(),"
                        + " 'sam', now())",
                name + " " + next(),
                kind);
    }

    /** The resource given to the family ({@code member} null: to the family as a whole) on {@code on}. */
    public long gift(long family, long resource, Long member, LocalDate on) {
        return insert(
                "insert into resource_gift (family_id, resource_id, member_id, given_on, given_how, given_by,"
                        + " recorded_at) values (?, ?, ?, ?, 'IN_SESSION', 'carlos', now())",
                family,
                resource,
                member == null ? null : member,
                on);
    }

    // Wellbeing (issue 25)

    /**
     * A PHQ-9 ({@code PHQ9}, 9 items) or GAD-7 ({@code GAD7}, 7 items) of the member taken on {@code on}, with
     * answers that sum to {@code total} (the band is not read by the figures); {@code occasion} INTAKE or FOLLOW_UP.
     */
    public long measure(long family, long member, String instrument, LocalDate on, int total, String occasion) {
        int items = "PHQ9".equals(instrument) ? 9 : 7;
        StringBuilder answers = new StringBuilder();
        int left = total;
        for (int i = 0; i < items; i++) {
            int answer = Math.min(3, left);
            answers.append(answer);
            left -= answer;
        }
        if (left > 0) {
            throw new IllegalArgumentException("total too high for " + instrument + ": " + total);
        }
        return insert(
                "insert into wellbeing_measure (family_id, member_id, instrument, taken_on, answers, total, band,"
                        + " self_harm, occasion, taken_by, entered_by, entered_at) values (?, ?, ?, ?, ?, ?, 'MILD',"
                        + " false, ?, 'WITH_COUNSELOR', 'sam', now())",
                family,
                member,
                instrument,
                on,
                answers.toString(),
                total,
                occasion);
    }

    // plumbing

    private static int next() {
        return SEQUENCE.incrementAndGet();
    }

    private static Instant at(LocalDateTime local) {
        return local.atZone(ClinicTime.zone()).toInstant();
    }

    private long insert(String sql, Object... parameters) {
        String returning = sql.contains(" returning ") ? sql : sql + " returning id";
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(returning)) {
            bind(statement, parameters);
            try (ResultSet row = statement.executeQuery()) {
                return row.next() ? row.getLong(1) : 0;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not build the dataset: " + e.getMessage(), e);
        }
    }

    private void update(String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, parameters);
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not build the dataset: " + e.getMessage(), e);
        }
    }

    private static void bind(PreparedStatement statement, Object... parameters) throws SQLException {
        for (int i = 0; i < parameters.length; i++) {
            Object value = parameters[i];
            if (value == null) {
                statement.setNull(i + 1, Types.OTHER);
            } else if (value instanceof Instant instant) {
                statement.setObject(i + 1, OffsetDateTime.ofInstant(instant, ZoneOffset.UTC));
            } else {
                statement.setObject(i + 1, value);
            }
        }
    }
}
