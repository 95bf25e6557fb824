package org.hearth.groups;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.hearth.appointments.Appointments;
import org.hearth.audit.AuditAction;
import org.hearth.audit.AuditEvent;
import org.hearth.audit.AuditTrail;
import org.hearth.calendar.BookingRules;
import org.hearth.calendar.Room;
import org.hearth.calendar.ScheduleRefusal;
import org.hearth.calendar.TakenTimes;
import org.hearth.calendar.TimeHolder;
import org.hearth.calendar.TimeSlot;
import org.hearth.calendar.Times;
import org.hearth.family.Family;
import org.hearth.family.FamilyAccessPolicy;
import org.hearth.family.FamilyMember;
import org.hearth.family.FamilyStatus;
import org.hearth.security.Conflict;
import org.hearth.security.Invalid;
import org.hearth.security.NotFound;
import org.hearth.security.Refused;
import org.hearth.security.Role;
import org.hearth.staff.Program;
import org.hearth.staff.StaffMember;
import org.hearth.staff.StaffMembers;
import org.hearth.time.ClinicClock;
import org.hearth.time.ClinicTime;

/**
 * Support groups (DESIGN.md sections 3 and 4): the front desk and the program's supervisors define a group
 * and change its sessions; the front desk and the group's facilitators enroll members, keep the waitlist and
 * record attendance; supervisors of the program read. Every occurrence of a group's rule becomes its own
 * session, checked like a family session: the clinic's rules (closures, opening hours, not in the past) and
 * clashes of the room and of each facilitator with family sessions and other group sessions, after their
 * rows are locked (staff by id, then the room, as {@link Appointments} does). An occurrence that cannot be
 * held is not created and is listed with its reasons; the group keeps the others.
 *
 * <p>Seats: the group's row is locked before its enrollments are counted, so requests racing for the last
 * seat enroll exactly as many members as the group seats and waitlist the rest in order. When a member who
 * held a seat leaves, the first on the waitlist is offered it (the seat is held for them); they
 * {@linkplain #acceptOffer accept} it, or {@linkplain #leave leave}, which passes it on.
 */
@Stateless
@RolesAllowed({Role.Names.FRONT_DESK, Role.Names.COUNSELOR, Role.Names.SUPERVISOR})
public class SupportGroups {

    @Inject
    @Any
    Instance<TimeHolder> timeHolders;

    @PersistenceContext
    private EntityManager em;

    @Resource
    private SessionContext context;

    @Inject
    private FamilyAccessPolicy access;

    @EJB
    private AuditTrail audit;

    @Inject
    private ClinicClock clock;

    /** How many group meetings ahead a family's record lists. */
    static final int MEETINGS_AHEAD = 12;

    /**
     * Defines a group and creates a session for each occurrence of its rule that the clinic's rules allow
     * and that clashes with nothing; the others are listed, each with its reasons. Front desk, or a
     * supervisor of the group's program; the facilitators are counselors of that program. Audited.
     */
    @RolesAllowed({Role.Names.FRONT_DESK, Role.Names.SUPERVISOR})
    public GroupSeries define(@NotNull @Valid NewSupportGroup definition) {
        Program program = em.find(Program.class, definition.programId());
        if (program == null) {
            throw Invalid.written(Invalid.Subject.FAMILY_CHANGE, "There is no program " + definition.programId() + ".");
        }
        if (program.isClosed()) {
            throw new Invalid(
                    Invalid.Subject.STAFF_CHANGE, Invalid.Reason.of(null, "program.closed", program.getName()));
        }
        requireDefinesFor(program);
        Room room = roomOf(definition.roomId());
        Set<StaffMember> facilitators = new LinkedHashSet<>();
        for (String username : new LinkedHashSet<>(definition.facilitatorUsernames())) {
            facilitators.add(counselorOf(program, username));
        }
        GroupRecurrence rule = definition.recurrence();
        SupportGroup group = new SupportGroup(
                definition.name().trim(),
                definition.kind(),
                definition.language(),
                program,
                room,
                definition.capacity(),
                definition.openEnrollment(),
                rule,
                facilitators,
                callerName(),
                clock.now());
        em.persist(group);
        lock(group.getFacilitators(), room);
        List<SkippedOccurrence> skipped = new ArrayList<>();
        int created = materialize(group, rule.occurrences(), skipped);
        em.flush();
        audit.record(AuditEvent.allowed(AuditAction.DEFINE_GROUP, "SupportGroup", group.getId()));
        return new GroupSeries(view(group), created, 0, skipped);
    }

    /**
     * Gives the group a new rule from the rule's first date on ("from 5 January, Wednesdays at 6 pm"). Only
     * future sessions on or after that date that nobody has touched (not moved, cancelled or given a
     * substitute, no attendance) follow it: those the new rule no longer yields are removed, and its new
     * occurrences are created, checked as when the group was defined (the ones that cannot be held are
     * listed). Sessions before that date, past and edited sessions stay as they are. Front desk, or a
     * supervisor of the program.
     */
    @RolesAllowed({Role.Names.FRONT_DESK, Role.Names.SUPERVISOR})
    public GroupSeries changeRule(
            long groupId,
            @NotNull(message = "{group.recurrence.required}") @Valid GroupRecurrence rule,
            @NotNull(message = "{group.version.required}") Long version) {
        SupportGroup group = lockedGroup(groupId);
        requireDefinesFor(group.getProgram());
        if (group.getVersion() != version) {
            throw new OptimisticLockException("the group was changed by someone else meanwhile");
        }
        lock(group.getFacilitators(), group.getRoom());
        Instant now = clock.now();
        Set<Long> attended = new HashSet<>(em.createQuery(
                        "select distinct a.session.id from Attendance a where a.session.group = :group", Long.class)
                .setParameter("group", group)
                .getResultList());
        Map<LocalDate, Occurrence> wanted = new LinkedHashMap<>();
        for (Occurrence occurrence : rule.occurrences()) {
            if (occurrence.start().isAfter(now)) {
                wanted.put(occurrence.date(), occurrence);
            }
        }
        Set<LocalDate> held = new HashSet<>();
        int removed = 0;
        for (GroupSession session : sessionsOf(group)) {
            boolean untouched = !session.isEdited()
                    && session.getStatus() == GroupSessionStatus.SCHEDULED
                    && session.getStartsAt().isAfter(now)
                    && !session.getOccursOn().isBefore(rule.firstDate())
                    && !attended.contains(session.getId());
            Occurrence same = wanted.get(session.getOccursOn());
            if (untouched
                    && (same == null
                            || !same.start().equals(session.getStartsAt())
                            || !same.end().equals(session.getEndsAt()))) {
                em.remove(session);
                removed++;
            } else {
                held.add(session.getOccursOn());
            }
        }
        em.flush();
        group.changeRule(rule);
        List<Occurrence> added =
                wanted.values().stream().filter(o -> !held.contains(o.date())).toList();
        List<SkippedOccurrence> skipped = new ArrayList<>();
        int created = materialize(group, added, skipped);
        em.flush();
        audit.record(AuditEvent.allowed(AuditAction.CHANGE_GROUP_RULE, "SupportGroup", group.getId()));
        return new GroupSeries(view(group), created, removed, skipped);
    }

    /** Cancels one future session of a group, with a reason; the others stay. Front desk or program supervisor. */
    @RolesAllowed({Role.Names.FRONT_DESK, Role.Names.SUPERVISOR})
    public GroupSessionView cancelSession(
            long sessionId,
            @NotBlank(message = "{group.session.cancel.reason.required}")
                    @Size(max = 500, message = "{group.session.cancel.reason.length}")
                    String reason,
            @NotNull(message = "{group.version.required}") Long version) {
        GroupSession session = changeableSession(sessionId, version);
        session.cancel(reason.trim());
        return sessionChanged(session, AuditAction.CANCEL_GROUP_SESSION);
    }

    /**
     * Moves one future session to another local start (same length) and, when {@code roomId} is given, another
     * room; checked as a family session is: 400 for a clinic rule, 409 naming each clash of the room or of
     * those leading it. Front desk or program supervisor.
     */
    @RolesAllowed({Role.Names.FRONT_DESK, Role.Names.SUPERVISOR})
    public GroupSessionView moveSession(
            long sessionId,
            @NotNull(message = "{group.session.start.required}") LocalDateTime newLocalStart,
            Long roomId,
            @NotNull(message = "{group.version.required}") Long version) {
        GroupSession session = changeableSession(sessionId, version);
        Room room = roomId == null ? session.getRoom() : roomOf(roomId);
        Duration length = session.slot().duration();
        Instant start = checkRules(newLocalStart, (int) length.toMinutes());
        TimeSlot slot = TimeSlot.of(start, length);
        List<StaffMember> leaders = byId(session.getLeaders());
        lock(leaders, room);
        List<ScheduleRefusal> clashes = takenTimes(leaders, room, slot.start(), slot.end(), session.getId())
                .clashesWith(slot);
        if (!clashes.isEmpty()) {
            throw new Conflict(Conflict.Subject.CLASH, ScheduleRefusal.reasons(clashes));
        }
        session.moveTo(room, slot.start(), slot.end());
        return sessionChanged(session, AuditAction.MOVE_GROUP_SESSION);
    }

    /**
     * One future session is led by another counselor of the group's program in place of its facilitators;
     * 409 when they are busy then. Front desk or program supervisor.
     */
    @RolesAllowed({Role.Names.FRONT_DESK, Role.Names.SUPERVISOR})
    public GroupSessionView substitute(
            long sessionId,
            @NotBlank(message = "{group.substitute.required}") String counselorUsername,
            @NotNull(message = "{group.version.required}") Long version) {
        GroupSession session = changeableSession(sessionId, version);
        StaffMember substitute = counselorOf(session.getGroup().getProgram(), counselorUsername);
        lock(List.of(substitute), null);
        List<ScheduleRefusal> clashes = takenTimes(
                        List.of(substitute), null, session.getStartsAt(), session.getEndsAt(), session.getId())
                .clashesWith(session.slot());
        if (!clashes.isEmpty()) {
            throw new Conflict(Conflict.Subject.CLASH, ScheduleRefusal.reasons(clashes));
        }
        session.ledBy(substitute);
        return sessionChanged(session, AuditAction.SUBSTITUTE_GROUP_FACILITATOR);
    }

    /**
     * A group with its sessions and seats (no family's data is shown): the front desk, its facilitators, and the
     * counselors and supervisors of its program; another program's group is refused as one that does not exist.
     * Audited.
     */
    public SupportGroupView read(long groupId) {
        SupportGroup group = group(groupId);
        if (!context.isCallerInRole(Role.Names.FRONT_DESK)
                && !facilitates(group)
                && !access.caller().worksIn(group.getProgram().getId())) {
            throw new Refused("a group is read by the front desk and the staff of its program");
        }
        audit.record(AuditEvent.allowed(AuditAction.READ_GROUP, "SupportGroup", group.getId()));
        return view(group);
    }

    /**
     * Enrolls a family member: while the group has a free seat they are enrolled, once it is full they wait
     * at the end of its waitlist. The group's row is locked before seats are counted, so the last seat is
     * given once. Refused (409) when the member is already in the group or waiting, or when enrollment is
     * closed and the group has started. Front desk, or a facilitator of the group. Audited on the family.
     */
    @RolesAllowed({Role.Names.FRONT_DESK, Role.Names.COUNSELOR})
    public EnrollmentView enroll(long groupId, long memberId) {
        SupportGroup group = lockedGroup(groupId);
        FamilyMember member = em.find(FamilyMember.class, memberId);
        Family family = member == null ? null : member.getFamily();
        requireMayEnroll(group, family);
        if (family.getStatus() == FamilyStatus.CLOSED) {
            throw new Conflict(Conflict.Subject.LOCKED, "the family is closed; a supervisor can reopen it");
        }
        if (!group.isOpenEnrollment() && hasStarted(group)) {
            throw new Conflict(
                    Conflict.Subject.ENROLLMENT,
                    ScheduleRefusal.reasons(List.of(ScheduleRefusal.of("group.enrollment.closed", group.getName()))));
        }
        List<Enrollment> enrollments = enrollmentsOf(group);
        boolean alreadyIn = enrollments.stream()
                .anyMatch(e -> EnrollmentStatus.ACTIVE.contains(e.getStatus())
                        && e.getMember().getId().equals(member.getId()));
        if (alreadyIn) {
            throw new Conflict(
                    Conflict.Subject.ENROLLMENT,
                    ScheduleRefusal.reasons(List.of(
                            ScheduleRefusal.of("group.enrollment.already", member.getFullName(), group.getName()))));
        }
        Waitlist seats = new Waitlist(enrollments, group.getCapacity());
        Enrollment enrollment =
                new Enrollment(group, member, seats.statusForNewcomer(), seats.nextPosition(), clock.now());
        em.persist(enrollment);
        em.flush();
        audit.record(AuditEvent.allowedOnFamily(
                AuditAction.ENROLL_IN_GROUP, "Enrollment", enrollment.getId(), family.getId()));
        return EnrollmentView.of(enrollment);
    }

    /**
     * The member leaves the group (or its waitlist, or declines a seat offered). When they held a seat, the
     * first on the waitlist is offered it. Front desk, or a facilitator of the group. Audited on each family.
     */
    @RolesAllowed({Role.Names.FRONT_DESK, Role.Names.COUNSELOR})
    public SeatChange leave(long enrollmentId) {
        Enrollment enrollment = lockedEnrollment(enrollmentId);
        SupportGroup group = enrollment.getGroup();
        long familyId = enrollment.getMember().getFamily().getId();
        requireKeepsEnrollment(group, familyId);
        if (enrollment.getStatus() == EnrollmentStatus.LEFT) {
            throw new Conflict(Conflict.Subject.LOCKED, "the member has already left the group");
        }
        enrollment.leave(clock.now());
        em.flush();
        Enrollment offered = new Waitlist(enrollmentsOf(group), group.getCapacity())
                .nextToOffer()
                .orElse(null);
        if (offered != null) {
            offered.offerSeat();
        }
        em.flush();
        audit.record(AuditEvent.allowedOnFamily(AuditAction.LEAVE_GROUP, "Enrollment", enrollment.getId(), familyId));
        if (offered != null) {
            audit.record(AuditEvent.allowedOnFamily(
                    AuditAction.OFFER_GROUP_SEAT,
                    "Enrollment",
                    offered.getId(),
                    offered.getMember().getFamily().getId()));
        }
        return new SeatChange(EnrollmentView.of(enrollment), offered == null ? null : EnrollmentView.of(offered));
    }

    /** The member offered a freed seat takes it. Front desk, or a facilitator of the group. Audited on the family. */
    @RolesAllowed({Role.Names.FRONT_DESK, Role.Names.COUNSELOR})
    public EnrollmentView acceptOffer(long enrollmentId) {
        Enrollment enrollment = lockedEnrollment(enrollmentId);
        long familyId = enrollment.getMember().getFamily().getId();
        requireKeepsEnrollment(enrollment.getGroup(), familyId);
        if (enrollment.getStatus() != EnrollmentStatus.OFFERED) {
            throw new Conflict(
                    Conflict.Subject.LOCKED, "no seat is offered to this member; it is " + enrollment.getStatus());
        }
        enrollment.acceptSeat();
        em.flush();
        audit.record(
                AuditEvent.allowedOnFamily(AuditAction.ACCEPT_GROUP_SEAT, "Enrollment", enrollment.getId(), familyId));
        return EnrollmentView.of(enrollment);
    }

    /**
     * The group's enrollments: seated members, then the waitlist in order, then those who left. Front desk,
     * the group's facilitators, supervisors of its program. Audited with the ids listed.
     */
    public List<EnrollmentView> enrollments(long groupId) {
        SupportGroup group = group(groupId);
        requireReadsMembers(group);
        List<EnrollmentView> views = enrollmentsOf(group).stream()
                .sorted(Comparator.comparing((Enrollment e) -> e.getStatus() == EnrollmentStatus.LEFT)
                        .thenComparing(e -> e.getStatus() == EnrollmentStatus.WAITLISTED)
                        .thenComparingInt(Enrollment::getPosition)
                        .thenComparing(Enrollment::getId))
                .map(EnrollmentView::of)
                .toList();
        audit.record(AuditEvent.listed(
                AuditAction.READ_GROUP_ENROLLMENTS,
                "Enrollment",
                views.stream().map(EnrollmentView::id).toList()));
        return views;
    }

    /**
     * Who is expected at a session (members enrolled in the group) and anyone already marked for it, with
     * their marks, by name. Front desk, those leading the session or facilitating the group, supervisors of
     * the program. Audited with the members listed.
     */
    /** The groups' sessions of one local day, by time, cancelled ones included (no member data). */
    public List<GroupSessionView> day(@NotNull LocalDate date) {
        return em.createQuery(
                        "select s from GroupSession s join fetch s.group join fetch s.room left join fetch s.substitute"
                                + " where s.startsAt >= :start and s.startsAt < :end order by s.startsAt, s.id",
                        GroupSession.class)
                .setParameter("start", date.atStartOfDay(ClinicTime.zone()).toInstant())
                .setParameter(
                        "end", date.plusDays(1).atStartOfDay(ClinicTime.zone()).toInstant())
                .getResultStream()
                .map(GroupSessionView::of)
                .toList();
    }

    /** One session of a group (no member data): anyone with a role may see when and where a group meets. */
    public GroupSessionView readSession(long sessionId) {
        return GroupSessionView.of(session(sessionId));
    }

    public List<RosterEntry> roster(long sessionId) {
        GroupSession session = session(sessionId);
        if (!context.isCallerInRole(Role.Names.FRONT_DESK)
                && !leads(session)
                && !supervisesProgram(session.getGroup().getProgram())) {
            throw new Refused(
                    "a session's roster is for the front desk, those who lead it and its program's supervisors");
        }
        List<RosterEntry> roster = rosterOf(session);
        audit.record(AuditEvent.listed(
                AuditAction.READ_GROUP_ROSTER,
                "FamilyMember",
                roster.stream().map(RosterEntry::memberId).toList()));
        return roster;
    }

    /**
     * Records how each member listed attended a session that has started; a member marked before gets the new
     * mark, members not listed keep theirs. Only members on the roster can be marked (400 naming the others).
     * Front desk, or those leading the session or facilitating the group. Audited on each family concerned.
     */
    @RolesAllowed({Role.Names.FRONT_DESK, Role.Names.COUNSELOR})
    public List<RosterEntry> recordAttendance(
            long sessionId,
            @NotNull(message = "{group.attendance.required}") List<@NotNull @Valid AttendanceEntry> marks) {
        GroupSession session = session(sessionId);
        if (!context.isCallerInRole(Role.Names.FRONT_DESK) && !leads(session)) {
            throw new Refused("attendance is recorded by the front desk or those who lead the session");
        }
        if (session.getStatus() != GroupSessionStatus.SCHEDULED) {
            throw new Conflict(Conflict.Subject.LOCKED, "the session is cancelled; nobody attended it");
        }
        Instant now = clock.now();
        if (now.isBefore(session.getStartsAt())) {
            throw new Invalid(
                    Invalid.Subject.BOOKING,
                    ScheduleRefusal.reasons(List.of(ScheduleRefusal.of("schedule.notStarted"))));
        }
        Map<Long, FamilyMember> onRoster = new HashMap<>();
        enrollmentsOf(session.getGroup()).stream()
                .filter(e -> e.getStatus() == EnrollmentStatus.ENROLLED)
                .forEach(e -> onRoster.put(e.getMember().getId(), e.getMember()));
        Map<Long, Attendance> recorded = new HashMap<>();
        for (Attendance attendance : attendanceAt(session)) {
            recorded.put(attendance.getMember().getId(), attendance);
            onRoster.put(attendance.getMember().getId(), attendance.getMember());
        }
        List<ScheduleRefusal> refusals = marks.stream()
                .map(AttendanceEntry::memberId)
                .filter(id -> !onRoster.containsKey(id))
                .distinct()
                .map(id -> ScheduleRefusal.of("group.attendance.notOnRoster", Long.toString(id)))
                .toList();
        if (!refusals.isEmpty()) {
            throw new Invalid(Invalid.Subject.ATTENDANCE, ScheduleRefusal.reasons(refusals));
        }
        Set<Long> families = new TreeSet<>();
        for (AttendanceEntry entry : marks) {
            FamilyMember member = onRoster.get(entry.memberId());
            Attendance attendance = recorded.get(member.getId());
            if (attendance == null) {
                attendance = new Attendance(session, member, entry.mark(), callerName(), now);
                em.persist(attendance);
                recorded.put(member.getId(), attendance);
            } else {
                attendance.record(entry.mark(), callerName(), now);
            }
            families.add(member.getFamily().getId());
        }
        em.flush();
        for (long familyId : families) {
            audit.record(AuditEvent.allowedOnFamily(
                    AuditAction.RECORD_GROUP_ATTENDANCE, "GroupSession", session.getId(), familyId));
        }
        return rosterOf(session);
    }

    /**
     * A family's attendance at group sessions, newest first, for its record: the front desk, the family's
     * counselors, its program's supervisors. Audited on the family.
     */
    public List<GroupAttendanceView> attendanceOf(long familyId) {
        access.requireScheduleRead(familyId);
        List<GroupAttendanceView> views = em
                .createQuery(
                        "select a from Attendance a join fetch a.session join fetch a.member"
                                + " where a.member.family.id = :family"
                                + " order by a.session.startsAt desc, a.member.position",
                        Attendance.class)
                .setParameter("family", familyId)
                .getResultList()
                .stream()
                .map(a -> new GroupAttendanceView(
                        a.getSession().getId(),
                        a.getSession().getGroup().getId(),
                        a.getSession().getGroup().getName(),
                        a.getSession().getStartsAt().atZone(ClinicTime.zone()).toLocalDate(),
                        Times.time(a.getSession().getStartsAt()),
                        a.getMember().getId(),
                        a.getMember().getFullName(),
                        a.getMark()))
                .toList();
        audit.record(AuditEvent.allowedOnFamily(AuditAction.READ_GROUP_ATTENDANCE, "Family", familyId, familyId));
        return views;
    }

    /** Creates a session for each occurrence that may be held; lists the others in {@code skipped}. */
    /**
     * A family's places in groups (enrolled, offered, waiting) with each group's next meeting, and the next
     * {@value #MEETINGS_AHEAD} group meetings of its members who hold a seat. For the front desk, the
     * family's counselors and its program's supervisors; audited on the family.
     */
    public FamilyGroups groupsOf(long familyId) {
        access.requireScheduleRead(familyId);
        Instant now = clock.now();
        List<Enrollment> places = em.createQuery(
                        "select e from Enrollment e join fetch e.group join fetch e.member"
                                + " where e.member.family.id = :family and e.status in :active"
                                + " order by e.group.name, e.member.position",
                        Enrollment.class)
                .setParameter("family", familyId)
                .setParameter("active", EnrollmentStatus.ACTIVE)
                .getResultList();
        List<FamilyGroups.Meeting> ahead = new ArrayList<>();
        Map<Long, GroupSession> next = new HashMap<>();
        if (!places.isEmpty()) {
            Set<Long> groupIds = places.stream().map(e -> e.getGroup().getId()).collect(Collectors.toSet());
            for (GroupSession s : em.createQuery(
                            "select s from GroupSession s where s.group.id in :groups and s.status = :scheduled"
                                    + " and s.startsAt > :now and s.startsAt = (select min(o.startsAt)"
                                    + " from GroupSession o where o.group = s.group and o.status = :scheduled"
                                    + " and o.startsAt > :now)",
                            GroupSession.class)
                    .setParameter("groups", groupIds)
                    .setParameter("scheduled", GroupSessionStatus.SCHEDULED)
                    .setParameter("now", now)
                    .getResultList()) {
                next.put(s.getGroup().getId(), s);
            }
            Map<Long, List<String>> seated = new HashMap<>();
            for (Enrollment e : places) {
                if (EnrollmentStatus.HOLDING_SEAT.contains(e.getStatus())) {
                    seated.computeIfAbsent(e.getGroup().getId(), g -> new ArrayList<>())
                            .add(e.getMember().getFullName());
                }
            }
            if (!seated.isEmpty()) {
                for (GroupSession s : em.createQuery(
                                "select s from GroupSession s join fetch s.group join fetch s.room"
                                        + " where s.group.id in :groups and s.endsAt > :now order by s.startsAt",
                                GroupSession.class)
                        .setParameter("groups", seated.keySet())
                        .setParameter("now", now)
                        .setMaxResults(MEETINGS_AHEAD)
                        .getResultList()) {
                    ahead.add(new FamilyGroups.Meeting(
                            s.getId(),
                            s.getGroup().getId(),
                            s.getGroup().getName(),
                            s.getStartsAt().atZone(ClinicTime.zone()).toLocalDate(),
                            Times.time(s.getStartsAt()),
                            Times.time(s.getEndsAt()),
                            s.getRoom().getName(),
                            s.getStatus(),
                            seated.get(s.getGroup().getId())));
                }
            }
        }
        List<FamilyGroups.Place> placeViews = places.stream()
                .map(e -> {
                    GroupSession coming = next.get(e.getGroup().getId());
                    return new FamilyGroups.Place(
                            e.getId(),
                            e.getGroup().getId(),
                            e.getGroup().getName(),
                            e.getMember().getId(),
                            e.getMember().getFullName(),
                            e.getStatus(),
                            e.getPosition(),
                            coming == null
                                    ? null
                                    : coming.getStartsAt()
                                            .atZone(ClinicTime.zone())
                                            .toLocalDate(),
                            coming == null ? null : Times.time(coming.getStartsAt()));
                })
                .toList();
        audit.record(AuditEvent.allowedOnFamily(AuditAction.READ_FAMILY_GROUPS, "Family", familyId, familyId));
        return new FamilyGroups(placeViews, ahead);
    }

    private int materialize(SupportGroup group, List<Occurrence> occurrences, List<SkippedOccurrence> skipped) {
        if (occurrences.isEmpty()) {
            return 0;
        }
        Occurrence first = occurrences.get(0);
        Occurrence last = occurrences.get(occurrences.size() - 1);
        BookingRules rules = rules(first.date(), last.date());
        TakenTimes taken = takenTimes(group.getFacilitators(), group.getRoom(), first.start(), last.end(), null);
        Instant now = clock.now();
        int created = 0;
        for (Occurrence occurrence : occurrences) {
            LocalDateTime localStart = LocalDateTime.ofInstant(occurrence.start(), ClinicTime.zone());
            int minutes = (int) occurrence.slot().duration().toMinutes();
            List<ScheduleRefusal> reasons = rules.check(localStart, minutes, now);
            if (reasons.isEmpty()) {
                reasons = taken.clashesWith(occurrence.slot());
            }
            if (reasons.isEmpty()) {
                em.persist(new GroupSession(group, occurrence));
                created++;
            } else {
                skipped.add(new SkippedOccurrence(occurrence.date(), reasons));
            }
        }
        return created;
    }

    private BookingRules rules(LocalDate from, LocalDate to) {
        return BookingRules.of(em, from, to);
    }

    private Instant checkRules(LocalDateTime localStart, int minutes) {
        BookingRules rules = rules(localStart.toLocalDate(), localStart.toLocalDate());
        List<ScheduleRefusal> refusals = rules.check(localStart, minutes, clock.now());
        if (!refusals.isEmpty()) {
            throw new Invalid(Invalid.Subject.BOOKING, ScheduleRefusal.reasons(refusals));
        }
        return rules.instantOf(localStart).orElseThrow();
    }

    /**
     * Locks the staff rows (by id) and then the room's, the order {@link Appointments} uses, so a group and a
     * family session racing for the same counselor or room wait for each other instead of both succeeding.
     */
    private void lock(List<StaffMember> staff, Room room) {
        for (StaffMember member : byId(staff)) {
            em.lock(member, LockModeType.PESSIMISTIC_WRITE);
        }
        if (room != null) {
            em.lock(room, LockModeType.PESSIMISTIC_WRITE);
        }
    }

    /** When the staff and the room are taken between {@code from} and {@code to}, by any session but {@code self}. */
    private TakenTimes takenTimes(List<StaffMember> staff, Room room, Instant from, Instant to, Long self) {
        return TakenTimes.find(timeHolders, staff, room, List.of(), from, to, null, self);
    }

    private SupportGroupView view(SupportGroup group) {
        Waitlist seats = new Waitlist(enrollmentsOf(group), group.getCapacity());
        return SupportGroupView.of(
                group, sessionsOf(group), seats.seatsTaken(), seats.waiting().size());
    }

    private List<GroupSession> sessionsOf(SupportGroup group) {
        return em.createQuery(
                        "select s from GroupSession s join fetch s.room left join fetch s.substitute"
                                + " where s.group = :group order by s.startsAt, s.id",
                        GroupSession.class)
                .setParameter("group", group)
                .getResultList();
    }

    /** With each member's family, which every row names: one query, not one more per member. */
    private List<Enrollment> enrollmentsOf(SupportGroup group) {
        return em.createQuery(
                        "select e from Enrollment e join fetch e.member join fetch e.member.family where e.group = :group"
                                + " order by e.position, e.id",
                        Enrollment.class)
                .setParameter("group", group)
                .getResultList();
    }

    private List<Attendance> attendanceAt(GroupSession session) {
        return em.createQuery(
                        "select a from Attendance a join fetch a.member join fetch a.member.family where a.session = :session",
                        Attendance.class)
                .setParameter("session", session)
                .getResultList();
    }

    private List<RosterEntry> rosterOf(GroupSession session) {
        Map<Long, RosterEntry> roster = new HashMap<>();
        for (Enrollment e : enrollmentsOf(session.getGroup())) {
            if (e.getStatus() == EnrollmentStatus.ENROLLED) {
                FamilyMember m = e.getMember();
                roster.put(
                        m.getId(),
                        new RosterEntry(
                                m.getId(), m.getFullName(), m.getFamily().getId(), null));
            }
        }
        for (Attendance a : attendanceAt(session)) {
            FamilyMember m = a.getMember();
            roster.put(
                    m.getId(),
                    new RosterEntry(m.getId(), m.getFullName(), m.getFamily().getId(), a.getMark()));
        }
        return roster.values().stream()
                .sorted(Comparator.comparing(RosterEntry::memberName).thenComparing(RosterEntry::memberId))
                .toList();
    }

    private boolean hasStarted(SupportGroup group) {
        return em.createQuery(
                                "select count(s) from GroupSession s where s.group = :group and s.startsAt <= :now",
                                Long.class)
                        .setParameter("group", group)
                        .setParameter("now", clock.now())
                        .getSingleResult()
                > 0;
    }

    /**
     * The groups the caller works with, by name: all for the front desk, their programs' for a supervisor,
     * the ones they facilitate for a counselor. Four queries whatever the number of groups.
     */
    public List<GroupSummary> list() {
        StringBuilder jpql = new StringBuilder("select distinct g from SupportGroup g join fetch g.program"
                + " join fetch g.room left join fetch g.facilitators");
        StaffMember me = access.caller().staff().orElse(null);
        boolean frontDesk = context.isCallerInRole(Role.Names.FRONT_DESK);
        if (!frontDesk) {
            if (me == null) {
                return List.of();
            }
            jpql.append(
                    " where exists (select f.id from SupportGroup g2 join g2.facilitators f where g2 = g and f = :me)");
            if (context.isCallerInRole(Role.Names.SUPERVISOR)) {
                jpql.append(" or g.program in (select p from StaffMember s join s.programs p where s = :me)");
            }
        }
        var query = em.createQuery(jpql.toString(), SupportGroup.class);
        if (!frontDesk) {
            query.setParameter("me", me);
        }
        List<SupportGroup> found = query.getResultList();
        if (found.isEmpty()) {
            return List.of();
        }
        Map<Long, Long> seats = counts(found, EnrollmentStatus.HOLDING_SEAT);
        Map<Long, Long> waiting = counts(found, List.of(EnrollmentStatus.WAITLISTED));
        Map<Long, Instant> next = new HashMap<>();
        for (Object[] row : em.createQuery(
                        "select s.group.id, min(s.startsAt) from GroupSession s where s.group in :groups"
                                + " and s.status = :scheduled and s.startsAt > :now group by s.group.id",
                        Object[].class)
                .setParameter("groups", found)
                .setParameter("scheduled", GroupSessionStatus.SCHEDULED)
                .setParameter("now", clock.now())
                .getResultList()) {
            next.put((Long) row[0], (Instant) row[1]);
        }
        return found.stream()
                .sorted(Comparator.comparing(SupportGroup::getName).thenComparing(SupportGroup::getId))
                .map(g -> new GroupSummary(
                        g.getId(),
                        g.getName(),
                        g.getKind(),
                        g.getLanguage(),
                        g.getProgram().getName(),
                        g.getRoom().getName(),
                        g.getFacilitators().stream()
                                .map(StaffMember::getDisplayName)
                                .collect(java.util.stream.Collectors.joining(", ")),
                        g.getCapacity(),
                        seats.getOrDefault(g.getId(), 0L),
                        waiting.getOrDefault(g.getId(), 0L),
                        next.containsKey(g.getId())
                                ? Times.date(next.get(g.getId())) + " " + Times.time(next.get(g.getId()))
                                : null))
                .toList();
    }

    private Map<Long, Long> counts(List<SupportGroup> groups, java.util.Collection<EnrollmentStatus> statuses) {
        Map<Long, Long> counts = new HashMap<>();
        for (Object[] row : em.createQuery(
                        "select e.group.id, count(e) from Enrollment e where e.group in :groups and e.status in :statuses"
                                + " group by e.group.id",
                        Object[].class)
                .setParameter("groups", groups)
                .setParameter("statuses", statuses)
                .getResultList()) {
            counts.put((Long) row[0], (Long) row[1]);
        }
        return counts;
    }

    private SupportGroup group(long groupId) {
        SupportGroup group = em.find(SupportGroup.class, groupId);
        if (group == null) {
            throw new NotFound("support group", groupId);
        }
        return group;
    }

    /** The group, its row locked until the transaction ends: the one gate for seats and rule changes. */
    private SupportGroup lockedGroup(long groupId) {
        SupportGroup group = em.find(SupportGroup.class, groupId, LockModeType.PESSIMISTIC_WRITE);
        if (group == null) {
            throw new NotFound("support group", groupId);
        }
        return group;
    }

    /** The enrollment, after its group's row is locked (the group first, as {@link #enroll} does). */
    private Enrollment lockedEnrollment(long enrollmentId) {
        Long groupId = em.createQuery("select e.group.id from Enrollment e where e.id = :id", Long.class)
                .setParameter("id", enrollmentId)
                .getResultStream()
                .findFirst()
                .orElseThrow(() -> new NotFound("enrollment", enrollmentId));
        lockedGroup(groupId);
        return em.find(Enrollment.class, enrollmentId);
    }

    private GroupSession session(long sessionId) {
        GroupSession session = em.find(GroupSession.class, sessionId);
        if (session == null) {
            throw new NotFound("group session", sessionId);
        }
        return session;
    }

    /** A scheduled future session the caller may change, at the version they saw. */
    private GroupSession changeableSession(long sessionId, long version) {
        GroupSession session = session(sessionId);
        requireDefinesFor(session.getGroup().getProgram());
        if (session.getVersion() != version) {
            throw new OptimisticLockException("the session was changed by someone else meanwhile");
        }
        if (session.getStatus() != GroupSessionStatus.SCHEDULED) {
            throw new Conflict(Conflict.Subject.LOCKED, "the session is cancelled; that is no longer possible");
        }
        if (!session.getStartsAt().isAfter(clock.now())) {
            throw new Invalid(
                    Invalid.Subject.BOOKING, ScheduleRefusal.reasons(List.of(ScheduleRefusal.of("schedule.past"))));
        }
        return session;
    }

    private GroupSessionView sessionChanged(GroupSession session, AuditAction action) {
        em.flush();
        audit.record(AuditEvent.allowed(action, "GroupSession", session.getId()));
        return GroupSessionView.of(session);
    }

    /** Groups are defined and their sessions changed by the front desk, or by a supervisor of the program. */
    private void requireDefinesFor(Program program) {
        if (!context.isCallerInRole(Role.Names.FRONT_DESK) && !supervisesProgram(program)) {
            throw new Refused(
                    "groups are defined and changed by the front desk or a supervisor of the group's program");
        }
    }

    /**
     * Enrolling: the caller keeps the group's enrollment, and the member belongs to a family of the group's
     * program that the caller may act for (the front desk any such family; a facilitator a family on their
     * caseload). A member id that does not exist is refused exactly as one the caller may not reach, before
     * anything about the member (their name, their family's state) is read, so the answer tells nothing.
     */
    private void requireMayEnroll(SupportGroup group, Family family) {
        requireKeepsEnrollment(group, family == null ? null : family.getId());
        boolean mayActFor = family != null
                && family.getProgram().getId().equals(group.getProgram().getId())
                && (context.isCallerInRole(Role.Names.FRONT_DESK) || access.onCaseload(family));
        if (!mayActFor) {
            throw new Refused(
                    "a member is enrolled only from a family of the group's program that the caller works with",
                    family == null ? null : family.getId());
        }
    }

    /** Enrollment and waitlist: the front desk, or a counselor who facilitates the group. */
    private void requireKeepsEnrollment(SupportGroup group, Long familyId) {
        if (!context.isCallerInRole(Role.Names.FRONT_DESK) && !facilitates(group)) {
            throw new Refused("members are enrolled by the front desk or the group's facilitators", familyId);
        }
    }

    private void requireReadsMembers(SupportGroup group) {
        if (!context.isCallerInRole(Role.Names.FRONT_DESK)
                && !facilitates(group)
                && !supervisesProgram(group.getProgram())) {
            throw new Refused(
                    "a group's members are for the front desk, its facilitators and its program's supervisors");
        }
    }

    private boolean facilitates(SupportGroup group) {
        return context.isCallerInRole(Role.Names.COUNSELOR) && group.isFacilitatedBy(callerName());
    }

    private boolean leads(GroupSession session) {
        return context.isCallerInRole(Role.Names.COUNSELOR) && session.isLedBy(callerName());
    }

    private boolean supervisesProgram(Program program) {
        if (!context.isCallerInRole(Role.Names.SUPERVISOR)) {
            return false;
        }
        return access.caller().staff().map(me -> me.belongsTo(program)).orElse(false);
    }

    private StaffMember counselorOf(Program program, String username) {
        return new StaffMembers(em)
                .counselorOf(username, program)
                .orElseThrow(() -> new Invalid(
                        Invalid.Subject.BOOKING,
                        ScheduleRefusal.reasons(List.of(
                                ScheduleRefusal.of("schedule.counselor.notInProgram", username, program.getName())))));
    }

    private Room roomOf(long roomId) {
        Room room = em.find(Room.class, roomId);
        if (room == null || !room.isActive()) {
            throw new Invalid(
                    Invalid.Subject.BOOKING,
                    ScheduleRefusal.reasons(List.of(ScheduleRefusal.of("schedule.room.unknown"))));
        }
        return room;
    }

    private static List<StaffMember> byId(List<StaffMember> staff) {
        return staff.stream().sorted(Comparator.comparing(StaffMember::getId)).toList();
    }

    private String callerName() {
        return context.getCallerPrincipal().getName();
    }
}
