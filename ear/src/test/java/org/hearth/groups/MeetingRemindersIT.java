package org.hearth.groups;

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
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.hearth.appointments.ReminderAnswers;
import org.hearth.family.FamilyContact;
import org.hearth.family.FamilyRegistry;
import org.hearth.family.NewFamily;
import org.hearth.family.NewFamilyMember;
import org.hearth.family.ReferralSource;
import org.hearth.family.Relationship;
import org.hearth.messages.Letter;
import org.hearth.messages.LinkPurpose;
import org.hearth.messages.Links;
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
 * The reminders of group meetings in the outbox, in the real server and database: a member taking a seat gets those
 * of the meetings within reach, the planner writes the others as they come within reach and never twice; cancelling
 * or moving a meeting withdraws its reminders (moving writes them for the new time); leaving withdraws the member's;
 * a member on the waitlist or not safe to mail gets none.
 */
@ExtendWith({HearthStack.class, ArquillianExtension.class})
class MeetingRemindersIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.hearthWith(MeetingRemindersIT.class);
    }

    @Inject
    private GroupDefinitions groupDefinitions;

    @Inject
    private GroupEnrollments groupEnrollments;

    @Inject
    private MeetingReminderPlanner planner;

    @Inject
    private FamilyRegistry registry;

    @Inject
    private ReminderAnswers answers;

    @Inject
    private MeetingReminderWriter writer;

    @Inject
    private SupportGroups groups;

    @Inject
    private GroupAttendance groupAttendance;

    @Inject
    private Outbox outbox;

    @Resource
    private UserTransaction transaction;

    @Resource(lookup = "java:jboss/datasources/HearthDS")
    private DataSource dataSource;

    private String suffix;
    private long programId;
    private String ana;
    private String desk;
    private long room;
    private long grace;
    private long rosa;
    private long tomas;
    /** A Wednesday weeks ahead: the clinic is open 08:00-20:00. */
    private LocalDate wednesday;

    @BeforeEach
    void aGroupRoomAndAFamily() {
        suffix = UUID.randomUUID().toString().substring(0, 8);
        String program = "Meeting reminders " + suffix;
        TestData data = new TestData(sql());
        programId = data.program(program);
        ana = data.staff("ana-" + suffix, "counselor", program);
        desk = data.staff("desk-" + suffix, "front-desk");
        sql().update("insert into room (name, capacity) values (?, 8)", "Group room " + suffix);
        room = id("select id from room where name = ?", "Group room " + suffix);
        FamilyContact family = RunAs.user(
                desk,
                Set.of("front-desk"),
                () -> registry.register(new NewFamily(
                        "Okafor",
                        programId,
                        "es",
                        ReferralSource.SELF,
                        null,
                        List.of(
                                member("Grace Okafor", "grace-" + suffix + "@example.org", true),
                                member("Rosa Okafor", "rosa-" + suffix + "@example.org", false),
                                member("Tomas Okafor", "tomas-" + suffix + "@example.org", true)))));
        List<Long> ids = sql()
                .query(
                        "select id from family_member where family_id = cast(? as bigint) order by id",
                        Long.toString(family.id()))
                .stream()
                .map(row -> Long.parseLong(row.get(0)))
                .toList();
        grace = ids.get(0);
        rosa = ids.get(1);
        tomas = ids.get(2);
        wednesday = LocalDate.now(ClinicTime.zone()).plusWeeks(3).with(TemporalAdjusters.next(DayOfWeek.WEDNESDAY));
    }

    @AfterEach
    void backToTheRealClock() {
        ClinicClock.travelTo(null);
    }

    @Test
    void takingASeatWritesTheMeetingsWithinReachAndThePlannerTheNextOnesOnce() {
        long group = define(1); // one seat: Tomas waits
        Instant first = start(wednesday);
        Instant second = start(wednesday.plusWeeks(1));
        travelTo(first.minus(Duration.ofHours(47)));
        Instant seatedAt = ClinicClock.current().now();
        asDesk(() -> groupEnrollments.enroll(group, grace));
        asDesk(() -> groupEnrollments.enroll(group, tomas));

        assertThat(reminders(group))
                .as("booked 47 hours ahead: the 48-hour one at once, the 2-hour one later; none to the waitlist")
                .containsExactlyInAnyOrder(
                        row(grace, "PENDING", first, 2880, seatedAt),
                        row(grace, "PENDING", first, 120, first.minus(Duration.ofHours(2))));

        Instant later = second.minus(Duration.ofHours(48)).minus(Duration.ofMinutes(10));
        travelTo(later);
        planner.planNow();
        planner.planNow();
        assertThat(reminders(group))
                .as("the next meeting's, written once however often the planner runs")
                .containsExactlyInAnyOrder(
                        row(grace, "PENDING", first, 2880, seatedAt),
                        row(grace, "PENDING", first, 120, first.minus(Duration.ofHours(2))),
                        row(grace, "PENDING", second, 2880, second.minus(Duration.ofHours(48))),
                        row(grace, "PENDING", second, 120, second.minus(Duration.ofHours(2))));
    }

    @Test
    void aMemberNotSafeToMailGetsNoneAndLeavingWithdrawsTheMembersReminders() {
        long group = define(8);
        Instant first = start(wednesday);
        travelTo(first.minus(Duration.ofHours(30)));
        asDesk(() -> groupEnrollments.enroll(group, rosa));
        EnrollmentView graceSeat = asDesk(() -> groupEnrollments.enroll(group, grace));
        assertThat(reminders(group)).extracting(r -> Long.parseLong(r.get(0))).containsOnly(grace);

        asDesk(() -> groupEnrollments.leave(graceSeat.id(), graceSeat.version()));
        assertThat(reminders(group)).extracting(r -> r.get(1)).containsOnly("WITHDRAWN");
    }

    @Test
    void cancellingAMeetingWithdrawsItsRemindersAndMovingOneWritesThemForTheNewTime() {
        long group = define(8);
        Instant first = start(wednesday);
        Instant second = start(wednesday.plusWeeks(1));
        travelTo(first.minus(Duration.ofHours(30)));
        asDesk(() -> groupEnrollments.enroll(group, grace));
        long firstId = meeting(group, first);

        asDesk(() -> groupDefinitions.cancelSession(firstId, "The room floods", version(firstId)));
        assertThat(reminders(group)).extracting(r -> r.get(1)).containsOnly("WITHDRAWN");

        Instant movedAt = second.minus(Duration.ofHours(30));
        travelTo(movedAt);
        planner.planNow();
        long secondId = meeting(group, second);
        asDesk(() -> groupDefinitions.moveSession(
                secondId, wednesday.plusWeeks(1).atTime(LocalTime.of(17, 0)), null, version(secondId)));
        Instant moved = second.minus(Duration.ofHours(1));
        assertThat(reminders(group).stream()
                        .filter(r -> r.get(1).equals("PENDING"))
                        .toList())
                .as("moved 29 hours ahead: the 48-hour one at once, the 2-hour one before the new time")
                .containsExactlyInAnyOrder(
                        row(grace, "PENDING", moved, 2880, movedAt),
                        row(grace, "PENDING", moved, 120, moved.minus(Duration.ofHours(2))));
        assertThat(reminders(group).stream()
                        .filter(r -> r.get(2).equals(iso(second)))
                        .map(r -> r.get(1))
                        .toList())
                .containsOnly("WITHDRAWN");
    }

    @Test
    void iCantComeIsKeptForTheRosterAndTheMeetingsLaterReminderIsNotWritten() throws Exception {
        long group = define(8);
        Instant first = start(wednesday);
        travelTo(first.minus(Duration.ofHours(30)));
        asDesk(() -> groupEnrollments.enroll(group, grace));
        OutboxMessage longOne = reminder(group, 2880);
        OutboxMessage shortOne = reminder(group, 120);
        Instant answeredAt = first.minus(Duration.ofHours(29));

        assertThat(inTransaction(() -> answers.answer(LinkPurpose.CANT_COME, longOne, answeredAt)))
                .isEqualTo("cant-come");

        long meeting = meeting(group, first);
        assertThat(asDesk(() -> groupAttendance.answers(meeting)))
                .containsExactly(Map.entry(grace, new MeetingAnswers.Answered(MeetingAnswer.CANT_COME, answeredAt)));
        assertThat(asDesk(() -> groups.answerCounts(List.of(meeting))))
                .as("the day view's count")
                .containsExactly(Map.entry(meeting, new MeetingAnswerCount(0, 1)));
        assertThat(inTransaction(() -> writer.write(shortOne, FAKE_LINKS)))
                .as("the 2-hour reminder is not sent to a member who said they cannot come")
                .isEmpty();
        assertThat(inTransaction(() -> answers.answer(LinkPurpose.CONFIRM, shortOne, first)))
                .as("once the meeting has started nothing changes")
                .isEqualTo("too-late");
        assertThat(asDesk(() -> groupAttendance.answers(meeting)).get(grace).answer())
                .isEqualTo(MeetingAnswer.CANT_COME);
        assertThat(sql().query(
                                "select count(*) from group_attendance where group_session_id = cast(? as bigint)",
                                Long.toString(meeting)))
                .as("attendance is taken on the day, not by the link")
                .containsExactly(List.of("0"));
    }

    @Test
    void thePlannerDoesNotWriteAgainTheRemindersTakenBack() {
        long group = define(8);
        Instant first = start(wednesday);
        travelTo(first.minus(Duration.ofHours(30)));
        asDesk(() -> groupEnrollments.enroll(group, grace));
        // taken back as the worker does when the writer writes nothing (she answered that she cannot come)
        sql().update(
                        "update outbox_message set status = 'WITHDRAWN', closed_at = now(), closed_reason = 'taken back'"
                                + " where kind = 'MEETING_REMINDER' and subject_id = cast(? as bigint)",
                        Long.toString(group));

        planner.planNow();
        planner.planNow();
        assertThat(reminders(group))
                .as("the planner fills gaps only: a reminder taken back is not written again at every run")
                .hasSize(2)
                .extracting(r -> r.get(1))
                .containsOnly("WITHDRAWN");
    }

    @Test
    void aMeetingsReminderSaysOnlyAnAppointmentAtTheClinicAndNothingOnceTheMemberLeft() throws Exception {
        long group = define(8);
        Instant first = start(wednesday);
        travelTo(first.minus(Duration.ofHours(30)));
        EnrollmentView seat = asDesk(() -> groupEnrollments.enroll(group, grace));
        OutboxMessage reminder = reminder(group, 2880);

        Letter letter = inTransaction(() -> writer.write(reminder, FAKE_LINKS)).orElseThrow();
        assertThat(letter.text())
                .as("in the member's language (Spanish), never the group's name")
                .contains("una cita en la clínica")
                .contains("https://clinic.example/CONFIRM", "https://clinic.example/CANT_COME")
                .doesNotContain("Evening", suffix, ana);

        asDesk(() -> groupEnrollments.leave(seat.id(), seat.version()));
        assertThat(inTransaction(() -> writer.write(reminder, FAKE_LINKS))).isEmpty();
    }

    private static final Links FAKE_LINKS = new Links() {
        @Override
        public String link(LinkPurpose purpose, Instant expiresAt) {
            return "https://clinic.example/" + purpose;
        }

        @Override
        public String optOut() {
            return "https://clinic.example/stop";
        }
    };

    /** The group's pending reminder at the lead, read in a transaction of its own with its member. */
    private OutboxMessage reminder(long group, int leadMinutes) throws Exception {
        return inTransaction(() -> {
            OutboxMessage message = outbox.pending(OutboxMessage.SUPPORT_GROUP, group).stream()
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

    private long define(int capacity) {
        GroupSeries series = asDesk(() -> groupDefinitions.define(new NewSupportGroup(
                "Evening " + suffix,
                GroupKind.CRAFT_SKILLS,
                "en",
                programId,
                room,
                capacity,
                true,
                List.of(ana),
                GroupRecurrence.weekly(wednesday, LocalTime.of(18, 0), Duration.ofMinutes(90), ClinicTime.zone())
                        .times(3))));
        assertThat(series.skipped()).isEmpty();
        return series.group().id();
    }

    private Instant start(LocalDate day) {
        return day.atTime(18, 0).atZone(ClinicTime.zone()).toInstant();
    }

    private static void travelTo(Instant now) {
        ClinicClock.travelTo(Clock.fixed(now, ZoneOffset.UTC));
    }

    private long meeting(long group, Instant start) {
        return id(
                "select id from group_session where group_id = cast(? as bigint) and starts_at = cast(? as timestamptz)",
                Long.toString(group),
                start.toString());
    }

    private Long version(long session) {
        return id("select version from group_session where id = cast(? as bigint)", Long.toString(session));
    }

    /** The group's reminders: member, status, about, lead, due. */
    private List<List<String>> reminders(long group) {
        return sql().query(
                        "select member_id, status, to_char(about_at at time zone 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'),"
                                + " lead_minutes, to_char(due_at at time zone 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')"
                                + " from outbox_message where kind = 'MEETING_REMINDER' and subject_type = 'SupportGroup'"
                                + " and subject_id = cast(? as bigint) order by id",
                        Long.toString(group));
    }

    private static List<String> row(long member, String status, Instant about, int lead, Instant due) {
        return List.of(Long.toString(member), status, iso(about), Integer.toString(lead), iso(due));
    }

    private static String iso(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private static NewFamilyMember member(String name, String email, boolean safeToMail) {
        return new NewFamilyMember(name, null, 45, Relationship.PARENT, null, email, "es", false, safeToMail, true);
    }

    private long id(String query, String... parameters) {
        return Long.parseLong(sql().query(query, parameters).get(0).get(0));
    }

    private <T> T asDesk(Supplier<T> action) {
        return RunAs.user(desk, Set.of("front-desk"), action);
    }

    private Sql sql() {
        return new Sql(dataSource::getConnection);
    }
}
