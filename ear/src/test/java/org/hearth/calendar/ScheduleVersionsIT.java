package org.hearth.calendar;

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
import java.util.List;
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
import org.hearth.appointments.AppointmentView;
import org.hearth.appointments.Appointments;
import org.hearth.appointments.NewAppointment;
import org.hearth.family.FamilyContact;
import org.hearth.family.FamilyRegistry;
import org.hearth.family.NewFamily;
import org.hearth.family.NewFamilyMember;
import org.hearth.family.ReferralSource;
import org.hearth.family.Relationship;
import org.hearth.feeds.CalendarFeeds;
import org.hearth.groups.AttendanceEntry;
import org.hearth.groups.AttendanceMark;
import org.hearth.groups.EnrollmentStatus;
import org.hearth.groups.EnrollmentView;
import org.hearth.groups.GroupAttendance;
import org.hearth.groups.GroupDefinitions;
import org.hearth.groups.GroupEnrollments;
import org.hearth.groups.GroupKind;
import org.hearth.groups.GroupRecurrence;
import org.hearth.groups.GroupSessionView;
import org.hearth.groups.NewSupportGroup;
import org.hearth.groups.Roster;
import org.hearth.groups.SeatChange;
import org.hearth.groups.SupportGroupView;
import org.hearth.security.Conflict;
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
 * No lost update on the schedule side (issue 23), in the real server and database: the clinic's week of hours, a
 * closure, a room, a group meeting and its rule, an enrollment, a meeting's attendance, a session and a calendar
 * feed are changed only from the version read. The second of two people acting from one version is refused with a
 * conflict naming the record, and the first one's change is what stays - also when they act at the same moment.
 */
@ExtendWith({HearthStack.class, ArquillianExtension.class})
class ScheduleVersionsIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.hearthWith(ScheduleVersionsIT.class);
    }

    @Inject
    private ClinicCalendar clinic;

    @Inject
    private GroupDefinitions groupDefinitions;

    @Inject
    private GroupEnrollments groupEnrollments;

    @Inject
    private GroupAttendance groupAttendance;

    @Inject
    private Appointments appointments;

    @Inject
    private CalendarFeeds feeds;

    @Inject
    private FamilyRegistry registry;

    @Resource(lookup = "java:jboss/datasources/HearthDS")
    private DataSource dataSource;

    private String suffix;
    private long programId;
    private String ana;
    private String desk;
    private String deskToo;
    private String admin;
    private String adminToo;
    private long roomId;
    private FamilyContact okafor;
    private LocalDate wednesday;

    @BeforeEach
    void aProgramWithACounselorTwoFrontDeskStaffTwoAdministratorsARoomAndAFamily() {
        suffix = UUID.randomUUID().toString().substring(0, 8);
        String program = "Versions " + suffix;
        TestData data = new TestData(sql());
        programId = data.program(program);
        ana = data.staff("ana-" + suffix, "counselor", program);
        desk = data.staff("desk-" + suffix, "front-desk");
        deskToo = data.staff("desk2-" + suffix, "front-desk");
        admin = data.staff("admin-" + suffix, "admin");
        adminToo = data.staff("admin2-" + suffix, "admin");
        sql().update("insert into room (name, capacity) values (?, 12)", "Versions room " + suffix);
        roomId = Long.parseLong(sql().query("select id from room where name = ?", "Versions room " + suffix)
                .get(0)
                .get(0));
        okafor = asDesk(() -> registry.register(new NewFamily(
                "Okafor",
                programId,
                "en",
                ReferralSource.SELF,
                null,
                List.of(member("Grace Okafor"), member("Paul Okafor"), member("Ada Okafor")))));
        // far enough ahead, and apart from other tests' days
        wednesday = LocalDate.now(ClinicTime.zone())
                .plusWeeks(30 + Math.abs(suffix.hashCode() % 200))
                .with(TemporalAdjusters.next(DayOfWeek.WEDNESDAY));
    }

    @Test
    void theSecondAdministratorSavingTheHoursFromTheSameWeekIsToldAndTheFirstOnesHoursStay() {
        ClinicCalendar.Week read = asAdmin(admin, () -> clinic.hours());
        try {
            ClinicCalendar.Week saved =
                    asAdmin(admin, () -> clinic.setHours(with(read, DayOfWeek.SUNDAY, 10, 14), read.version()));
            assertThat(saved.version()).as("the week's version moves on").isEqualTo(read.version() + 1);

            Conflict stale = assertThrows(
                    Conflict.class,
                    () -> asAdmin(
                            adminToo, () -> clinic.setHours(with(read, DayOfWeek.MONDAY, 9, 17), read.version())));
            assertThat(stale.getSubject()).isEqualTo(Conflict.Subject.STALE);
            assertThat(stale.getRecord()).isEqualTo("clinic's hours");
            assertThat(asAdmin(adminToo, () -> clinic.hours()).days())
                    .as("the first one's Sunday is kept, the second one's Monday is not saved")
                    .contains(new ClinicCalendar.DayHours(DayOfWeek.SUNDAY, LocalTime.of(10, 0), LocalTime.of(14, 0)))
                    .contains(read.days().get(0));
            Conflict missing =
                    assertThrows(Conflict.class, () -> asAdmin(adminToo, () -> clinic.setHours(read.days(), null)));
            assertThat(missing.getRecord()).as("no version read is a stale one").isEqualTo("clinic's hours");
        } finally {
            restoreHours();
        }
    }

    @Test
    void administratorsRacingToSaveTheHoursFromOneWeekSaveItOnceAndTheOthersAreToldWhichRecord() throws Exception {
        ClinicCalendar.Week read = asAdmin(admin, () -> clinic.hours());
        SecurityDomain domain = SecurityDomain.getCurrent();
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        CountDownLatch start = new CountDownLatch(1);
        int racers = 4;
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        try {
            List<Future<ClinicCalendar.Week>> results = new ArrayList<>();
            for (int i = 0; i < racers; i++) {
                int closesAt = 14 + i;
                results.add(pool.submit(() -> {
                    Thread.currentThread().setContextClassLoader(loader);
                    start.await();
                    return RunAs.user(
                            domain,
                            admin,
                            Set.of("admin"),
                            () -> clinic.setHours(with(read, DayOfWeek.SUNDAY, 10, closesAt), read.version()));
                }));
            }
            start.countDown();
            List<ClinicCalendar.Week> saved = new ArrayList<>();
            List<String> refused = new ArrayList<>();
            for (Future<ClinicCalendar.Week> result : results) {
                try {
                    saved.add(result.get(60, TimeUnit.SECONDS));
                } catch (ExecutionException e) {
                    assertThat(e.getCause()).isInstanceOf(Conflict.class);
                    refused.add(((Conflict) e.getCause()).getRecord());
                }
            }
            assertThat(saved).as("one save from the week read").hasSize(1);
            assertThat(refused).containsExactly("clinic's hours", "clinic's hours", "clinic's hours");
            ClinicCalendar.Week now = asAdmin(admin, () -> clinic.hours());
            assertThat(now.version()).isEqualTo(read.version() + 1);
            assertThat(now.days())
                    .as("the hours of the one who won")
                    .isEqualTo(saved.get(0).days());
        } finally {
            pool.shutdownNow();
            restoreHours();
        }
    }

    @Test
    void aClosureIsRemovedAndARoomTakenOutOfUseOnlyFromTheVersionRead() {
        ClinicCalendar.Closure closure =
                asAdmin(admin, () -> clinic.addClosure(wednesday, "Snow day")).closure();
        Conflict staleClosure = assertThrows(
                Conflict.class,
                () -> asAdmin(adminToo, () -> {
                    clinic.removeClosure(closure.id(), closure.version() + 1);
                    return null;
                }));
        assertThat(staleClosure.getRecord()).isEqualTo("closure");
        assertThrows(
                Conflict.class,
                () -> asAdmin(adminToo, () -> {
                    clinic.removeClosure(closure.id(), null);
                    return null;
                }));
        assertThat(asAdmin(admin, () -> clinic.closures(wednesday)))
                .extracting(c -> c.id())
                .contains(closure.id());
        asAdmin(admin, () -> {
            clinic.removeClosure(closure.id(), closure.version());
            return null;
        });
        assertThat(asAdmin(admin, () -> clinic.closures(wednesday)))
                .extracting(c -> c.id())
                .doesNotContain(closure.id());

        ClinicCalendar.RoomView room = asAdmin(admin, () -> clinic.rooms()).stream()
                .filter(r -> r.id() == roomId)
                .findFirst()
                .orElseThrow();
        ClinicCalendar.RoomView retired = asAdmin(admin, () -> clinic.setRoomInUse(roomId, false, room.version()));
        assertThat(retired.version()).isEqualTo(room.version() + 1);
        Conflict staleRoom = assertThrows(
                Conflict.class, () -> asAdmin(adminToo, () -> clinic.setRoomInUse(roomId, true, room.version())));
        assertThat(staleRoom.getRecord()).isEqualTo("room");
        assertThat(asAdmin(admin, () -> clinic.rooms()).stream()
                        .filter(r -> r.id() == roomId)
                        .findFirst()
                        .orElseThrow()
                        .active())
                .as("the first one's change stays")
                .isFalse();
    }

    @Test
    void aMeetingTheRuleAnEnrollmentAndTheMarksAreChangedOnlyFromTheVersionRead() {
        SupportGroupView group = asDesk(() -> groupDefinitions.define(new NewSupportGroup(
                        "Versions group " + suffix,
                        GroupKind.CRAFT_SKILLS,
                        "en",
                        programId,
                        roomId,
                        1,
                        true,
                        List.of(ana),
                        weekly(wednesday, 11).times(3))))
                .group();
        GroupSessionView meeting = group.sessions().get(1);

        // a meeting: moved by one, then cancelled from the same version by another
        asDesk(() -> groupDefinitions.moveSession(meeting.id(), meeting.date().atTime(12, 0), null, meeting.version()));
        Conflict staleMeeting = assertThrows(
                Conflict.class,
                () -> RunAs.user(
                        deskToo,
                        Set.of("front-desk"),
                        () -> groupDefinitions.cancelSession(meeting.id(), "Facilitator ill", meeting.version())));
        assertThat(staleMeeting.getRecord()).isEqualTo("group meeting");
        assertThat(sql().query(
                                "select status from group_session where id = cast(? as bigint)",
                                Long.toString(meeting.id())))
                .as("still held, at the new time")
                .isEqualTo(List.of(List.of("SCHEDULED")));

        // the rule: changed by one, the second from the same version is told
        asDesk(() -> groupDefinitions.changeRule(
                group.id(), weekly(wednesday.plusWeeks(1), 15).times(2), group.version()));
        Conflict staleRule = assertThrows(
                Conflict.class,
                () -> RunAs.user(
                        deskToo,
                        Set.of("front-desk"),
                        () -> groupDefinitions.changeRule(
                                group.id(), weekly(wednesday.plusWeeks(1), 9).times(2), group.version())));
        assertThat(staleRule.getRecord()).isEqualTo("group");

        // an enrollment: Grace leaves, Paul is offered her seat; accepting from the version before the offer is stale
        EnrollmentView grace = asDesk(() -> groupEnrollments.enroll(group.id(), memberOf(0)));
        EnrollmentView paul = asDesk(() -> groupEnrollments.enroll(group.id(), memberOf(1)));
        assertThat(paul.status()).isEqualTo(EnrollmentStatus.WAITLISTED);
        SeatChange left = asDesk(() -> groupEnrollments.leave(grace.id(), grace.version()));
        Conflict twice = assertThrows(
                Conflict.class,
                () -> RunAs.user(
                        deskToo, Set.of("front-desk"), () -> groupEnrollments.leave(grace.id(), grace.version())));
        assertThat(twice.getRecord()).isEqualTo("enrollment");
        Conflict notSeen = assertThrows(
                Conflict.class, () -> asDesk(() -> groupEnrollments.acceptOffer(paul.id(), paul.version())));
        assertThat(notSeen.getRecord()).as("the offer changed Paul's place").isEqualTo("enrollment");
        assertThat(asDesk(() -> groupEnrollments.acceptOffer(
                                paul.id(), left.offered().version()))
                        .status())
                .isEqualTo(EnrollmentStatus.ENROLLED);

        // the marks: Ana and the front desk open the same roster; the desk's save after Ana's is refused
        GroupSessionView first = group.sessions().get(0);
        sql().update(
                        "update group_session set starts_at = now() - interval '10 minutes',"
                                + " ends_at = now() + interval '80 minutes' where id = cast(? as bigint)",
                        Long.toString(first.id()));
        Roster read = asDesk(() -> groupAttendance.roster(first.id()));
        Roster anas = asAna(() -> groupAttendance.recordAttendance(
                first.id(), List.of(new AttendanceEntry(memberOf(1), AttendanceMark.PRESENT)), read.version()));
        assertThat(anas.version()).isEqualTo(read.version() + 1);
        Conflict staleMarks = assertThrows(
                Conflict.class,
                () -> asDesk(() -> groupAttendance.recordAttendance(
                        first.id(), List.of(new AttendanceEntry(memberOf(1), AttendanceMark.ABSENT)), read.version())));
        assertThat(staleMarks.getRecord()).isEqualTo("attendance");
        assertThat(asDesk(() -> groupAttendance.roster(first.id())).entries())
                .extracting(e -> e.memberName() + " " + e.mark())
                .containsExactly("Paul Okafor PRESENT");
    }

    @Test
    void twoFrontDeskStaffRacingToMoveOneMeetingFromOneVersionMoveItOnce() throws Exception {
        SupportGroupView group = asDesk(() -> groupDefinitions.define(new NewSupportGroup(
                        "Racing group " + suffix,
                        GroupKind.CRAFT_SKILLS,
                        "en",
                        programId,
                        roomId,
                        8,
                        true,
                        List.of(ana),
                        weekly(wednesday, 11).times(1))))
                .group();
        GroupSessionView meeting = group.sessions().get(0);
        SecurityDomain domain = SecurityDomain.getCurrent();
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<GroupSessionView>> results = new ArrayList<>();
            for (String[] mover : List.of(new String[] {desk, "13"}, new String[] {deskToo, "15"})) {
                results.add(pool.submit(() -> {
                    Thread.currentThread().setContextClassLoader(loader);
                    start.await();
                    return RunAs.user(
                            domain,
                            mover[0],
                            Set.of("front-desk"),
                            () -> groupDefinitions.moveSession(
                                    meeting.id(),
                                    meeting.date().atTime(Integer.parseInt(mover[1]), 0),
                                    null,
                                    meeting.version()));
                }));
            }
            start.countDown();
            List<GroupSessionView> moved = new ArrayList<>();
            List<String> refused = new ArrayList<>();
            for (Future<GroupSessionView> result : results) {
                try {
                    moved.add(result.get(60, TimeUnit.SECONDS));
                } catch (ExecutionException e) {
                    assertThat(e.getCause()).isInstanceOf(Conflict.class);
                    refused.add(((Conflict) e.getCause()).getRecord());
                }
            }
            assertThat(moved).hasSize(1);
            assertThat(refused).containsExactly("group meeting");
            assertThat(sql().query(
                                    "select to_char(starts_at at time zone ?, 'HH24:MI') from group_session"
                                            + " where id = cast(? as bigint)",
                                    ClinicTime.zone().getId(),
                                    Long.toString(meeting.id())))
                    .as("the winner's time")
                    .isEqualTo(List.of(List.of(moved.get(0).startTime())));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aSessionWithoutTheVersionReadAndACalendarFeedMadeFromAnOldPageAreRefusedByName() {
        AppointmentView booked = asDesk(() -> appointments.book(new NewAppointment(
                okafor.id(),
                AppointmentKind.FAMILY_THERAPY,
                List.of(memberOf(0)),
                ana,
                roomId,
                false,
                wednesday.atTime(9, 0),
                60)));
        Conflict noVersion = assertThrows(
                Conflict.class, () -> asDesk(() -> appointments.cancel(booked.id(), true, "Called in", null)));
        assertThat(noVersion.getRecord())
                .as("a missing version is a stale one, not bad input")
                .isEqualTo("session");
        asDesk(() -> appointments.cancel(booked.id(), true, "Called in", booked.version()));
        assertThat(assertThrows(
                                Conflict.class,
                                () -> RunAs.user(
                                        deskToo,
                                        Set.of("front-desk"),
                                        () -> appointments.cancel(
                                                booked.id(), false, "Room flooded", booked.version())))
                        .getRecord())
                .isEqualTo("session");

        CalendarFeeds.FeedState page = asAna(() -> feeds.feed());
        String first = asAna(() -> feeds.newAddress(page.version()));
        Conflict fromOldPage = assertThrows(Conflict.class, () -> asAna(() -> feeds.newAddress(page.version())));
        assertThat(fromOldPage.getRecord()).isEqualTo("calendar feed");
        assertThat(feeds.render(first))
                .as("the address just handed out still works")
                .isPresent();
        CalendarFeeds.FeedState now = asAna(() -> feeds.feed());
        assertThat(now.liveSince()).isNotNull();
        assertThat(now.version()).as("one address made").isEqualTo(page.version() + 1);
        asAna(() -> {
            feeds.revoke(now.version());
            return null;
        });
        assertThat(feeds.render(first)).isEmpty();
    }

    /** The week read, with one day open from {@code opens} to {@code closes} o'clock. */
    private static List<ClinicCalendar.DayHours> with(ClinicCalendar.Week week, DayOfWeek day, int opens, int closes) {
        return week.days().stream()
                .map(d -> d.day() == day
                        ? new ClinicCalendar.DayHours(day, LocalTime.of(opens, 0), LocalTime.of(closes, 0))
                        : d)
                .toList();
    }

    /** The hours every other test expects (V5's). */
    private void restoreHours() {
        sql().update("delete from clinic_hours");
        sql().update("insert into clinic_hours (day_of_week, opens_at, closes_at) values"
                + " (1, '08:00', '20:00'), (2, '08:00', '20:00'), (3, '08:00', '20:00'), (4, '08:00', '20:00'),"
                + " (5, '08:00', '18:00'), (6, '09:00', '13:00')");
    }

    private static GroupRecurrence weekly(LocalDate first, int hour) {
        return GroupRecurrence.weekly(first, LocalTime.of(hour, 0), Duration.ofMinutes(90), ClinicTime.zone());
    }

    private static NewFamilyMember member(String name) {
        return new NewFamilyMember(name, null, 45, Relationship.PARENT, null, null, "en", false, false, true);
    }

    private long memberOf(int index) {
        return Long.parseLong(sql().query(
                        "select id from family_member where family_id = cast(? as bigint) order by id",
                        Long.toString(okafor.id()))
                .get(index)
                .get(0));
    }

    private <T> T asAdmin(String who, Supplier<T> action) {
        return RunAs.user(who, Set.of("admin"), action);
    }

    private <T> T asDesk(Supplier<T> action) {
        return RunAs.user(desk, Set.of("front-desk"), action);
    }

    private <T> T asAna(Supplier<T> action) {
        return RunAs.user(ana, Set.of("counselor"), action);
    }

    private Sql sql() {
        return new Sql(dataSource::getConnection);
    }
}
