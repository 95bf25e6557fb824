package org.hearth.groups;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.hearth.appointments.AppointmentKind;
import org.hearth.appointments.Appointments;
import org.hearth.appointments.NewAppointment;
import org.hearth.calendar.ScheduleRefusal;
import org.hearth.family.FamilyContact;
import org.hearth.family.FamilyRegistry;
import org.hearth.family.NewFamily;
import org.hearth.family.NewFamilyMember;
import org.hearth.family.ReferralSource;
import org.hearth.family.Relationship;
import org.hearth.security.Conflict;
import org.hearth.security.Invalid;
import org.hearth.testing.Deployments;
import org.hearth.testing.HearthStack;
import org.hearth.testing.RunAs;
import org.hearth.testing.Sql;
import org.hearth.testing.TestData;
import org.hearth.time.ClinicTime;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.wildfly.security.auth.server.SecurityDomain;

/**
 * A member is never in two places at once: enrolling a member, accepting an offered seat, changing a group's rule
 * and moving a meeting check the members' family sessions and their other groups' meetings, name the member, and
 * hold when two people do it at the same moment. (Booking a family session against the members' group meetings
 * is {@code AppointmentsIT}'s.)
 */
@ExtendWith({HearthStack.class, ArquillianExtension.class})
class MemberClashIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.hearthWith(MemberClashIT.class);
    }

    @Inject
    private GroupDefinitions groupDefinitions;

    @Inject
    private GroupEnrollments groupEnrollments;

    @Inject
    private SupportGroups groups;

    @Inject
    private Appointments appointments;

    @Inject
    private FamilyRegistry registry;

    @Resource(lookup = "java:jboss/datasources/HearthDS")
    private DataSource dataSource;

    /** The Okafor family's members, in the order they are registered. */
    private static final List<String> NAMES = List.of("Grace Okafor", "Paul Okafor", "Ada Okafor", "Chidi Okafor");

    private String suffix;
    private long programId;
    private String ana;
    private String ben;
    private String desk;
    private long groupRoom;
    private long otherGroupRoom;
    private long familyRoom;
    private FamilyContact okafor;
    /** A Wednesday weeks ahead, apart from other tests' closures: the clinic is open 08:00-20:00. */
    private LocalDate wednesday;

    @BeforeEach
    void aProgramWithTwoCounselorsThreeRoomsAndAFamily() {
        suffix = UUID.randomUUID().toString().substring(0, 8);
        String program = "Member clash " + suffix;
        TestData data = new TestData(sql());
        programId = data.program(program);
        ana = data.staff("ana-" + suffix, "counselor", program);
        ben = data.staff("ben-" + suffix, "counselor", program);
        desk = data.staff("desk-" + suffix, "front-desk");
        groupRoom = room("Group room " + suffix);
        otherGroupRoom = room("Second group room " + suffix);
        familyRoom = room("Family room " + suffix);
        okafor = register("Okafor", NAMES.toArray(String[]::new));
        wednesday = LocalDate.now(ClinicTime.zone()).plusWeeks(2).with(TemporalAdjusters.next(DayOfWeek.WEDNESDAY));
    }

    @Test
    void enrollingAMemberWithAFamilySessionOrAnotherGroupsMeetingThenIsRefusedNamingThem() {
        long grace = memberOf(okafor, 0);
        long paul = memberOf(okafor, 1);
        SupportGroupView craft = define(
                "CRAFT skills", 8, groupRoom, ana, weekly(wednesday, 18, 0).times(4));
        bookFamilySession(List.of(grace), wednesday.plusWeeks(2), 18, 30);

        Conflict clash = assertThrows(Conflict.class, () -> asDesk(() -> groupEnrollments.enroll(craft.id(), grace)));

        assertThat(clash.getSubject()).isEqualTo(Conflict.Subject.CLASH);
        assertThat(clash.getReasons()).extracting(Invalid.Reason::field).containsOnly("memberId");
        assertThat(ScheduleRefusal.from(clash.getReasons()))
                .containsExactly(ScheduleRefusal.of(
                        "schedule.clash.member.session",
                        "Grace Okafor",
                        wednesday.plusWeeks(2).toString(),
                        "18:30",
                        "19:30"));
        assertThat(clash.getReasons().get(0).text(ResourceBundle.getBundle("ValidationMessages", Locale.ENGLISH)))
                .isEqualTo("Grace Okafor has a family session on " + wednesday.plusWeeks(2) + " from 18:30 to 19:30.");
        assertThat(enrolledIn(craft.id())).as("nothing stored").isZero();

        // Paul is free at 18:00: he joins; a second group overlapping it is then refused for him, naming the first
        assertThat(asDesk(() -> groupEnrollments.enroll(craft.id(), paul)).status())
                .isEqualTo(EnrollmentStatus.ENROLLED);
        SupportGroupView parents = define(
                "Parents",
                8,
                otherGroupRoom,
                ben,
                weekly(wednesday.plusWeeks(3), 17, 0).times(2));
        Conflict otherGroup =
                assertThrows(Conflict.class, () -> asDesk(() -> groupEnrollments.enroll(parents.id(), paul)));
        assertThat(ScheduleRefusal.from(otherGroup.getReasons()))
                .containsExactly(ScheduleRefusal.of(
                        "schedule.clash.member.group",
                        "Paul Okafor",
                        wednesday.plusWeeks(3).toString(),
                        "18:00",
                        "19:30",
                        "CRAFT skills " + suffix));
        assertThat(otherGroup.getReasons().get(0).text(ResourceBundle.getBundle("ValidationMessages", Locale.ENGLISH)))
                .isEqualTo("Paul Okafor has the CRAFT skills " + suffix + " meeting on " + wednesday.plusWeeks(3)
                        + " from 18:00 to 19:30.");
        assertThat(asDesk(() -> groupEnrollments.enroll(parents.id(), grace)).status())
                .as("Grace's family session is in an earlier week than the Parents group meets")
                .isEqualTo(EnrollmentStatus.ENROLLED);
    }

    @Test
    void aWaitingMemberIsNotCheckedUntilOfferedASeatAndAcceptingItIsRefusedWhileTheyAreBusy() {
        long grace = memberOf(okafor, 0);
        long paul = memberOf(okafor, 1);
        SupportGroupView full =
                define("One seat", 1, groupRoom, ana, weekly(wednesday, 10, 0).times(3));
        EnrollmentView seated = asDesk(() -> groupEnrollments.enroll(full.id(), paul));
        bookFamilySession(List.of(grace), wednesday.plusWeeks(1), 10, 0);

        EnrollmentView waiting = asDesk(() -> groupEnrollments.enroll(full.id(), grace));
        assertThat(waiting.status())
                .as("on the waitlist Grace holds no time yet")
                .isEqualTo(EnrollmentStatus.WAITLISTED);
        SeatChange change = asDesk(() -> groupEnrollments.leave(seated.id(), seated.version()));
        assertThat(change.offered().id()).isEqualTo(waiting.id());

        Conflict clash = assertThrows(
                Conflict.class,
                () -> asDesk(() -> groupEnrollments.acceptOffer(
                        waiting.id(), change.offered().version())));
        assertThat(ScheduleRefusal.from(clash.getReasons()))
                .containsExactly(ScheduleRefusal.of(
                        "schedule.clash.member.session",
                        "Grace Okafor",
                        wednesday.plusWeeks(1).toString(),
                        "10:00",
                        "11:00"));
        assertThat(sql().query("select status from group_enrollment where id = cast(? as bigint)", waiting.id() + ""))
                .as("the seat is still held for her, not taken")
                .isEqualTo(List.of(List.of("OFFERED")));
    }

    @Test
    void aNewRuleSkipsTheMeetingsWhenASeatedMemberIsBusyNamingThemAndKeepsTheOthers() {
        long grace = memberOf(okafor, 0);
        long paul = memberOf(okafor, 1);
        SupportGroupView craft = define(
                "Evening CRAFT", 8, groupRoom, ana, weekly(wednesday, 10, 0).times(4));
        asDesk(() -> groupEnrollments.enroll(craft.id(), grace));
        asDesk(() -> groupEnrollments.enroll(craft.id(), paul));
        bookFamilySession(List.of(grace), wednesday.plusWeeks(1), 18, 30);
        SupportGroupView parents = define(
                "Parents",
                8,
                otherGroupRoom,
                ben,
                weekly(wednesday.plusWeeks(2), 17, 0).times(1));
        asDesk(() -> groupEnrollments.enroll(parents.id(), paul));

        long version = asDesk(() -> groups.read(craft.id())).version();
        GroupSeries changed = asDesk(() ->
                groupDefinitions.changeRule(craft.id(), weekly(wednesday, 18, 0).times(4), version));

        assertThat(changed.sessionsRemoved()).isEqualTo(4);
        assertThat(changed.sessionsCreated()).isEqualTo(2);
        assertThat(changed.skipped())
                .containsExactly(
                        new SkippedOccurrence(
                                wednesday.plusWeeks(1),
                                List.of(ScheduleRefusal.of(
                                        "schedule.clash.member.session",
                                        "Grace Okafor",
                                        wednesday.plusWeeks(1).toString(),
                                        "18:30",
                                        "19:30"))),
                        new SkippedOccurrence(
                                wednesday.plusWeeks(2),
                                List.of(ScheduleRefusal.of(
                                        "schedule.clash.member.group",
                                        "Paul Okafor",
                                        wednesday.plusWeeks(2).toString(),
                                        "17:00",
                                        "18:30",
                                        "Parents " + suffix))));
        assertThat(changed.group().sessions())
                .extracting(s -> s.date() + " " + s.startTime())
                .containsExactly(wednesday + " 18:00", wednesday.plusWeeks(3) + " 18:00");
    }

    @Test
    void movingAMeetingOntoASeatedMembersFamilySessionIsRefusedNamingThemAndTheMeetingStays() {
        long grace = memberOf(okafor, 0);
        SupportGroupView craft = define(
                "Morning CRAFT", 8, groupRoom, ana, weekly(wednesday, 9, 0).times(2));
        asDesk(() -> groupEnrollments.enroll(craft.id(), grace));
        bookFamilySession(List.of(grace), wednesday.plusDays(1), 14, 0);
        GroupSessionView first = craft.sessions().get(0);

        Conflict clash = assertThrows(
                Conflict.class,
                () -> asDesk(() -> groupDefinitions.moveSession(
                        first.id(), wednesday.plusDays(1).atTime(13, 30), null, first.version())));

        assertThat(ScheduleRefusal.from(clash.getReasons()))
                .containsExactly(ScheduleRefusal.of(
                        "schedule.clash.member.session",
                        "Grace Okafor",
                        wednesday.plusDays(1).toString(),
                        "14:00",
                        "15:00"));
        assertThat(asDesk(() -> groups.read(craft.id())).sessions().get(0).startTime())
                .isEqualTo("09:00");
        GroupSessionView moved = asDesk(() ->
                groupDefinitions.moveSession(first.id(), wednesday.plusDays(1).atTime(15, 0), null, first.version()));
        assertThat(moved.startTime())
                .as("a meeting may start when her session ends")
                .isEqualTo("15:00");
    }

    @Test
    void enrollingAMemberWhileTheirFamilySessionIsBookedForTheSameTimeLetsExactlyOneThrough() throws Exception {
        List<Long> members = all(okafor);
        SupportGroupView craft =
                define("Racing", 8, groupRoom, ana, weekly(wednesday, 12, 0).times(members.size()));
        for (int round = 0; round < members.size(); round++) {
            long member = members.get(round);
            int thisRound = round;
            // each round in its own week, so Ben and the family room are free and only the member can clash
            LocalDate day = wednesday.plusWeeks(round);
            List<Outcome> outcomes = race(
                    () -> groupEnrollments.enroll(craft.id(), member),
                    () -> appointments.book(familySession(List.of(member), day, 12, 30)));

            assertThat(outcomes).filteredOn(Outcome::succeeded).hasSize(1);
            Conflict refused = outcomes.stream()
                    .map(Outcome::refused)
                    .filter(r -> r != null)
                    .findFirst()
                    .orElseThrow();
            assertThat(refused.getSubject()).isEqualTo(Conflict.Subject.CLASH);
            assertThat(refused.getReasons())
                    .as("the loser is told the member is taken: by the family session, or by the group's meeting")
                    .singleElement()
                    .satisfies(r -> assertThat(r.messageKey())
                            .isIn("schedule.clash.member.session", "schedule.clash.member.group"))
                    .satisfies(r -> assertThat(r.arguments().get(0)).isEqualTo(NAMES.get(thisRound)));
            assertThat(enrolledMember(craft.id(), member) + bookedSessions(member))
                    .as("the member is in the group or at the family session, never both")
                    .isEqualTo(1);
        }
    }

    @Test
    void enrollingAMemberWhileAMeetingIsMovedOntoTheirFamilySessionLetsExactlyOneThrough() throws Exception {
        List<Long> members = all(okafor);
        for (int round = 0; round < members.size(); round++) {
            long member = members.get(round);
            LocalDate day = wednesday.plusWeeks(round);
            SupportGroupView group = define(
                    "Moving " + round, 8, groupRoom, ana, weekly(day, 8, 0).times(1));
            GroupSessionView meeting = group.sessions().get(0);
            bookFamilySession(List.of(member), day, 15, 0);

            List<Outcome> outcomes = race(
                    () -> groupEnrollments.enroll(group.id(), member),
                    () -> groupDefinitions.moveSession(meeting.id(), day.atTime(15, 0), null, meeting.version()));

            assertThat(outcomes).filteredOn(Outcome::succeeded).hasSize(1);
            String startTime =
                    asDesk(() -> groups.read(group.id())).sessions().get(0).startTime();
            assertThat(enrolledMember(group.id(), member) == 1 && startTime.equals("15:00"))
                    .as("enrolled in a meeting moved onto the member's family session")
                    .isFalse();
        }
    }

    /** What one of two racing calls did: succeeded, or was refused with a conflict. */
    private record Outcome(boolean succeeded, Conflict refused) {}

    /** Runs both actions at the same moment, each as the front desk in its own thread and transaction. */
    private List<Outcome> race(Supplier<?> first, Supplier<?> second) throws Exception {
        SecurityDomain domain = SecurityDomain.getCurrent();
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (Supplier<?> action : List.of(first, second)) {
                running.add(pool.submit(() -> {
                    Thread.currentThread().setContextClassLoader(loader);
                    start.await();
                    return RunAs.user(domain, desk, Set.of("front-desk"), action);
                }));
            }
            start.countDown();
            List<Outcome> outcomes = new ArrayList<>();
            for (Future<?> result : running) {
                try {
                    result.get(60, TimeUnit.SECONDS);
                    outcomes.add(new Outcome(true, null));
                } catch (ExecutionException failed) {
                    if (!(failed.getCause() instanceof Conflict conflict)) {
                        throw failed;
                    }
                    outcomes.add(new Outcome(false, conflict));
                }
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }

    private SupportGroupView define(String name, int capacity, long room, String facilitator, GroupRecurrence rule) {
        GroupSeries series = asDesk(() -> groupDefinitions.define(new NewSupportGroup(
                name + " " + suffix,
                GroupKind.CRAFT_SKILLS,
                "en",
                programId,
                room,
                capacity,
                true,
                List.of(facilitator),
                rule)));
        assertThat(series.skipped()).as("the group's own times are free").isEmpty();
        return series.group();
    }

    private void bookFamilySession(List<Long> members, LocalDate day, int hour, int minute) {
        asDesk(() -> appointments.book(familySession(members, day, hour, minute)));
    }

    /** An hour's family therapy with Ben in the family room, who lead no group here. */
    private NewAppointment familySession(List<Long> members, LocalDate day, int hour, int minute) {
        return new NewAppointment(
                okafor.id(),
                AppointmentKind.FAMILY_THERAPY,
                members,
                ben,
                familyRoom,
                false,
                day.atTime(hour, minute),
                60);
    }

    private static GroupRecurrence weekly(LocalDate first, int hour, int minute) {
        return GroupRecurrence.weekly(first, LocalTime.of(hour, minute), Duration.ofMinutes(90), ClinicTime.zone());
    }

    private long enrolledIn(long groupId) {
        return Long.parseLong(sql().query(
                        "select count(*) from group_enrollment where group_id = cast(? as bigint)",
                        Long.toString(groupId))
                .get(0)
                .get(0));
    }

    private long enrolledMember(long groupId, long memberId) {
        return Long.parseLong(sql().query(
                        "select count(*) from group_enrollment where group_id = cast(? as bigint)"
                                + " and family_member_id = cast(? as bigint) and status = 'ENROLLED'",
                        Long.toString(groupId),
                        Long.toString(memberId))
                .get(0)
                .get(0));
    }

    private long bookedSessions(long memberId) {
        return Long.parseLong(sql().query(
                        "select count(*) from appointment_member am join appointment a on a.id = am.appointment_id"
                                + " where am.family_member_id = cast(? as bigint) and a.status = 'SCHEDULED'",
                        Long.toString(memberId))
                .get(0)
                .get(0));
    }

    /** The family's members' ids, in the order they were registered. */
    private List<Long> all(FamilyContact family) {
        return sql()
                .query(
                        "select id from family_member where family_id = cast(? as bigint) order by id",
                        Long.toString(family.id()))
                .stream()
                .map(row -> Long.parseLong(row.get(0)))
                .toList();
    }

    private long memberOf(FamilyContact family, int index) {
        return all(family).get(index);
    }

    private FamilyContact register(String name, String... members) {
        return asDesk(() -> registry.register(new NewFamily(
                name,
                programId,
                "en",
                ReferralSource.SELF,
                null,
                Arrays.stream(members)
                        .map(m -> new NewFamilyMember(
                                m, null, 45, Relationship.PARENT, null, null, "en", false, false, true))
                        .toList())));
    }

    private long room(String name) {
        sql().update("insert into room (name, capacity) values (?, 12)", name);
        return Long.parseLong(
                sql().query("select id from room where name = ?", name).get(0).get(0));
    }

    private <T> T asDesk(Supplier<T> action) {
        return RunAs.user(desk, Set.of("front-desk"), action);
    }

    private Sql sql() {
        return new Sql(dataSource::getConnection);
    }
}
