package org.hearth.groups;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.annotation.Resource;
import jakarta.ejb.EJBAccessException;
import jakarta.inject.Inject;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
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
import org.hearth.family.CaseAssignments;
import org.hearth.family.FamilyContact;
import org.hearth.family.FamilyRegistry;
import org.hearth.family.NewFamily;
import org.hearth.family.NewFamilyMember;
import org.hearth.family.ReferralSource;
import org.hearth.family.Relationship;
import org.hearth.feeds.CalendarFeeds;
import org.hearth.notes.FamilyGroupNote;
import org.hearth.notes.GroupNoteView;
import org.hearth.notes.GroupNotes;
import org.hearth.notes.NoteStatus;
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
import org.wildfly.security.auth.server.SecurityDomain;

/**
 * Support groups in the real server and database: a series defined around a closure and a facilitator's
 * family session, sessions changed one by one and spared by a new rule, seats and the waitlist (also under
 * concurrent requests for the last seats), attendance on the family's record, and who may do what.
 */
@ExtendWith({HearthStack.class, ArquillianExtension.class})
class SupportGroupsIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.hearthWith(SupportGroupsIT.class);
    }

    @Inject
    private SupportGroups groups;

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
    private GroupNotes groupNotes;

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
    private String otherSupervisor;
    private String desk;
    private long roomOne;
    private long roomTwo;
    private FamilyContact okafor;
    private FamilyContact mbeki;
    /** A Wednesday a few weeks ahead: the clinic is open 08:00-20:00. */
    private LocalDate wednesday;

    @BeforeEach
    void aProgramWithTwoCounselorsTwoRoomsAndTwoFamilies() {
        suffix = UUID.randomUUID().toString().substring(0, 8);
        String program = "Groups " + suffix;
        TestData data = new TestData(sql());
        programId = data.program(program);
        data.program("Other groups " + suffix);
        ana = data.staff("ana-" + suffix, "counselor", program);
        ben = data.staff("ben-" + suffix, "counselor", program);
        supervisor = data.staff("sup-" + suffix, "supervisor", program);
        otherSupervisor = data.staff("other-sup-" + suffix, "supervisor", "Other groups " + suffix);
        desk = data.staff("desk-" + suffix, "front-desk");
        roomOne = room("Group room A " + suffix);
        roomTwo = room("Group room B " + suffix);
        okafor = register("Okafor", "Grace Okafor", "Paul Okafor", "Ada Okafor", "Chidi Okafor", "Ngozi Okafor");
        mbeki = register("Mbeki", "Thandi Mbeki", "Sipho Mbeki", "Lindi Mbeki", "Zola Mbeki", "Nandi Mbeki");
        wednesday = LocalDate.now(ClinicTime.zone()).plusWeeks(2).with(TemporalAdjusters.next(DayOfWeek.WEDNESDAY));
    }

    @Test
    void aWeeklyGroupForEightWeeksSkipsAClosureAndAFacilitatorsFamilySessionNamingThem() {
        // far enough ahead that no other test's closure or booking is near it
        LocalDate first = wednesday.plusWeeks(20 + Math.abs(suffix.hashCode() % 300));
        LocalDate closed = first.plusWeeks(2);
        LocalDate busy = first.plusWeeks(4);
        sql().update(
                        "insert into clinic_closure (closed_on, reason) values (cast(? as date), 'Staff training')"
                                + " on conflict (closed_on) do nothing",
                        closed.toString());
        String reason = sql().query(
                        "select reason from clinic_closure where closed_on = cast(? as date)", closed.toString())
                .get(0)
                .get(0);
        asDesk(() -> appointments.book(new NewAppointment(
                okafor.id(),
                AppointmentKind.FAMILY_THERAPY,
                List.of(memberOf(okafor, 0)),
                ana,
                roomTwo,
                false,
                busy.atTime(18, 30),
                60)));

        GroupSeries series = asDesk(() -> groupDefinitions.define(
                group("CRAFT skills", 10, roomOne, weekly(first, 18, 0).times(8))));

        assertThat(series.sessionsCreated()).isEqualTo(6);
        assertThat(series.group().sessions()).hasSize(6);
        assertThat(series.group().sessions())
                .extracting(GroupSessionView::startTime)
                .containsOnly("18:00");
        assertThat(series.skipped())
                .containsExactly(
                        new SkippedOccurrence(
                                closed, List.of(ScheduleRefusal.of("schedule.closed", closed.toString(), reason))),
                        new SkippedOccurrence(
                                busy,
                                List.of(ScheduleRefusal.of(
                                        "schedule.clash.counselor", ana, busy.toString(), "18:30", "19:30"))));
        assertThat(series.group().recurrence()).contains("RRULE:FREQ=WEEKLY").contains("COUNT=8");
        assertThat(sql().query("select count(*) from audit_entry where action = 'DEFINE_GROUP' and username = ?", desk))
                .isEqualTo(List.of(List.of("1")));

        // another group in the same room at an overlapping time gets no session there
        GroupSeries other = asDesk(() -> groupDefinitions.define(new NewSupportGroup(
                "Parents " + suffix,
                GroupKind.PARENTS,
                "en",
                programId,
                roomOne,
                8,
                true,
                List.of(ben),
                weekly(first, 18, 30).times(1))));
        assertThat(other.sessionsCreated()).isZero();
        assertThat(other.skipped().get(0).reasons())
                .containsExactly(ScheduleRefusal.of(
                        "schedule.clash.room", "Group room A " + suffix, first.toString(), "18:00", "19:30"));
    }

    @Test
    void cancellingOrMovingOneSessionLeavesTheOthersAndANewRuleSparesEditedSessions() {
        GroupSeries series = asDesk(() -> groupDefinitions.define(
                group("Self-care", 10, roomOne, weekly(wednesday, 17, 0).times(4))));
        List<GroupSessionView> sessions = series.group().sessions();
        assertThat(sessions).hasSize(4);

        GroupSessionView cancelled = asDesk(() -> groupDefinitions.cancelSession(
                sessions.get(1).id(), "Facilitator training", sessions.get(1).version()));
        assertThat(cancelled.status()).isEqualTo(GroupSessionStatus.CANCELLED);
        assertThat(cancelled.edited()).isTrue();
        GroupSessionView moved = RunAs.user(
                supervisor,
                Set.of("supervisor"),
                () -> groupDefinitions.moveSession(
                        sessions.get(2).id(),
                        wednesday.plusWeeks(2).plusDays(1).atTime(16, 0),
                        roomTwo,
                        sessions.get(2).version()));
        assertThat(moved.date()).isEqualTo(wednesday.plusWeeks(2).plusDays(1));
        assertThat(moved.startTime()).isEqualTo("16:00");
        assertThat(moved.endTime()).isEqualTo("17:30");
        assertThat(moved.roomName()).isEqualTo("Group room B " + suffix);
        assertThat(moved.occursOn()).isEqualTo(wednesday.plusWeeks(2));

        SupportGroupView before = asDesk(() -> groups.read(series.group().id()));
        assertThat(before.sessions())
                .extracting(GroupSessionView::status)
                .containsExactly(
                        GroupSessionStatus.SCHEDULED,
                        GroupSessionStatus.CANCELLED,
                        GroupSessionStatus.SCHEDULED,
                        GroupSessionStatus.SCHEDULED);

        GroupSeries changed = asDesk(() -> groupDefinitions.changeRule(
                series.group().id(), weekly(wednesday, 18, 0).times(5), before.version()));
        assertThat(changed.sessionsRemoved())
                .as("the two untouched sessions at 17:00")
                .isEqualTo(2);
        assertThat(changed.sessionsCreated())
                .as("those two at 18:00, and a fifth week")
                .isEqualTo(3);
        assertThat(changed.skipped()).isEmpty();
        assertThat(changed.group().sessions())
                .extracting(s -> s.occursOn() + " " + s.date() + " " + s.startTime() + " " + s.status())
                .containsExactly(
                        wednesday + " " + wednesday + " 18:00 SCHEDULED",
                        wednesday.plusWeeks(1) + " " + wednesday.plusWeeks(1) + " 17:00 CANCELLED",
                        wednesday.plusWeeks(2) + " " + wednesday.plusWeeks(2).plusDays(1) + " 16:00 SCHEDULED",
                        wednesday.plusWeeks(3) + " " + wednesday.plusWeeks(3) + " 18:00 SCHEDULED",
                        wednesday.plusWeeks(4) + " " + wednesday.plusWeeks(4) + " 18:00 SCHEDULED");
        assertThat(changed.group().recurrence()).contains("T180000");
    }

    @Test
    void membersAreEnrolledUntilTheGroupIsFullThenWaitInOrderAndALeaverOffersTheSeatToTheFirst() {
        SupportGroupView group = asDesk(() -> groupDefinitions.define(
                        group("Partners", 2, roomOne, weekly(wednesday, 10, 0).times(2))))
                .group();
        List<Long> members = all(okafor);
        RunAs.user(supervisor, Set.of("supervisor"), () -> assignments.assignPrimary(okafor.id(), ana, null));

        EnrollmentView grace = asDesk(() -> groupEnrollments.enroll(group.id(), members.get(0)));
        EnrollmentView paul = asAna(() -> groupEnrollments.enroll(group.id(), members.get(1)));
        EnrollmentView ada = asDesk(() -> groupEnrollments.enroll(group.id(), members.get(2)));
        EnrollmentView chidi = asAna(() -> groupEnrollments.enroll(group.id(), members.get(3)));
        assertThat(List.of(grace, paul, ada, chidi))
                .extracting(EnrollmentView::status)
                .containsExactly(
                        EnrollmentStatus.ENROLLED,
                        EnrollmentStatus.ENROLLED,
                        EnrollmentStatus.WAITLISTED,
                        EnrollmentStatus.WAITLISTED);
        assertThat(ada.position()).isLessThan(chidi.position());
        Conflict twice =
                assertThrows(Conflict.class, () -> asDesk(() -> groupEnrollments.enroll(group.id(), members.get(2))));
        assertThat(ScheduleRefusal.from(twice.getReasons()).get(0))
                .isEqualTo(ScheduleRefusal.of("group.enrollment.already", "Ada Okafor", "Partners " + suffix));

        SeatChange left = asDesk(() -> groupEnrollments.leave(grace.id(), grace.version()));
        assertThat(left.left().status()).isEqualTo(EnrollmentStatus.LEFT);
        assertThat(left.offered().id()).as("the first on the waitlist").isEqualTo(ada.id());
        assertThat(left.offered().status()).isEqualTo(EnrollmentStatus.OFFERED);

        EnrollmentView ngozi = asDesk(() -> groupEnrollments.enroll(group.id(), members.get(4)));
        assertThat(ngozi.status()).as("the offered seat is held for Ada").isEqualTo(EnrollmentStatus.WAITLISTED);
        EnrollmentView adaSeated = asAna(
                () -> groupEnrollments.acceptOffer(ada.id(), left.offered().version()));
        assertThat(adaSeated.status()).isEqualTo(EnrollmentStatus.ENROLLED);

        // Ada declines later by leaving: the seat goes to Chidi, who waited longest
        SeatChange adaLeaves = asDesk(() -> groupEnrollments.leave(ada.id(), adaSeated.version()));
        assertThat(adaLeaves.offered().id()).isEqualTo(chidi.id());
        assertThat(asDesk(() -> groupEnrollments.enrollments(group.id())))
                .extracting(e -> e.memberName() + " " + e.status())
                .containsExactly(
                        "Paul Okafor ENROLLED",
                        "Chidi Okafor OFFERED",
                        "Ngozi Okafor WAITLISTED",
                        "Grace Okafor LEFT",
                        "Ada Okafor LEFT");
        assertThat(asDesk(() -> groups.read(group.id())).seatsTaken()).isEqualTo(2);
    }

    @Test
    void manyRequestsRacingForTheLastSeatsEnrollExactlyAsManyMembersAsTheGroupSeats() throws Exception {
        SupportGroupView group = asDesk(() -> groupDefinitions.define(group(
                        "Spanish family", 3, roomOne, weekly(wednesday, 11, 0).times(2))))
                .group();
        List<Long> members = new ArrayList<>(all(okafor));
        members.addAll(all(mbeki));
        SecurityDomain domain = SecurityDomain.getCurrent();
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(members.size());
        try {
            List<Future<EnrollmentView>> results = new ArrayList<>();
            for (long member : members) {
                results.add(pool.submit(() -> {
                    Thread.currentThread().setContextClassLoader(loader);
                    start.await();
                    return RunAs.user(
                            domain, desk, Set.of("front-desk"), () -> groupEnrollments.enroll(group.id(), member));
                }));
            }
            start.countDown();
            List<EnrollmentView> enrolled = new ArrayList<>();
            for (Future<EnrollmentView> result : results) {
                enrolled.add(result.get(60, TimeUnit.SECONDS));
            }
            assertThat(enrolled)
                    .filteredOn(e -> e.status() == EnrollmentStatus.ENROLLED)
                    .hasSize(3);
            assertThat(enrolled)
                    .filteredOn(e -> e.status() == EnrollmentStatus.WAITLISTED)
                    .hasSize(members.size() - 3);
            assertThat(enrolled)
                    .extracting(EnrollmentView::position)
                    .as("every request got its own place in line")
                    .doesNotHaveDuplicates();
        } finally {
            pool.shutdownNow();
        }
        assertThat(sql().query(
                                "select count(*) from group_enrollment where group_id = cast(? as bigint)"
                                        + " and status = 'ENROLLED'",
                                Long.toString(group.id())))
                .isEqualTo(List.of(List.of("3")));
    }

    @Test
    void attendanceSavedBySomeoneLeadingTheSessionAppearsOnEachFamilysRecordOnly() {
        SupportGroupView group = asDesk(() -> groupDefinitions.define(
                        group("Parents", 10, roomOne, weekly(wednesday, 12, 0).times(3))))
                .group();
        long grace = memberOf(okafor, 0);
        long paul = memberOf(okafor, 1);
        long thandi = memberOf(mbeki, 0);
        for (long member : List.of(grace, paul, thandi)) {
            asDesk(() -> groupEnrollments.enroll(group.id(), member));
        }
        GroupSessionView first = group.sessions().get(0);
        GroupSessionView second = group.sessions().get(1);
        assertThat(refusals(() -> asAna(() -> groupAttendance.recordAttendance(
                        first.id(), List.of(new AttendanceEntry(grace, AttendanceMark.PRESENT)), first.version()))))
                .containsExactly(ScheduleRefusal.of("schedule.notStarted"));
        startedTenMinutesAgo(first.id());

        Roster marked = asAna(() -> groupAttendance.recordAttendance(
                first.id(),
                List.of(
                        new AttendanceEntry(grace, AttendanceMark.PRESENT),
                        new AttendanceEntry(paul, AttendanceMark.LATE),
                        new AttendanceEntry(thandi, AttendanceMark.ABSENT)),
                first.version()));
        Roster excused = asDesk(() -> groupAttendance.recordAttendance(
                first.id(), List.of(new AttendanceEntry(paul, AttendanceMark.EXCUSED)), marked.version()));
        List<RosterEntry> roster = excused.entries();
        assertThat(roster)
                .extracting(r -> r.memberName() + " " + r.mark())
                .containsExactly("Grace Okafor PRESENT", "Paul Okafor EXCUSED", "Thandi Mbeki ABSENT");
        Invalid stranger = assertThrows(
                Invalid.class,
                () -> asAna(() -> groupAttendance.recordAttendance(
                        first.id(),
                        List.of(new AttendanceEntry(memberOf(mbeki, 4), AttendanceMark.PRESENT)),
                        excused.version())));
        assertThat(ScheduleRefusal.from(stranger.getReasons())).hasSize(1);

        List<GroupAttendanceView> okaforsRecord = asDesk(() -> groupAttendance.attendanceOf(okafor.id()));
        assertThat(okaforsRecord)
                .extracting(a -> a.memberName() + " " + a.mark() + " " + a.groupName())
                .containsExactly("Grace Okafor PRESENT Parents " + suffix, "Paul Okafor EXCUSED Parents " + suffix);
        assertThat(okaforsRecord).extracting(GroupAttendanceView::sessionId).containsOnly(first.id());
        assertThat(asDesk(() -> groupAttendance.attendanceOf(mbeki.id())))
                .extracting(GroupAttendanceView::memberName)
                .containsExactly("Thandi Mbeki");

        // the family's counselor and the program's supervisor read it; another counselor and supervisor do not
        RunAs.user(supervisor, Set.of("supervisor"), () -> assignments.assignPrimary(okafor.id(), ben, null));
        assertThat(asBen(() -> groupAttendance.attendanceOf(okafor.id()))).hasSize(2);
        assertThat(RunAs.user(supervisor, Set.of("supervisor"), () -> groupAttendance.attendanceOf(okafor.id())))
                .hasSize(2);
        assertThrows(Refused.class, () -> asAna(() -> groupAttendance.attendanceOf(okafor.id())));
        assertThrows(
                Refused.class,
                () -> RunAs.user(
                        otherSupervisor, Set.of("supervisor"), () -> groupAttendance.attendanceOf(okafor.id())));
        assertThat(sql().query(
                                "select count(*) from audit_entry where outcome = 'DENIED'"
                                        + " and family_id = cast(? as bigint) and username in (?, ?)",
                                Long.toString(okafor.id()),
                                ana,
                                otherSupervisor))
                .as("the refusals name the family")
                .isEqualTo(List.of(List.of("2")));
        assertThat(sql().query(
                                "select count(*) from audit_entry where action = 'RECORD_GROUP_ATTENDANCE'"
                                        + " and family_id = cast(? as bigint)",
                                Long.toString(mbeki.id())))
                .isEqualTo(List.of(List.of("1")));

        // a substitute leads one session: Ben sees its roster, not the other sessions'
        asDesk(() -> groupDefinitions.substitute(second.id(), ben, second.version()));
        assertThat(asBen(() -> groupAttendance.roster(second.id())).entries()).hasSize(3);
        assertThrows(Refused.class, () -> asBen(() -> groupAttendance.roster(first.id())));
        assertThrows(
                Refused.class,
                () -> asBen(() -> groupAttendance.recordAttendance(
                        first.id(), List.of(new AttendanceEntry(grace, AttendanceMark.ABSENT)), excused.version())));
    }

    @Test
    void groupsAreDefinedAndChangedByTheFrontDeskAndTheProgramsSupervisorsAndMembersEnrolledByFacilitators() {
        GroupSeries own = RunAs.user(
                supervisor,
                Set.of("supervisor"),
                () -> groupDefinitions.define(
                        group("Supervised", 6, roomOne, weekly(wednesday, 9, 0).times(2))));
        long groupId = own.group().id();
        GroupSessionView session = own.group().sessions().get(0);

        assertThrows(
                EJBAccessException.class,
                () -> asAna(() -> groupDefinitions.define(group(
                        "By a counselor", 6, roomTwo, weekly(wednesday, 9, 0).times(2)))));
        assertThrows(
                Refused.class,
                () -> RunAs.user(
                        otherSupervisor,
                        Set.of("supervisor"),
                        () -> groupDefinitions.define(group(
                                "Elsewhere", 6, roomTwo, weekly(wednesday, 9, 0).times(2)))));
        assertThrows(
                EJBAccessException.class,
                () -> asAna(
                        () -> groupDefinitions.cancelSession(session.id(), "not mine to cancel", session.version())));
        assertThrows(
                Refused.class,
                () -> RunAs.user(
                        otherSupervisor,
                        Set.of("supervisor"),
                        () -> groupDefinitions.cancelSession(session.id(), "not my program", session.version())));

        long grace = memberOf(okafor, 0);
        RunAs.user(supervisor, Set.of("supervisor"), () -> assignments.assignPrimary(okafor.id(), ana, null));
        Refused notFacilitating =
                assertThrows(Refused.class, () -> asBen(() -> groupEnrollments.enroll(groupId, grace)));
        assertThat(notFacilitating.getFamilyId()).isEqualTo(okafor.id());
        assertThrows(
                EJBAccessException.class,
                () -> RunAs.user(supervisor, Set.of("supervisor"), () -> groupEnrollments.enroll(groupId, grace)));
        EnrollmentView enrolled = asAna(() -> groupEnrollments.enroll(groupId, grace));
        assertThat(RunAs.user(supervisor, Set.of("supervisor"), () -> groupEnrollments.enrollments(groupId)))
                .extracting(EnrollmentView::id)
                .containsExactly(enrolled.id());
        assertThrows(Refused.class, () -> asBen(() -> groupEnrollments.enrollments(groupId)));
        assertThrows(Refused.class, () -> asBen(() -> groupEnrollments.leave(enrolled.id(), enrolled.version())));
        assertThat(sql().query(
                                "select count(*) from audit_entry where outcome = 'DENIED' and username = ?"
                                        + " and family_id = cast(? as bigint)",
                                ben,
                                Long.toString(okafor.id())))
                .isEqualTo(List.of(List.of("2")));
    }

    @Test
    void aFacilitatorEnrollsOnlyFromFamiliesOfTheGroupsProgramOnTheirCaseloadAndARefusalTellsNothingOfTheMember() {
        long groupId = asDesk(() -> groupDefinitions.define(group(
                        "Foreign ids", 6, roomOne, weekly(wednesday, 15, 0).times(2))))
                .group()
                .id();
        long otherProgram =
                Long.parseLong(sql().query("select id from program where name = ?", "Other groups " + suffix)
                        .get(0)
                        .get(0));
        FamilyContact elsewhere = asDesk(() -> registry.register(new NewFamily(
                "Vasquez",
                otherProgram,
                "en",
                ReferralSource.SELF,
                null,
                List.of(new NewFamilyMember(
                        "Marisol Vasquez", null, 40, Relationship.PARENT, null, null, "en", false, false, true)))));
        RunAs.user(supervisor, Set.of("supervisor"), () -> assignments.assignPrimary(okafor.id(), ana, null));
        long notOnHerCaseload = memberOf(mbeki, 0);
        long otherProgramsMember = memberOf(elsewhere, 0);
        long noSuchMember = Long.MAX_VALUE - 7;

        Refused notHers =
                assertThrows(Refused.class, () -> asAna(() -> groupEnrollments.enroll(groupId, notOnHerCaseload)));
        Refused otherProgramRefused =
                assertThrows(Refused.class, () -> asAna(() -> groupEnrollments.enroll(groupId, otherProgramsMember)));
        Refused missing =
                assertThrows(Refused.class, () -> asAna(() -> groupEnrollments.enroll(groupId, noSuchMember)));
        assertThat(List.of(notHers.getMessage(), otherProgramRefused.getMessage()))
                .as("refused as a member that does not exist is, naming nobody")
                .containsOnly(missing.getMessage());
        assertThat(missing.getMessage()).doesNotContain("Mbeki", "Vasquez", "closed");
        Refused deskOtherProgram =
                assertThrows(Refused.class, () -> asDesk(() -> groupEnrollments.enroll(groupId, otherProgramsMember)));
        assertThat(deskOtherProgram.getMessage()).isEqualTo(missing.getMessage());
        assertThat(sql().query(
                                "select count(*) from group_enrollment where group_id = cast(? as bigint)",
                                Long.toString(groupId)))
                .as("nothing stored")
                .isEqualTo(List.of(List.of("0")));
        assertThat(sql().query(
                                "select count(*) from audit_entry where outcome = 'DENIED' and username = ?"
                                        + " and reason like 'GroupEnrollments.enroll:%'",
                                ana))
                .as("each refusal audited")
                .isEqualTo(List.of(List.of("3")));

        assertThat(asAna(() -> groupEnrollments.enroll(groupId, memberOf(okafor, 0)))
                        .status())
                .isEqualTo(EnrollmentStatus.ENROLLED);
    }

    @Test
    void aGroupsFeedIsItsSeriesWithCancelledAndMovedMeetingsNamingNobodyAndOnlyItsKeepersMakeIt() {
        GroupSeries series = asDesk(() -> groupDefinitions.define(group(
                "Overdose-aware parents", 10, roomOne, weekly(wednesday, 17, 0).times(4))));
        long groupId = series.group().id();
        List<GroupSessionView> sessions = series.group().sessions();
        asDesk(() -> groupDefinitions.cancelSession(
                sessions.get(1).id(), "Holiday week", sessions.get(1).version()));
        asDesk(() -> groupDefinitions.moveSession(
                sessions.get(2).id(),
                wednesday.plusWeeks(2).plusDays(1).atTime(16, 0),
                roomTwo,
                sessions.get(2).version()));
        asDesk(() -> groupDefinitions.substitute(
                sessions.get(3).id(), ben, sessions.get(3).version()));

        String secret = asAna(
                () -> feeds.newGroupAddress(groupId, feeds.groupFeed(groupId).version()));
        String feed = feeds.render(secret).orElseThrow();

        String zone = ClinicTime.zone().getId();
        String day = "uuuuMMdd";
        DateTimeFormatter compact = DateTimeFormatter.ofPattern(day);
        assertThat(feed)
                .contains("BEGIN:VTIMEZONE\r\nTZID:" + zone + "\r\n")
                .contains("UID:group-" + groupId + "@hearth\r\n")
                .contains("DTSTART;TZID=" + zone + ":" + compact.format(wednesday) + "T170000\r\n")
                .contains("RRULE:FREQ=WEEKLY;WKST=MO;COUNT=4;BYDAY=WE\r\n")
                .as("the cancelled meeting is taken out of the series")
                .contains("EXDATE;TZID=" + zone + ":" + compact.format(wednesday.plusWeeks(1)) + "T170000\r\n")
                .as("the moved meeting overrides its occurrence")
                .contains("RECURRENCE-ID;TZID=" + zone + ":" + compact.format(wednesday.plusWeeks(2)) + "T170000\r\n")
                .contains("LOCATION:Group room B " + suffix)
                .contains("SUMMARY:Support group")
                .doesNotContain("Overdose")
                .doesNotContain("Okafor");

        String bens = asBen(() -> feeds.newAddress(feeds.feed().version()));
        assertThat(feeds.render(bens).orElseThrow())
                .as("the substitute's own feed has the meeting he leads")
                .contains("UID:group-session-" + sessions.get(3).id() + "@hearth");
        String anas = asAna(() -> feeds.newAddress(feeds.feed().version()));
        assertThat(feeds.render(anas).orElseThrow())
                .contains("UID:group-session-" + sessions.get(0).id() + "@hearth")
                .contains("UID:group-session-" + sessions.get(2).id() + "@hearth")
                .doesNotContain("UID:group-session-" + sessions.get(3).id() + "@hearth");

        assertThrows(Refused.class, () -> asBen(() -> feeds.newGroupAddress(groupId, 1L)));
        assertThrows(
                Refused.class,
                () -> RunAs.user(otherSupervisor, Set.of("supervisor"), () -> feeds.newGroupAddress(groupId, 1L)));
        assertThat(sql().query(
                                "select count(*) from audit_entry where outcome = 'DENIED' and username in (?, ?)"
                                        + " and reason like 'CalendarFeeds.newGroupAddress%'",
                                ben, otherSupervisor))
                .isEqualTo(List.of(List.of("2")));

        String renewed = RunAs.user(
                supervisor,
                Set.of("supervisor"),
                () -> feeds.newGroupAddress(groupId, feeds.groupFeed(groupId).version()));
        assertThat(feeds.render(secret)).as("a new address stops the old one").isEmpty();
        assertThat(feeds.render(renewed)).isPresent();
        asDesk(() -> {
            feeds.revokeGroup(groupId, feeds.groupFeed(groupId).version());
            return null;
        });
        assertThat(feeds.render(renewed)).isEmpty();
    }

    @Test
    void aFamilysRecordListsItsMembersPlacesAndTheGroupMeetingsAheadForThoseWithASeat() {
        GroupSeries series = asDesk(() -> groupDefinitions.define(
                group("Partners", 1, roomOne, weekly(wednesday, 11, 0).times(3))));
        long groupId = series.group().id();
        asDesk(() -> groupEnrollments.enroll(groupId, memberOf(okafor, 0)));
        asDesk(() -> groupEnrollments.enroll(groupId, memberOf(okafor, 1)));
        List<GroupSessionView> sessions = series.group().sessions();
        asDesk(() -> groupDefinitions.cancelSession(
                sessions.get(0).id(), "Room works", sessions.get(0).version()));

        FamilyGroups okafors = asDesk(() -> groups.groupsOf(okafor.id()));

        assertThat(okafors.places())
                .extracting(p -> p.memberName() + " " + p.status() + " " + p.nextDate() + " " + p.nextTime())
                .containsExactly(
                        "Grace Okafor ENROLLED " + wednesday.plusWeeks(1) + " 11:00",
                        "Paul Okafor WAITLISTED " + wednesday.plusWeeks(1) + " 11:00");
        assertThat(okafors.ahead())
                .extracting(m -> m.date() + " " + m.status() + " " + m.memberNames())
                .as("only Grace holds a seat; the cancelled meeting shows as cancelled")
                .containsExactly(
                        wednesday + " CANCELLED [Grace Okafor]",
                        wednesday.plusWeeks(1) + " SCHEDULED [Grace Okafor]",
                        wednesday.plusWeeks(2) + " SCHEDULED [Grace Okafor]");
        assertThat(asDesk(() -> groups.groupsOf(mbeki.id())).places()).isEmpty();
        assertThrows(Refused.class, () -> asAna(() -> groups.groupsOf(okafor.id())));
        assertThat(sql().query(
                                "select count(*) from audit_entry where action = 'READ_FAMILY_GROUPS'"
                                        + " and family_id = cast(? as bigint)",
                                Long.toString(okafor.id())))
                .isEqualTo(List.of(List.of("1")));
    }

    @Test
    void aGroupNoteIsWrittenForThoseWhoAttendedAndEachFamilyReadsOnlyItsOwnPart() {
        SupportGroupView group = asDesk(() -> groupDefinitions.define(group(
                        "Evening circle", 10, roomOne, weekly(wednesday, 15, 0).times(2))))
                .group();
        long grace = memberOf(okafor, 0);
        long thandi = memberOf(mbeki, 0);
        long sipho = memberOf(mbeki, 1);
        for (long member : List.of(grace, thandi, sipho)) {
            asDesk(() -> groupEnrollments.enroll(group.id(), member));
        }
        GroupSessionView first = group.sessions().get(0);
        assertThat(assertThrows(Invalid.class, () -> asAna(() -> groupNotes.open(first.id())))
                        .getReasons())
                .extracting(Invalid.Reason::messageKey)
                .containsExactly("note.group.noAttendance");
        startedTenMinutesAgo(first.id());
        asAna(() -> groupAttendance.recordAttendance(
                first.id(),
                List.of(
                        new AttendanceEntry(grace, AttendanceMark.PRESENT),
                        new AttendanceEntry(thandi, AttendanceMark.LATE),
                        new AttendanceEntry(sipho, AttendanceMark.ABSENT)),
                first.version()));

        GroupNoteView draft = asAna(() -> groupNotes.open(first.id()));
        assertThat(draft.sections())
                .as("a section for each member who attended")
                .extracting(GroupNoteView.Section::memberName)
                .containsExactly("Grace Okafor", "Thandi Mbeki");
        assertThrows(Refused.class, () -> asBen(() -> groupNotes.open(first.id())));
        GroupNoteView saved = asAna(() -> groupNotes.saveDraft(
                draft.id(),
                "<p>Grace and Thandi practised positive requests; Thandi Mbeki led the role play.</p>",
                Map.of(grace, "Grace set a boundary about money.", thandi, "Thandi felt heard."),
                draft.version()));
        GroupNoteView signed = asAna(() -> groupNotes.sign(saved.id(), saved.version()));
        assertThat(signed.status()).isEqualTo(NoteStatus.SIGNED);
        assertThat(signed.intact()).isTrue();

        RunAs.user(supervisor, Set.of("supervisor"), () -> assignments.assignPrimary(okafor.id(), ben, null));
        List<FamilyGroupNote> okafors = asBen(() -> groupNotes.forFamily(okafor.id()));
        assertThat(okafors).hasSize(1);
        assertThat(okafors.get(0).body())
                .isEqualTo("<p>Grace and [another participant] practised positive requests; [another participant]"
                        + " led the role play.</p>");
        assertThat(okafors.get(0).sections())
                .extracting(s -> s.memberName() + ": " + s.text())
                .containsExactly("Grace Okafor: Grace set a boundary about money.");
        List<FamilyGroupNote> mbekis =
                RunAs.user(supervisor, Set.of("supervisor"), () -> groupNotes.forFamily(mbeki.id()));
        assertThat(mbekis.get(0).body()).doesNotContain("Grace").contains("Thandi Mbeki led the role play");
        assertThat(mbekis.get(0).sections())
                .extracting(s -> s.memberName() + ": " + s.text())
                .containsExactly("Thandi Mbeki: Thandi felt heard.");
        assertThrows(Refused.class, () -> asAna(() -> groupNotes.forFamily(okafor.id())));

        Exception refused = assertThrows(Exception.class, () -> sql().update(
                        "update group_note set body = '<p>Changed</p>' where id = cast(? as bigint)",
                        Long.toString(signed.id())));
        assertThat(refused).hasStackTraceContaining("is signed");
    }

    private NewSupportGroup group(String name, int capacity, long room, GroupRecurrence rule) {
        return new NewSupportGroup(
                name + " " + suffix, GroupKind.CRAFT_SKILLS, "en", programId, room, capacity, true, List.of(ana), rule);
    }

    private static GroupRecurrence weekly(LocalDate first, int hour, int minute) {
        return GroupRecurrence.weekly(first, LocalTime.of(hour, minute), Duration.ofMinutes(90), ClinicTime.zone());
    }

    private static List<ScheduleRefusal> refusals(Runnable action) {
        return ScheduleRefusal.from(assertThrows(Invalid.class, action::run).getReasons());
    }

    /** The session began ten minutes ago, as if defined long before (the rules refuse the past now). */
    private void startedTenMinutesAgo(long sessionId) {
        sql().update(
                        "update group_session set starts_at = now() - interval '10 minutes',"
                                + " ends_at = now() + interval '80 minutes' where id = cast(? as bigint)",
                        Long.toString(sessionId));
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
