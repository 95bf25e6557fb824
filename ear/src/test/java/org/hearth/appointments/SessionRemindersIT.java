package org.hearth.appointments;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.transaction.UserTransaction;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.hearth.family.CaseAssignments;
import org.hearth.family.FamilyContact;
import org.hearth.family.FamilyRegistry;
import org.hearth.family.NewFamily;
import org.hearth.family.NewFamilyMember;
import org.hearth.family.ReferralSource;
import org.hearth.family.Relationship;
import org.hearth.messages.LinkPurpose;
import org.hearth.messages.Outbox;
import org.hearth.messages.OutboxMessage;
import org.hearth.testing.Deployments;
import org.hearth.testing.HearthStack;
import org.hearth.testing.RunAs;
import org.hearth.testing.Sql;
import org.hearth.testing.TestData;
import org.hearth.time.ClinicClock;
import org.hearth.time.ClinicTime;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The reminders of family sessions in the outbox, in the real server and database: booking writes one per lead per
 * member who may be messaged, moving replaces them, cancelling withdraws them; a member without an email, not safe to
 * mail or not taking part gets none; the family's answers by link confirm or cancel as the front desk would.
 */
@ExtendWith({HearthStack.class, ArquillianExtension.class})
class SessionRemindersIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.hearthWith(SessionRemindersIT.class);
    }

    @Inject
    private Appointments appointments;

    @Inject
    private ReminderAnswers answers;

    @Inject
    private Outbox outbox;

    @Inject
    private FamilyRegistry registry;

    @Inject
    private CaseAssignments assignments;

    @Resource
    private UserTransaction transaction;

    @Resource(lookup = "java:jboss/datasources/HearthDS")
    private DataSource dataSource;

    private String suffix;
    private String ana;
    private String desk;
    private long room;
    private FamilyContact family;
    private long grace;
    private long paul;
    private long rosa;
    private long luis;
    /** A Tuesday at least a week ahead: the clinic is open 08:00-20:00. */
    private LocalDate tuesday;

    @BeforeEach
    void aFamilyWhoseMembersMayOrMayNotBeMessaged() {
        suffix = UUID.randomUUID().toString().substring(0, 8);
        String program = "Reminders " + suffix;
        TestData data = new TestData(sql());
        long programId = data.program(program);
        ana = data.staff("ana-" + suffix, "counselor", program);
        String supervisor = data.staff("sup-" + suffix, "supervisor", program);
        desk = data.staff("desk-" + suffix, "front-desk");
        sql().update("insert into room (name, capacity) values (?, 6)", "Room " + suffix);
        room = Long.parseLong(sql().query("select id from room where name = ?", "Room " + suffix)
                .get(0)
                .get(0));
        family = RunAs.user(
                desk,
                Set.of("front-desk"),
                () -> registry.register(new NewFamily(
                        "Okafor",
                        programId,
                        "en",
                        ReferralSource.SELF,
                        null,
                        List.of(
                                member("Grace Okafor", "grace-" + suffix + "@example.org", true, true),
                                member("Paul Okafor", null, true, true),
                                member("Rosa Okafor", "rosa-" + suffix + "@example.org", false, true),
                                member("Luis Okafor", "luis-" + suffix + "@example.org", true, false)))));
        RunAs.user(supervisor, Set.of("supervisor"), () -> assignments.assignPrimary(family.id(), ana, null));
        List<Long> ids = sql()
                .query(
                        "select id from family_member where family_id = cast(? as bigint) order by id",
                        Long.toString(family.id()))
                .stream()
                .map(row -> Long.parseLong(row.get(0)))
                .toList();
        grace = ids.get(0);
        paul = ids.get(1);
        rosa = ids.get(2);
        luis = ids.get(3);
        tuesday = LocalDate.now(ClinicTime.zone()).plusWeeks(1).with(TemporalAdjusters.next(DayOfWeek.TUESDAY));
    }

    @AfterEach
    void backToTheRealClock() {
        ClinicClock.travelTo(null);
    }

    @Test
    void bookingWritesOneReminderPerLeadToEachMemberWhoMayBeMessagedOnly() {
        AppointmentView booked = asDesk(() -> appointments.book(session(10)));
        Instant start = booked.startsAt();

        assertThat(reminders(booked.id()))
                .containsExactlyInAnyOrder(
                        row(grace, "PENDING", start, 2880, start.minus(Duration.ofHours(48))),
                        row(grace, "PENDING", start, 120, start.minus(Duration.ofHours(2))));
        assertThat(reminders(booked.id()))
                .as("no email (Paul), not safe to mail (Rosa), not taking part (Luis): none")
                .extracting(r -> Long.parseLong(r.get(0)))
                .doesNotContain(paul, rosa, luis);
    }

    @Test
    void movingASessionWithdrawsItsPendingRemindersAndWritesThemForTheNewTime() {
        AppointmentView booked = asDesk(() -> appointments.book(session(10)));
        AppointmentView moved = asDesk(() -> appointments.move(
                booked.id(),
                new AppointmentMove(tuesday.atTime(LocalTime.of(15, 0)), 60, room, false, booked.version())));
        Instant oldStart = booked.startsAt();
        Instant newStart = moved.startsAt();

        assertThat(reminders(booked.id()))
                .containsExactlyInAnyOrder(
                        row(grace, "WITHDRAWN", oldStart, 2880, oldStart.minus(Duration.ofHours(48))),
                        row(grace, "WITHDRAWN", oldStart, 120, oldStart.minus(Duration.ofHours(2))),
                        row(grace, "PENDING", newStart, 2880, newStart.minus(Duration.ofHours(48))),
                        row(grace, "PENDING", newStart, 120, newStart.minus(Duration.ofHours(2))));
        assertThat(sql().query(
                                "select distinct closed_reason from outbox_message where subject_type = 'Appointment'"
                                        + " and subject_id = cast(? as bigint) and status = 'WITHDRAWN'",
                                Long.toString(booked.id())))
                .containsExactly(List.of("the session was moved"));
    }

    @Test
    void cancellingASessionWithdrawsItsReminders() {
        AppointmentView booked = asDesk(() -> appointments.book(session(10)));
        asDesk(() -> appointments.cancel(booked.id(), false, "The counselor is ill", booked.version()));

        assertThat(reminders(booked.id())).extracting(r -> r.get(1)).containsExactly("WITHDRAWN", "WITHDRAWN");
    }

    @Test
    void bookedFortySevenHoursAheadTheLongReminderIsDueAtOnceAndTheShortOneTwoHoursBefore() {
        Instant start = tuesday.atTime(10, 0).atZone(ClinicTime.zone()).toInstant();
        Instant now = start.minus(Duration.ofHours(47));
        ClinicClock.travelTo(Clock.fixed(now, ZoneOffset.UTC));
        AppointmentView booked = asDesk(() -> appointments.book(session(10)));

        assertThat(reminders(booked.id()))
                .containsExactlyInAnyOrder(
                        row(grace, "PENDING", start, 2880, now),
                        row(grace, "PENDING", start, 120, start.minus(Duration.ofHours(2))));
    }

    @Test
    void iCantComeCancelsTheSessionByTheFamilyAtTheTimeOfTheAnswerAndWithdrawsTheOtherReminder() throws Exception {
        AppointmentView booked = asDesk(() -> appointments.book(session(10)));
        Instant answeredAt = booked.startsAt().minus(Duration.ofHours(20));

        OutboxMessage reminder = reminderOf(booked, 2880);
        String code = inTransaction(() -> answers.answer(LinkPurpose.CANT_COME, reminder, answeredAt));

        assertThat(code).isEqualTo("cant-come");
        AppointmentView after = asDesk(() -> appointments.read(booked.id()));
        assertThat(after.status()).isEqualTo(AppointmentStatus.CANCELLED_BY_FAMILY);
        assertThat(after.cancelReason()).isEqualTo(ReminderAnswers.CANCELLED_BY_LINK);
        assertThat(sql().query(
                                "select cancelled_at = cast(? as timestamptz) from appointment where id = cast(? as bigint)",
                                answeredAt.toString(),
                                Long.toString(booked.id())))
                .as("cancelled at the time of the answer: under 24 hours before, a late cancellation in the reports")
                .containsExactly(List.of("t"));
        assertThat(reminders(booked.id())).extracting(r -> r.get(1)).containsOnly("WITHDRAWN");
        assertThat(sql().query(
                                "select answer from appointment_answer where appointment_id = cast(? as bigint)",
                                Long.toString(booked.id())))
                .containsExactly(List.of("CANT_COME"));
        assertThat(sql().query(
                                "select username, family_id, reason from audit_entry where action = 'CANCEL_APPOINTMENT_BY_LINK'"
                                        + " and entity_id = ?",
                                Long.toString(booked.id())))
                .containsExactly(List.of(
                        "message-link", Long.toString(family.id()), "the family's own answer by a reminder's link"));
    }

    @Test
    void confirmingKeepsTheAnswerWithoutChangingTheSessionAndAfterTheStartNothingChanges() throws Exception {
        AppointmentView booked = asDesk(() -> appointments.book(session(10)));
        Instant start = booked.startsAt();

        OutboxMessage shortOne = reminderOf(booked, 120);
        OutboxMessage longOne = reminderOf(booked, 2880);
        String late = inTransaction(() -> answers.answer(LinkPurpose.CANT_COME, shortOne, start));
        assertThat(late).isEqualTo("too-late");
        assertThat(asDesk(() -> appointments.read(booked.id())).status()).isEqualTo(AppointmentStatus.SCHEDULED);

        Instant at = start.minus(Duration.ofHours(30));
        String code = inTransaction(() -> answers.answer(LinkPurpose.CONFIRM, longOne, at));
        assertThat(code).isEqualTo("confirmed");
        AppointmentView after = asDesk(() -> appointments.read(booked.id()));
        assertThat(after.status()).isEqualTo(AppointmentStatus.SCHEDULED);
        assertThat(after.version())
                .as("the version the front desk edits is unchanged")
                .isEqualTo(booked.version());
        assertThat(asDesk(() -> appointments.confirmations(List.of(booked.id())))
                        .get(booked.id()))
                .containsExactly(new Confirmation(grace, "Grace Okafor", at));

        AppointmentView moved = asDesk(() -> appointments.move(
                booked.id(),
                new AppointmentMove(tuesday.atTime(LocalTime.of(15, 0)), 60, room, false, after.version())));
        assertThat(asDesk(() -> appointments.confirmations(List.of(moved.id()))))
                .as("a confirmation of the old time does not hold for the new one")
                .doesNotContainKey(moved.id());
        String old = inTransaction(() -> answers.answer(LinkPurpose.CONFIRM, shortOne, at));
        assertThat(old).isEqualTo("moved");
    }

    /** The session's pending reminder at the lead, read in a transaction of its own with its member. */
    private OutboxMessage reminderOf(AppointmentView booked, int leadMinutes) throws Exception {
        return inTransaction(() -> {
            OutboxMessage message = outbox.pending(OutboxMessage.APPOINTMENT, booked.id()).stream()
                    .filter(m -> m.getLeadMinutes() == leadMinutes)
                    .findFirst()
                    .orElseThrow();
            message.getMember().getFullName();
            return message;
        });
    }

    private <T> T inTransaction(Supplier<T> work) throws Exception {
        transaction.begin();
        try {
            T result = work.get();
            transaction.commit();
            return result;
        } catch (RuntimeException e) {
            transaction.rollback();
            throw e;
        }
    }

    /** The session's reminders: member, status, about, lead, due. */
    private List<List<String>> reminders(long appointmentId) {
        return sql().query(
                        "select member_id, status, to_char(about_at at time zone 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'),"
                                + " lead_minutes, to_char(due_at at time zone 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')"
                                + " from outbox_message where kind = 'SESSION_REMINDER' and subject_type = 'Appointment'"
                                + " and subject_id = cast(? as bigint) order by id",
                        Long.toString(appointmentId));
    }

    private static List<String> row(long member, String status, Instant about, int lead, Instant due) {
        return List.of(
                Long.toString(member),
                status,
                about.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString(),
                Integer.toString(lead),
                due.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString());
    }

    private NewAppointment session(int hour) {
        return new NewAppointment(
                family.id(),
                AppointmentKind.FAMILY_THERAPY,
                List.of(grace, paul, rosa, luis),
                ana,
                room,
                false,
                tuesday.atTime(LocalTime.of(hour, 0)),
                60);
    }

    private static NewFamilyMember member(String name, String email, boolean safeToMail, boolean participates) {
        return new NewFamilyMember(
                name, null, 45, Relationship.PARENT, null, email, "en", false, safeToMail, participates);
    }

    private <T> T asDesk(Supplier<T> action) {
        return RunAs.user(desk, Set.of("front-desk"), action);
    }

    private Sql sql() {
        return new Sql(dataSource::getConnection);
    }
}
