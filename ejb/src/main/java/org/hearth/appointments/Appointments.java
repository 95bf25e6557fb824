package org.hearth.appointments;

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
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.hearth.audit.AuditAction;
import org.hearth.audit.AuditEvent;
import org.hearth.audit.AuditTrail;
import org.hearth.calendar.BookingRules;
import org.hearth.calendar.Room;
import org.hearth.calendar.RoomChoice;
import org.hearth.calendar.ScheduleRefusal;
import org.hearth.calendar.TakenTimes;
import org.hearth.calendar.TimeHolder;
import org.hearth.calendar.TimeSlot;
import org.hearth.family.Family;
import org.hearth.family.FamilyAccessPolicy;
import org.hearth.family.FamilyMember;
import org.hearth.family.FamilyStatus;
import org.hearth.groups.GroupSession;
import org.hearth.groups.GroupSessionStatus;
import org.hearth.security.Conflict;
import org.hearth.security.Invalid;
import org.hearth.security.NotFound;
import org.hearth.security.Refused;
import org.hearth.security.Role;
import org.hearth.staff.StaffMember;
import org.hearth.staff.StaffMembers;
import org.hearth.time.ClinicClock;
import org.hearth.time.ClinicTime;

/**
 * Family sessions: booking, moving, cancelling, checking in, completing, no-shows (DESIGN.md section 4):
 * the front desk for any family; a counselor for families on their caseload and sessions they lead;
 * supervisors read. Nobody is double-booked: the counselor's, the room's and the attending members' rows
 * are locked, then overlapping sessions are looked for, so two bookings racing for the same slot cannot
 * both succeed. Every refusal names the rule or the clash.
 */
@Stateless
@RolesAllowed({Role.Names.FRONT_DESK, Role.Names.COUNSELOR, Role.Names.SUPERVISOR})
public class Appointments {

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

    @Inject
    private SessionReminders reminders;

    /** Books a family session; 400 when a clinic rule is broken, 409 naming each clash. Audited. */
    @RolesAllowed({Role.Names.FRONT_DESK, Role.Names.COUNSELOR})
    public AppointmentView book(@NotNull @Valid NewAppointment booking) {
        Family family = access.family(booking.familyId());
        requireMayBookFor(access, family, booking.counselorUsername());
        if (family.getStatus() == FamilyStatus.CLOSED) {
            throw new Conflict(Conflict.Subject.LOCKED, "the family is closed; a supervisor can reopen it");
        }
        StaffMember counselor = counselorOf(family, booking.counselorUsername());
        Room room = roomOf(booking.roomId(), booking.telehealth());
        Set<FamilyMember> members = membersOf(family, booking.memberIds());
        Instant start = checkRules(booking.start(), booking.minutes());
        Instant end = start.plusSeconds(60L * booking.minutes());

        lockAndRequireFree(counselor, room, members, start, end, null);
        Appointment appointment = new Appointment(
                family,
                booking.kind(),
                counselor,
                room,
                members,
                start,
                end,
                access.caller().username(),
                clock.now());
        em.persist(appointment);
        em.flush();
        reminders.write(appointment);
        audit.record(AuditEvent.allowedOnFamily(
                AuditAction.BOOK_APPOINTMENT, "Appointment", appointment.getId(), family.getId()));
        return AppointmentView.of(appointment);
    }

    /** Moves a scheduled session to another time or room; the same rules and clash checks as booking. */
    @RolesAllowed({Role.Names.FRONT_DESK, Role.Names.COUNSELOR})
    public AppointmentView move(long appointmentId, @NotNull @Valid AppointmentMove move) {
        Appointment appointment = changeable(appointmentId, move.version());
        requireStatus(appointment, AppointmentStatus.SCHEDULED);
        Room room = roomOf(move.roomId(), move.telehealth());
        Instant start = checkRules(move.start(), move.minutes());
        Instant end = start.plusSeconds(60L * move.minutes());
        lockAndRequireFree(appointment.getCounselor(), room, appointment.getMembers(), start, end, appointment.getId());
        boolean newTime = !appointment.getStartsAt().equals(start);
        appointment.moveTo(room, start, end);
        em.flush();
        if (newTime) {
            reminders.replace(appointment);
        }
        audit.record(AuditEvent.allowedOnFamily(
                AuditAction.MOVE_APPOINTMENT,
                "Appointment",
                appointment.getId(),
                appointment.getFamily().getId()));
        return AppointmentView.of(appointment);
    }

    /** Cancels a scheduled session, by the family or by the clinic, with a reason. */
    @RolesAllowed({Role.Names.FRONT_DESK, Role.Names.COUNSELOR})
    public AppointmentView cancel(
            long appointmentId,
            boolean byFamily,
            @NotBlank(message = "{appointment.cancel.reason.required}")
                    @Size(max = 500, message = "{appointment.cancel.reason.length}")
                    String reason,
            Long version) {
        Appointment appointment = changeable(appointmentId, version);
        requireStatus(appointment, AppointmentStatus.SCHEDULED);
        reminders.withdraw(appointment, "the session was cancelled");
        return changeStatus(
                appointment,
                byFamily ? AppointmentStatus.CANCELLED_BY_FAMILY : AppointmentStatus.CANCELLED_BY_CLINIC,
                reason.trim(),
                AuditAction.CANCEL_APPOINTMENT);
    }

    /** The family has arrived. */
    @RolesAllowed({Role.Names.FRONT_DESK, Role.Names.COUNSELOR})
    public AppointmentView checkIn(long appointmentId, Long version) {
        Appointment appointment = changeable(appointmentId, version);
        requireStatus(appointment, AppointmentStatus.SCHEDULED);
        requireToday(appointment);
        return changeStatus(appointment, AppointmentStatus.CHECKED_IN, null, AuditAction.CHECK_IN_APPOINTMENT);
    }

    /** The session took place; only once it has started. */
    @RolesAllowed({Role.Names.FRONT_DESK, Role.Names.COUNSELOR})
    public AppointmentView complete(long appointmentId, Long version) {
        Appointment appointment = changeable(appointmentId, version);
        requireStatus(appointment, AppointmentStatus.SCHEDULED, AppointmentStatus.CHECKED_IN);
        requireStarted(appointment);
        appointment
                .getFamily()
                .contactOn(appointment.getStartsAt().atZone(ClinicTime.zone()).toLocalDate());
        return changeStatus(appointment, AppointmentStatus.COMPLETED, null, AuditAction.COMPLETE_APPOINTMENT);
    }

    /** Nobody came; only once it has started. */
    @RolesAllowed({Role.Names.FRONT_DESK, Role.Names.COUNSELOR})
    public AppointmentView noShow(long appointmentId, Long version) {
        Appointment appointment = changeable(appointmentId, version);
        requireStatus(appointment, AppointmentStatus.SCHEDULED);
        requireStarted(appointment);
        return changeStatus(appointment, AppointmentStatus.NO_SHOW, null, AuditAction.NO_SHOW_APPOINTMENT);
    }

    /** One session: its family's front desk, counselors (own sessions) and program supervisors. Audited. */
    public AppointmentView read(long appointmentId) {
        Appointment appointment = find(appointmentId);
        if (!context.isCallerInRole(Role.Names.FRONT_DESK)
                && !leads(appointment, access)
                && !access.supervisesProgramOf(appointment.getFamily())) {
            throw new Refused(
                    "a session is for the front desk, its counselor and its program's supervisors",
                    appointment.getFamily().getId());
        }
        audit.record(AuditEvent.allowedOnFamily(
                AuditAction.READ_APPOINTMENT,
                "Appointment",
                appointment.getId(),
                appointment.getFamily().getId()));
        return AppointmentView.of(appointment);
    }

    /**
     * The sessions of one local day, by time: all of them for the front desk; a counselor's own; a
     * supervisor's programs'. Audited with the ids listed.
     */
    public List<AppointmentView> day(@NotNull LocalDate date) {
        return between(date, date.plusDays(1));
    }

    /**
     * One page of a local day's sessions, by time, visible as {@link #day}, and how many the day has: the front
     * desk's schedule at a clinic with thousands of sessions a day reads only the rows it shows. Audited with the
     * ids listed on the page.
     */
    public AppointmentPage dayPage(@NotNull LocalDate date, @PositiveOrZero int first, @Positive @Max(200) int max) {
        Visible visible = visible(date, date.plusDays(1));
        if (visible == null) {
            return new AppointmentPage(List.of(), 0);
        }
        long total = query(visible, "select count(a) from Appointment a", Long.class, "")
                .getSingleResult();
        List<Long> ids = query(visible, "select a.id from Appointment a", Long.class, " order by a.startsAt, a.id")
                .setFirstResult(first)
                .setMaxResults(max)
                .getResultList();
        List<Appointment> shown = ids.isEmpty()
                ? List.of()
                : em.createQuery(
                                "select distinct a from Appointment a join fetch a.family join fetch a.counselor"
                                        + " left join fetch a.room left join fetch a.members where a.id in :ids"
                                        + " order by a.startsAt, a.id",
                                Appointment.class)
                        .setParameter("ids", ids)
                        .getResultList();
        return new AppointmentPage(listed(shown), total);
    }

    /** How many sessions of a local day the caller sees, as {@link #dayPage} lists them: a number, no record. */
    public long dayCount(@NotNull LocalDate date) {
        Visible visible = visible(date, date.plusDays(1));
        return visible == null
                ? 0
                : query(visible, "select count(a) from Appointment a", Long.class, "")
                        .getSingleResult();
    }

    /** The sessions from one local date (inclusive) to another (exclusive), visible as {@link #day}. */
    public List<AppointmentView> between(@NotNull LocalDate from, @NotNull LocalDate to) {
        Visible visible = visible(from, to);
        if (visible == null) {
            return List.of();
        }
        return listed(query(
                        visible,
                        "select distinct a from Appointment a join fetch a.family join fetch a.counselor left join"
                                + " fetch a.room left join fetch a.members",
                        Appointment.class,
                        " order by a.startsAt, a.id")
                .getResultList());
    }

    /**
     * Who confirmed each of the sessions ("I'll be there", by a reminder's link) for its current time, by session id;
     * sessions nobody confirmed are left out. Only the sessions the caller may read ({@link #read}): the front desk's
     * day view marks them.
     */
    public Map<Long, List<Confirmation>> confirmations(@NotNull List<Long> appointmentIds) {
        if (appointmentIds.isEmpty()) {
            return Map.of();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                        "select x.appointment_id, m.id, m.full_name, x.answered_at from appointment_answer x"
                                + " join appointment a on a.id = x.appointment_id"
                                + " join family_member m on m.id = x.member_id"
                                + " where x.appointment_id in (:ids) and x.starts_at = a.starts_at"
                                + " and x.answer = 'CONFIRMED' order by x.answered_at, m.id")
                .setParameter("ids", appointmentIds)
                .getResultList();
        boolean frontDesk = context.isCallerInRole(Role.Names.FRONT_DESK);
        Map<Long, List<Confirmation>> confirmed = new LinkedHashMap<>();
        for (Object[] row : rows) {
            long id = ((Number) row[0]).longValue();
            if (frontDesk || mayRead(em.find(Appointment.class, id))) {
                confirmed
                        .computeIfAbsent(id, key -> new ArrayList<>())
                        .add(new Confirmation(((Number) row[1]).longValue(), (String) row[2], instant(row[3])));
            }
        }
        return confirmed;
    }

    private boolean mayRead(Appointment appointment) {
        return leads(appointment, access) || access.supervisesProgramOf(appointment.getFamily());
    }

    private static Instant instant(Object value) {
        return value instanceof java.sql.Timestamp t
                ? t.toInstant()
                : value instanceof java.time.OffsetDateTime o ? o.toInstant() : (Instant) value;
    }

    /** The sessions as views, audited as a schedule read listing them. */
    private List<AppointmentView> listed(List<Appointment> sessions) {
        List<AppointmentView> views = sessions.stream().map(AppointmentView::of).toList();
        audit.record(AuditEvent.listed(
                AuditAction.READ_SCHEDULE,
                "Appointment",
                views.stream().map(AppointmentView::id).toList()));
        return views;
    }

    /**
     * Which sessions between two local dates the caller sees: all for the front desk; a counselor's own; a
     * supervisor's own and their programs'. Null when the caller is no staff member (and not front desk).
     */
    private Visible visible(LocalDate from, LocalDate to) {
        Instant start = from.atStartOfDay(ClinicTime.zone()).toInstant();
        Instant end = to.atStartOfDay(ClinicTime.zone()).toInstant();
        boolean frontDesk = context.isCallerInRole(Role.Names.FRONT_DESK);
        if (frontDesk) {
            return new Visible(start, end, null, "");
        }
        StaffMember me = access.caller().staff().orElse(null);
        if (me == null) {
            return null;
        }
        return new Visible(
                start,
                end,
                me,
                context.isCallerInRole(Role.Names.SUPERVISOR)
                        ? " and (a.counselor = :me or a.family.program in (select p from StaffMember s join"
                                + " s.programs p where s = :me))"
                        : " and a.counselor = :me");
    }

    /** The sessions starting in [start, end) the caller sees: a JPQL condition on {@code a}, and its parameters. */
    private record Visible(Instant start, Instant end, StaffMember me, String condition) {}

    private <T> TypedQuery<T> query(Visible visible, String select, Class<T> type, String order) {
        var query = em.createQuery(
                        select + " where a.startsAt >= :start and a.startsAt < :end" + visible.condition() + order,
                        type)
                .setParameter("start", visible.start())
                .setParameter("end", visible.end());
        if (visible.me() != null) {
            query.setParameter("me", visible.me());
        }
        return query;
    }

    /**
     * The clinic's sessions (not cancelled) from one local date to another, for a week calendar, optionally
     * only one counselor's or one room's. Everyone with a role sees when counselors and rooms are busy; the
     * family's name only where they may know it: the front desk, the counselor leading the session, the
     * supervisors of the family's program. Audited with the ids of the sessions named.
     */
    public List<CalendarEntry> calendar(
            @NotNull LocalDate from, @NotNull LocalDate to, String counselorUsername, Long roomId) {
        if (!to.isAfter(from) || to.isAfter(from.plusDays(62))) {
            throw new Invalid(
                    Invalid.Subject.BOOKING, ScheduleRefusal.reasons(List.of(ScheduleRefusal.of("schedule.range"))));
        }
        StringBuilder jpql = new StringBuilder("select a from Appointment a join fetch a.family"
                + " join fetch a.counselor left join fetch a.room"
                + " where a.startsAt >= :start and a.startsAt < :end and a.status in :held");
        if (counselorUsername != null) {
            jpql.append(" and a.counselor.username = :counselor");
        }
        if (roomId != null) {
            jpql.append(" and a.room.id = :room");
        }
        jpql.append(" order by a.startsAt, a.id");
        var query = em.createQuery(jpql.toString(), Appointment.class)
                .setParameter("start", from.atStartOfDay(ClinicTime.zone()).toInstant())
                .setParameter("end", to.atStartOfDay(ClinicTime.zone()).toInstant())
                .setParameter("held", AppointmentStatus.HOLDING_TIME.stream().toList());
        if (counselorUsername != null) {
            query.setParameter("counselor", counselorUsername);
        }
        if (roomId != null) {
            query.setParameter("room", roomId);
        }
        boolean frontDesk = context.isCallerInRole(Role.Names.FRONT_DESK);
        String me = context.getCallerPrincipal().getName();
        StaffMember caller = frontDesk ? null : access.caller().staff().orElse(null);
        boolean supervisor = context.isCallerInRole(Role.Names.SUPERVISOR);
        List<CalendarEntry> entries = new ArrayList<>();
        List<Long> named = new ArrayList<>();
        for (Appointment a : query.getResultList()) {
            boolean mayName = frontDesk
                    || a.getCounselor().getUsername().equals(me)
                    || (supervisor
                            && caller != null
                            && caller.belongsTo(a.getFamily().getProgram()));
            if (mayName) {
                named.add(a.getId());
            }
            entries.add(new CalendarEntry(
                    a.getId(),
                    LocalDateTime.ofInstant(a.getStartsAt(), ClinicTime.zone()),
                    LocalDateTime.ofInstant(a.getEndsAt(), ClinicTime.zone()),
                    a.getKind(),
                    a.getStatus(),
                    a.getCounselor().getUsername(),
                    a.getCounselor().getDisplayName(),
                    a.getRoom() == null ? null : a.getRoom().getName(),
                    a.isTelehealth(),
                    mayName ? a.getFamily().getId() : null,
                    mayName ? a.getFamily().getName() : null,
                    null));
        }
        StringBuilder groupJpql = new StringBuilder(
                "select s from GroupSession s join fetch s.group join fetch s.room"
                        + " left join fetch s.substitute where s.status = :scheduled and s.startsAt >= :start and s.startsAt < :end");
        if (counselorUsername != null) {
            // subqueries, not a path through the substitute: that would drop the sessions without one
            groupJpql.append(" and (exists (select s2.id from GroupSession s2 join s2.substitute sub where s2 = s"
                    + " and sub.username = :counselor) or (s.substitute is null and exists"
                    + " (select f.id from SupportGroup g join g.facilitators f where g = s.group"
                    + " and f.username = :counselor)))");
        }
        if (roomId != null) {
            groupJpql.append(" and s.room.id = :room");
        }
        var groupQuery = em.createQuery(groupJpql.toString(), GroupSession.class)
                .setParameter("scheduled", GroupSessionStatus.SCHEDULED)
                .setParameter("start", from.atStartOfDay(ClinicTime.zone()).toInstant())
                .setParameter("end", to.atStartOfDay(ClinicTime.zone()).toInstant());
        if (counselorUsername != null) {
            groupQuery.setParameter("counselor", counselorUsername);
        }
        if (roomId != null) {
            groupQuery.setParameter("room", roomId);
        }
        for (GroupSession s : groupQuery.getResultList()) {
            StaffMember leader =
                    s.getLeaders().isEmpty() ? null : s.getLeaders().get(0);
            entries.add(new CalendarEntry(
                    s.getId(),
                    LocalDateTime.ofInstant(s.getStartsAt(), ClinicTime.zone()),
                    LocalDateTime.ofInstant(s.getEndsAt(), ClinicTime.zone()),
                    null,
                    AppointmentStatus.SCHEDULED,
                    leader == null ? null : leader.getUsername(),
                    s.getLeaders().stream().map(StaffMember::getDisplayName).collect(Collectors.joining(", ")),
                    s.getRoom().getName(),
                    false,
                    null,
                    null,
                    s.getGroup().getName()));
        }
        entries.sort(Comparator.comparing(CalendarEntry::start));
        audit.record(AuditEvent.listed(AuditAction.READ_SCHEDULE, "Appointment", named));
        return entries;
    }

    /** The clinic's counselors, for the calendar's "whose week" choice. */
    public List<BookingChoices.Counselor> counselors() {
        return new StaffMembers(em)
                .counselors().stream()
                        .map(s -> new BookingChoices.Counselor(s.getUsername(), s.getDisplayName()))
                        .toList();
    }

    /** A family's sessions, newest first: its front desk, its counselors, its program's supervisors. */
    public List<AppointmentView> forFamily(long familyId) {
        access.requireScheduleRead(familyId);
        List<AppointmentView> views = em
                .createQuery(
                        "select distinct a from Appointment a join fetch a.family join fetch a.counselor"
                                + " left join fetch a.room left join fetch a.members"
                                + " where a.family.id = :family order by a.startsAt desc, a.id desc",
                        Appointment.class)
                .setParameter("family", familyId)
                .getResultList()
                .stream()
                .map(AppointmentView::of)
                .toList();
        audit.record(AuditEvent.allowedOnFamily(AuditAction.READ_APPOINTMENT, "Family", familyId, familyId));
        return views;
    }

    /** What the booking form offers for the family: front desk, or a counselor with it on their caseload. */
    @RolesAllowed({Role.Names.FRONT_DESK, Role.Names.COUNSELOR})
    public BookingChoices bookingChoices(long familyId) {
        Family family = access.family(familyId);
        List<BookingChoices.Counselor> counselors;
        if (context.isCallerInRole(Role.Names.FRONT_DESK)) {
            counselors = new StaffMembers(em)
                    .counselorsOf(family.getProgram()).stream()
                            .map(s -> new BookingChoices.Counselor(s.getUsername(), s.getDisplayName()))
                            .toList();
        } else if (access.onCaseload(family)) {
            StaffMember me = access.caller().staff().orElseThrow();
            counselors = List.of(new BookingChoices.Counselor(me.getUsername(), me.getDisplayName()));
        } else {
            throw new Refused("a counselor books sessions only for families on their caseload", familyId);
        }
        return new BookingChoices(
                family.getId(),
                family.getCaseNumber().toString(),
                family.getName(),
                family.getMembers().stream()
                        .map(m -> new BookingChoices.Member(m.getId(), m.getFullName(), m.isParticipates()))
                        .toList(),
                counselors,
                rooms(),
                family.getPrimaryCounselor() == null
                        ? null
                        : family.getPrimaryCounselor().getUsername());
    }

    /** The rooms sessions can be booked in, by name. */
    public List<RoomChoice> rooms() {
        return em.createQuery(
                        "select new org.hearth.calendar.RoomChoice(r.id, r.name, r.capacity) from Room r"
                                + " where r.active = true order by r.name",
                        RoomChoice.class)
                .getResultList();
    }

    private Instant checkRules(LocalDateTime localStart, int minutes) {
        LocalDate day = localStart.toLocalDate();
        BookingRules rules = BookingRules.of(em, day, day);
        List<ScheduleRefusal> refusals = rules.check(localStart, minutes, clock.now());
        if (!refusals.isEmpty()) {
            throw new Invalid(Invalid.Subject.BOOKING, ScheduleRefusal.reasons(refusals));
        }
        return rules.instantOf(localStart).orElseThrow();
    }

    /**
     * Locks the counselor's, the room's and the members' rows (always in that order, so two bookings
     * cannot deadlock), then refuses when any of them is held by another session overlapping the time.
     */
    private void lockAndRequireFree(
            StaffMember counselor, Room room, Set<FamilyMember> members, Instant start, Instant end, Long self) {
        em.lock(counselor, LockModeType.PESSIMISTIC_WRITE);
        if (room != null) {
            em.lock(room, LockModeType.PESSIMISTIC_WRITE);
        }
        List<Long> memberIds =
                members.stream().map(FamilyMember::getId).sorted().toList();
        em.createQuery("select m from FamilyMember m where m.id in :ids order by m.id", FamilyMember.class)
                .setParameter("ids", memberIds)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList();

        List<ScheduleRefusal> clashes = TakenTimes.find(
                        timeHolders, List.of(counselor), room, memberIds, start, end, self, null)
                .clashesWith(new TimeSlot(start, end));
        if (!clashes.isEmpty()) {
            throw new Conflict(Conflict.Subject.CLASH, ScheduleRefusal.reasons(clashes));
        }
    }

    private void requireMayBookFor(FamilyAccessPolicy access, Family family, String counselorUsername) {
        if (context.isCallerInRole(Role.Names.FRONT_DESK)) {
            return;
        }
        if (!access.onCaseload(family)) {
            throw new Refused("a counselor books sessions only for families on their caseload", family.getId());
        }
        if (!access.caller().username().equals(counselorUsername)) {
            throw new Refused(
                    "a counselor books sessions they lead themselves; the front desk books for others", family.getId());
        }
    }

    private StaffMember counselorOf(Family family, String username) {
        return new StaffMembers(em)
                .counselorOf(username, family.getProgram())
                .orElseThrow(() -> new Invalid(
                        Invalid.Subject.BOOKING,
                        ScheduleRefusal.reasons(List.of(ScheduleRefusal.of(
                                "schedule.counselor.notInProgram",
                                username,
                                family.getProgram().getName())))));
    }

    private Room roomOf(Long roomId, boolean telehealth) {
        if (telehealth) {
            if (roomId != null) {
                throw new Invalid(
                        Invalid.Subject.BOOKING,
                        ScheduleRefusal.reasons(List.of(ScheduleRefusal.of("schedule.room.eitherOr"))));
            }
            return null;
        }
        if (roomId == null) {
            throw new Invalid(
                    Invalid.Subject.BOOKING,
                    ScheduleRefusal.reasons(List.of(ScheduleRefusal.of("schedule.room.required"))));
        }
        Room room = em.find(Room.class, roomId);
        if (room == null || !room.isActive()) {
            throw new Invalid(
                    Invalid.Subject.BOOKING,
                    ScheduleRefusal.reasons(List.of(ScheduleRefusal.of("schedule.room.unknown"))));
        }
        return room;
    }

    private static Set<FamilyMember> membersOf(Family family, List<Long> memberIds) {
        Set<Long> wanted = new HashSet<>(memberIds);
        Set<FamilyMember> members = new LinkedHashSet<>();
        for (FamilyMember member : family.getMembers()) {
            if (wanted.remove(member.getId())) {
                members.add(member);
            }
        }
        if (!wanted.isEmpty()) {
            throw new Invalid(
                    Invalid.Subject.BOOKING,
                    ScheduleRefusal.reasons(List.of(ScheduleRefusal.of("schedule.members.notOfFamily"))));
        }
        return members;
    }

    private Appointment find(long appointmentId) {
        Appointment appointment = em.find(Appointment.class, appointmentId);
        if (appointment == null) {
            throw new NotFound("session", appointmentId);
        }
        return appointment;
    }

    /** The session, when the caller may change it (front desk; its counselor) and the version is current. */
    private Appointment changeable(long appointmentId, Long version) {
        Appointment appointment = find(appointmentId);
        if (!context.isCallerInRole(Role.Names.FRONT_DESK) && !leads(appointment, access)) {
            throw new Refused(
                    "a session is changed by the front desk or the counselor who leads it",
                    appointment.getFamily().getId());
        }
        Conflict.requireVersion(version, appointment.getVersion(), "session");
        return appointment;
    }

    private boolean leads(Appointment appointment, FamilyAccessPolicy access) {
        return context.isCallerInRole(Role.Names.COUNSELOR)
                && appointment
                        .getCounselor()
                        .getUsername()
                        .equals(access.caller().username());
    }

    private static void requireStatus(Appointment appointment, AppointmentStatus... allowed) {
        for (AppointmentStatus status : allowed) {
            if (appointment.getStatus() == status) {
                return;
            }
        }
        throw new Conflict(
                Conflict.Subject.LOCKED, "the session is " + appointment.getStatus() + "; that is no longer possible");
    }

    private void requireStarted(Appointment appointment) {
        if (clock.now().isBefore(appointment.getStartsAt())) {
            throw new Invalid(
                    Invalid.Subject.BOOKING,
                    ScheduleRefusal.reasons(List.of(ScheduleRefusal.of("schedule.notStarted"))));
        }
    }

    private void requireToday(Appointment appointment) {
        LocalDate today = clock.today();
        if (!appointment.getStartsAt().atZone(ClinicTime.zone()).toLocalDate().equals(today)) {
            throw new Invalid(
                    Invalid.Subject.BOOKING,
                    ScheduleRefusal.reasons(List.of(ScheduleRefusal.of("schedule.checkIn.notToday"))));
        }
    }

    private AppointmentView changeStatus(
            Appointment appointment, AppointmentStatus next, String reason, AuditAction action) {
        appointment.changeStatus(next, reason, clock.now());
        em.flush();
        audit.record(AuditEvent.allowedOnFamily(
                action,
                "Appointment",
                appointment.getId(),
                appointment.getFamily().getId()));
        return AppointmentView.of(appointment);
    }
}
