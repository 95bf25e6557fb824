package org.hearth.appointments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.annotation.Resource;
import jakarta.ejb.EJBAccessException;
import jakarta.ejb.EJBException;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.temporal.TemporalAdjusters;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.hearth.calendar.ScheduleRefusal;
import org.hearth.family.CaseAssignments;
import org.hearth.family.FamilyContact;
import org.hearth.family.FamilyRegistry;
import org.hearth.family.NewFamily;
import org.hearth.family.NewFamilyMember;
import org.hearth.family.ReferralSource;
import org.hearth.family.Relationship;
import org.hearth.feeds.CalendarFeeds;
import org.hearth.groups.GroupDefinitions;
import org.hearth.groups.GroupEnrollments;
import org.hearth.groups.GroupKind;
import org.hearth.groups.GroupRecurrence;
import org.hearth.groups.GroupSeries;
import org.hearth.groups.NewSupportGroup;
import org.hearth.security.Conflict;
import org.hearth.security.Invalid;
import org.hearth.security.Refused;
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

/**
 * Family sessions in the real server and database: the clinic's rules, clashes of counselor, room and
 * member named, moving and cancelling, status changes, and who may do what.
 */
@ExtendWith({HearthStack.class, ArquillianExtension.class})
class AppointmentsIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.hearthWith(AppointmentsIT.class);
    }

    @Inject
    private Appointments appointments;

    @Inject
    private CalendarFeeds feeds;

    @Inject
    private GroupDefinitions groupDefinitions;

    @Inject
    private GroupEnrollments groupEnrollments;

    @Inject
    private FamilyRegistry registry;

    @Inject
    private CaseAssignments assignments;

    @Resource(lookup = "java:jboss/datasources/HearthDS")
    private DataSource dataSource;

    private String suffix;
    private long programId;
    private String ana;
    private String ben;
    private String supervisor;
    private String desk;
    private long roomOne;
    private long roomTwo;
    private FamilyContact okafor;
    private FamilyContact mbeki;
    /** A Tuesday at least a week ahead: the clinic is open 08:00-20:00. */
    private LocalDate tuesday;

    @BeforeEach
    void twoFamiliesOfAnaAndTwoRooms() {
        suffix = UUID.randomUUID().toString().substring(0, 8);
        String program = "Scheduling " + suffix;
        TestData data = new TestData(sql());
        programId = data.program(program);
        ana = data.staff("ana-" + suffix, "counselor", program);
        ben = data.staff("ben-" + suffix, "counselor", program);
        supervisor = data.staff("sup-" + suffix, "supervisor", program);
        desk = data.staff("desk-" + suffix, "front-desk");
        roomOne = room("Room A " + suffix);
        roomTwo = room("Room B " + suffix);
        okafor = register(programId, "Okafor", "Grace Okafor", "Paul Okafor");
        mbeki = register(programId, "Mbeki", "Thandi Mbeki");
        RunAs.user(supervisor, Set.of("supervisor"), () -> assignments.assignPrimary(okafor.id(), ana, null));
        RunAs.user(supervisor, Set.of("supervisor"), () -> assignments.assignPrimary(mbeki.id(), ana, null));
        tuesday = LocalDate.now(ClinicTime.zone()).plusWeeks(1).with(TemporalAdjusters.next(DayOfWeek.TUESDAY));
    }

    @Test
    void theFrontDeskBooksASessionAndEachKindOfClashIsRefusedNamingWhoAndWhen() {
        AppointmentView booked = asDesk(() -> appointments.book(session(okafor, all(okafor), ana, roomOne, 10, 0, 60)));
        assertThat(booked.status()).isEqualTo(AppointmentStatus.SCHEDULED);
        assertThat(booked.startTime()).isEqualTo("10:00");
        assertThat(booked.endTime()).isEqualTo("11:00");
        assertThat(booked.members())
                .extracting(AppointmentView.Member::fullName)
                .containsExactly("Grace Okafor", "Paul Okafor");

        // the counselor is busy: another family, another room, half an hour later
        Conflict counselor = assertThrows(
                Conflict.class,
                () -> asDesk(() -> appointments.book(session(mbeki, all(mbeki), ana, roomTwo, 10, 30, 60))));
        assertThat(ScheduleRefusal.from(counselor.getReasons()))
                .containsExactly(
                        ScheduleRefusal.of("schedule.clash.counselor", ana, tuesday.toString(), "10:00", "11:00"));

        // the room is taken: Ben, with the other family
        Conflict room = assertThrows(
                Conflict.class,
                () -> asDesk(() -> appointments.book(session(mbeki, all(mbeki), ben, roomOne, 10, 15, 30))));
        assertThat(ScheduleRefusal.from(room.getReasons()))
                .containsExactly(ScheduleRefusal.of(
                        "schedule.clash.room", "Room A " + suffix, tuesday.toString(), "10:00", "11:00"));

        // a member is already in a session: Ben, the other room, by telehealth or not
        Conflict member = assertThrows(
                Conflict.class,
                () -> asDesk(() ->
                        appointments.book(session(okafor, List.of(memberOf(okafor, 1)), ben, roomTwo, 10, 45, 30))));
        assertThat(ScheduleRefusal.from(member.getReasons()))
                .containsExactly(ScheduleRefusal.of(
                        "schedule.clash.member.session", "Paul Okafor", tuesday.toString(), "10:00", "11:00"));

        AppointmentView backToBack =
                asDesk(() -> appointments.book(session(mbeki, all(mbeki), ana, roomOne, 11, 0, 50)));
        assertThat(backToBack.startTime())
                .as("a session may start when the previous one ends")
                .isEqualTo("11:00");
        assertThat(sql().query(
                                "select count(*) from audit_entry where action = 'BOOK_APPOINTMENT' and username = ?",
                                desk))
                .isEqualTo(List.of(List.of("2")));
    }

    @Test
    void aFamilySessionClashesWithASupportGroupItsCounselorLeadsOrItsMemberAttends() {
        GroupSeries series = asDesk(() -> groupDefinitions.define(new NewSupportGroup(
                "Parents' evening " + suffix,
                GroupKind.PARENTS,
                "en",
                programId,
                roomTwo,
                8,
                true,
                List.of(ben),
                GroupRecurrence.weekly(tuesday, LocalTime.of(18, 0), Duration.ofMinutes(90), ClinicTime.zone())
                        .times(2))));
        assertThat(series.sessionsCreated()).isEqualTo(2);
        asDesk(() -> groupEnrollments.enroll(series.group().id(), memberOf(okafor, 0)));

        Conflict clash = assertThrows(
                Conflict.class,
                () -> asDesk(() -> appointments.book(session(okafor, all(okafor), ben, roomTwo, 19, 0, 60))));
        assertThat(ScheduleRefusal.from(clash.getReasons()))
                .containsExactly(
                        ScheduleRefusal.of("schedule.clash.counselor", ben, tuesday.toString(), "18:00", "19:30"),
                        ScheduleRefusal.of(
                                "schedule.clash.room", "Room B " + suffix, tuesday.toString(), "18:00", "19:30"),
                        ScheduleRefusal.of(
                                "schedule.clash.member.group",
                                "Grace Okafor",
                                tuesday.toString(),
                                "18:00",
                                "19:30",
                                "Parents' evening " + suffix));
        Conflict memberOnly = assertThrows(
                Conflict.class,
                () -> asDesk(() ->
                        appointments.book(session(okafor, List.of(memberOf(okafor, 0)), ana, roomOne, 18, 30, 30))));
        assertThat(ScheduleRefusal.from(memberOnly.getReasons()))
                .containsExactly(ScheduleRefusal.of(
                        "schedule.clash.member.group",
                        "Grace Okafor",
                        tuesday.toString(),
                        "18:00",
                        "19:30",
                        "Parents' evening " + suffix));
        assertThat(asDesk(() -> appointments.book(
                                session(okafor, List.of(memberOf(okafor, 1)), ana, roomOne, 18, 30, 30)))
                        .status())
                .as("Paul is not in the group")
                .isEqualTo(AppointmentStatus.SCHEDULED);
    }

    @Test
    void aCancelledSessionFreesItsTimeAndAMovedOneIsCheckedLikeANewOne() {
        AppointmentView first = asDesk(() -> appointments.book(session(okafor, all(okafor), ana, roomOne, 14, 0, 60)));
        AppointmentView second = asDesk(() -> appointments.book(session(mbeki, all(mbeki), ana, roomTwo, 16, 0, 60)));

        assertThrows(
                Conflict.class,
                () -> asDesk(() -> appointments.move(
                        second.id(),
                        new AppointmentMove(tuesday.atTime(14, 30), 60, roomTwo, false, second.version()))));
        AppointmentView cancelled =
                asDesk(() -> appointments.cancel(first.id(), true, "Grace is ill", first.version()));
        assertThat(cancelled.status()).isEqualTo(AppointmentStatus.CANCELLED_BY_FAMILY);
        assertThat(cancelled.cancelReason()).isEqualTo("Grace is ill");

        AppointmentView moved = asDesk(() -> appointments.move(
                second.id(), new AppointmentMove(tuesday.atTime(14, 30), 60, null, true, second.version())));
        assertThat(moved.startTime()).isEqualTo("14:30");
        assertThat(moved.telehealth()).isTrue();
        assertThat(moved.roomName()).isNull();

        assertThrows(
                Conflict.class,
                () -> unwrap(() -> asDesk(() -> appointments.move(
                        second.id(), new AppointmentMove(tuesday.atTime(17, 0), 60, null, true, second.version())))));
        assertThrows(
                Conflict.class,
                () -> asDesk(() -> appointments.cancel(first.id(), false, "again", cancelled.version())));
    }

    @Test
    void theClinicsRulesRefuseThePastClosuresClosedDaysAndHoursNamingThem() {
        LocalDate closed = tuesday.plusWeeks(1 + Math.abs(suffix.hashCode() % 400));
        sql().update(
                        "insert into clinic_closure (closed_on, reason) values (cast(? as date), 'Staff training')",
                        closed.toString());
        LocalDate sunday = tuesday.with(TemporalAdjusters.next(DayOfWeek.SUNDAY));

        assertThat(refusals(LocalDateTime.now(ClinicTime.zone()).minusDays(1).withHour(10), 60))
                .contains(ScheduleRefusal.of("schedule.past"));
        assertThat(refusals(closed.atTime(10, 0), 60))
                .containsExactly(ScheduleRefusal.of("schedule.closed", closed.toString(), "Staff training"));
        assertThat(refusals(sunday.atTime(10, 0), 60))
                .containsExactly(ScheduleRefusal.of("schedule.closedWeekday", sunday.toString()));
        assertThat(refusals(tuesday.atTime(19, 30), 60))
                .containsExactly(ScheduleRefusal.of("schedule.hours", tuesday.toString(), "08:00", "20:00"));
        assertThat(refusals(tuesday.atTime(7, 45), 30))
                .containsExactly(ScheduleRefusal.of("schedule.hours", tuesday.toString(), "08:00", "20:00"));
        assertThat(sql().query(
                                "select count(*) from appointment where family_id = cast(? as bigint)",
                                Long.toString(okafor.id())))
                .as("nothing saved")
                .isEqualTo(List.of(List.of("0")));
    }

    @Test
    void aCounselorBooksOwnSessionsForOwnFamiliesOnlyAndASupervisorReads() {
        AppointmentView own = asAna(() -> appointments.book(session(okafor, all(okafor), ana, roomOne, 9, 0, 50)));
        assertThat(own.counselorUsername()).isEqualTo(ana);

        assertThrows(
                Refused.class,
                () -> asBen(() -> appointments.book(session(okafor, all(okafor), ben, roomTwo, 9, 0, 50))));
        assertThrows(
                Refused.class,
                () -> asAna(() -> appointments.book(session(okafor, all(okafor), ben, roomTwo, 12, 0, 50))));
        assertThrows(Refused.class, () -> asBen(() -> appointments.cancel(own.id(), false, "not mine", own.version())));
        assertThrows(
                EJBAccessException.class,
                () -> RunAs.user(
                        supervisor,
                        Set.of("supervisor"),
                        () -> appointments.book(session(mbeki, all(mbeki), ana, roomOne, 13, 0, 50))));
        assertThat(sql().query(
                                "select count(*) from audit_entry where username = ? and outcome = 'DENIED'"
                                        + " and family_id = cast(? as bigint)",
                                ben,
                                Long.toString(okafor.id())))
                .as("the refusals name the family")
                .isEqualTo(List.of(List.of("2")));

        List<AppointmentView> supervisorsDay =
                RunAs.user(supervisor, Set.of("supervisor"), () -> appointments.day(tuesday));
        assertThat(supervisorsDay).extracting(AppointmentView::id).contains(own.id());
        List<AppointmentView> bensDay = asBen(() -> appointments.day(tuesday));
        assertThat(bensDay).extracting(AppointmentView::id).doesNotContain(own.id());
        assertThrows(Refused.class, () -> asBen(() -> appointments.read(own.id())));
    }

    @Test
    void theDaysScheduleIsReadAPageAtATimeByTimeAndEachPageAuditsTheSessionsItShows() {
        AppointmentView atOne = asAna(() -> appointments.book(session(mbeki, all(mbeki), ana, roomTwo, 13, 0, 50)));
        AppointmentView atNine = asAna(() -> appointments.book(session(okafor, all(okafor), ana, roomOne, 9, 0, 50)));
        AppointmentView atEleven =
                asAna(() -> appointments.book(session(okafor, all(okafor), ana, roomOne, 11, 0, 50)));

        AppointmentPage first = asAna(() -> appointments.dayPage(tuesday, 0, 2));
        assertThat(first.total()).as("all of Ana's sessions that day").isEqualTo(3);
        assertThat(first.rows()).extracting(AppointmentView::id).containsExactly(atNine.id(), atEleven.id());
        assertThat(first.rows().get(0).members())
                .extracting(AppointmentView.Member::fullName)
                .containsExactly("Grace Okafor", "Paul Okafor");
        AppointmentPage second = asAna(() -> appointments.dayPage(tuesday, 2, 2));
        assertThat(second.rows()).extracting(AppointmentView::id).containsExactly(atOne.id());
        assertThat(second.total()).isEqualTo(3);
        assertThat(asAna(() -> appointments.dayCount(tuesday))).isEqualTo(3);
        assertThat(asBen(() -> appointments.dayPage(tuesday, 0, 25)).rows())
                .as("another counselor's day holds none of Ana's")
                .isEmpty();

        assertThat(sql().query(
                                "select reason from audit_entry where username = ? and action = 'READ_SCHEDULE'"
                                        + " order by id",
                                ana))
                .as("each page read names the sessions it showed; the count names none")
                .isEqualTo(List.of(
                        List.of("listed 2: [" + atNine.id() + ", " + atEleven.id() + "]"),
                        List.of("listed 1: [" + atOne.id() + "]")));
    }

    @Test
    void aSessionIsCheckedInOnItsDayAndCompletedOrMarkedNoShowOnlyOnceStarted() {
        AppointmentView future = asDesk(() -> appointments.book(session(okafor, all(okafor), ana, roomOne, 15, 0, 60)));
        assertThat(refusalsOf(() -> asDesk(() -> appointments.checkIn(future.id(), future.version()))))
                .containsExactly(ScheduleRefusal.of("schedule.checkIn.notToday"));
        assertThat(refusalsOf(() -> asDesk(() -> appointments.complete(future.id(), future.version()))))
                .containsExactly(ScheduleRefusal.of("schedule.notStarted"));

        long started = startedTenMinutesAgo(mbeki);
        AppointmentView checkedIn = asDesk(() -> appointments.checkIn(started, 0L));
        assertThat(checkedIn.status()).isEqualTo(AppointmentStatus.CHECKED_IN);
        AppointmentView completed = asAna(() -> appointments.complete(started, checkedIn.version()));
        assertThat(completed.status()).isEqualTo(AppointmentStatus.COMPLETED);
        assertThrows(Conflict.class, () -> asDesk(() -> appointments.noShow(started, completed.version())));
        assertThat(asDesk(() -> appointments.forFamily(mbeki.id())))
                .extracting(AppointmentView::status)
                .contains(AppointmentStatus.COMPLETED);
    }

    @Test
    void theWeekCalendarShowsEveryonesBusyTimesButNamesFamiliesOnlyToThoseWhoWorkWithThem() {
        AppointmentView booked = asDesk(() -> appointments.book(session(okafor, all(okafor), ana, roomOne, 16, 0, 60)));

        CalendarEntry forBen =
                only(asBen(() -> appointments.calendar(tuesday, tuesday.plusDays(1), ana, null)), booked);
        CalendarEntry forAna =
                only(asAna(() -> appointments.calendar(tuesday, tuesday.plusDays(1), null, roomOne)), booked);
        CalendarEntry forDesk =
                only(asDesk(() -> appointments.calendar(tuesday, tuesday.plusDays(1), null, null)), booked);
        CalendarEntry forSupervisor = only(
                RunAs.user(
                        supervisor,
                        Set.of("supervisor"),
                        () -> appointments.calendar(tuesday, tuesday.plusDays(1), ana, null)),
                booked);

        assertThat(forBen.named())
                .as("another counselor sees the time is taken, not by whom")
                .isFalse();
        assertThat(forBen.familyId()).isNull();
        assertThat(forBen.start()).isEqualTo(tuesday.atTime(16, 0));
        assertThat(forBen.roomName()).isEqualTo("Room A " + suffix);
        assertThat(forAna.familyName()).isEqualTo("Okafor");
        assertThat(forDesk.familyName()).isEqualTo("Okafor");
        assertThat(forSupervisor.familyName()).isEqualTo("Okafor");
        assertThrows(
                Invalid.class, () -> asDesk(() -> appointments.calendar(tuesday, tuesday.plusDays(90), null, null)));
    }

    private static CalendarEntry only(List<CalendarEntry> entries, AppointmentView session) {
        return entries.stream()
                .filter(e -> e.groupName() == null && e.id() == session.id())
                .findFirst()
                .orElseThrow();
    }

    @Test
    void aCounselorsCalendarFeedShowsSessionsWithoutFamilyNamesUntilRevoked() throws Exception {
        AppointmentView booked = asDesk(() -> appointments.book(session(okafor, all(okafor), ana, roomOne, 11, 0, 60)));
        String secret = asAna(() -> feeds.newAddress(feeds.feed().version()));

        HttpResponse<String> feed = fetchFeed(secret);
        assertThat(feed.statusCode()).isEqualTo(200);
        assertThat(feed.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("text/calendar"));
        assertThat(feed.body())
                .contains("UID:appointment-" + booked.id() + "@hearth")
                .contains("SUMMARY:Family session")
                .contains("LOCATION:Room A " + suffix)
                .doesNotContain("Okafor")
                .doesNotContain("therapy");
        assertThat(sql().query("select count(*) from calendar_feed where secret_hash = ?", secret))
                .as("the secret itself is never stored")
                .isEqualTo(List.of(List.of("0")));

        String renewed = asAna(() -> feeds.newAddress(feeds.feed().version()));
        assertThat(fetchFeed(secret).statusCode()).as("the old address").isEqualTo(404);
        assertThat(fetchFeed(renewed).statusCode()).isEqualTo(200);
        asAna(() -> {
            feeds.revoke(feeds.feed().version());
            return null;
        });
        assertThat(fetchFeed(renewed).statusCode()).isEqualTo(404);
        assertThrows(EJBAccessException.class, () -> asDesk(() -> feeds.newAddress(0L)));
    }

    private static HttpResponse<String> fetchFeed(String secret) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:8080/hearth/feeds/" + secret + ".ics"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }

    private List<ScheduleRefusal> refusals(LocalDateTime start, int minutes) {
        return refusalsOf(() -> asDesk(() -> appointments.book(new NewAppointment(
                okafor.id(), AppointmentKind.FAMILY_THERAPY, all(okafor), ana, roomOne, false, start, minutes))));
    }

    private static List<ScheduleRefusal> refusalsOf(Runnable action) {
        return ScheduleRefusal.from(assertThrows(Invalid.class, action::run).getReasons());
    }

    /** A session of today that began ten minutes ago, as if booked earlier (the rules refuse the past now). */
    private long startedTenMinutesAgo(FamilyContact family) {
        sql().update(
                        "insert into appointment (family_id, kind, counselor_id, telehealth, starts_at, ends_at, status,"
                                + " booked_by, booked_at)"
                                + " select cast(? as bigint), 'FAMILY_THERAPY', s.id, true, now() - interval '10 minutes',"
                                + " now() + interval '40 minutes', 'SCHEDULED', 'test', now() from staff_member s"
                                + " where s.username = ?",
                        Long.toString(family.id()),
                        ana);
        return Long.parseLong(sql().query(
                        "select max(id) from appointment where family_id = cast(? as bigint)",
                        Long.toString(family.id()))
                .get(0)
                .get(0));
    }

    private NewAppointment session(
            FamilyContact family, List<Long> members, String counselor, long room, int hour, int minute, int minutes) {
        return new NewAppointment(
                family.id(),
                AppointmentKind.FAMILY_THERAPY,
                members,
                counselor,
                room,
                false,
                tuesday.atTime(LocalTime.of(hour, minute)),
                minutes);
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

    private FamilyContact register(long programId, String name, String... members) {
        return RunAs.user(
                desk,
                Set.of("front-desk"),
                () -> registry.register(new NewFamily(
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
        sql().update("insert into room (name, capacity) values (?, 6)", name);
        return Long.parseLong(
                sql().query("select id from room where name = ?", name).get(0).get(0));
    }

    private static void unwrap(Runnable action) {
        try {
            action.run();
        } catch (EJBException e) {
            Throwable cause = e;
            while (cause instanceof EJBException && cause.getCause() != null) {
                cause = cause.getCause();
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw e;
        }
    }

    private <T> T asDesk(Supplier<T> action) {
        return RunAs.user(desk, Set.of("front-desk"), action);
    }

    private <T> T asAna(Supplier<T> action) {
        return RunAs.user(ana, Set.of("counselor"), action);
    }

    private <T> T asBen(Supplier<T> action) {
        return RunAs.user(ben, Set.of("counselor"), action);
    }

    private Sql sql() {
        return new Sql(dataSource::getConnection);
    }
}
