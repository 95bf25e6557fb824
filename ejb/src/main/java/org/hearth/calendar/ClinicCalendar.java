package org.hearth.calendar;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.io.Serializable;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.hearth.audit.AuditAction;
import org.hearth.audit.AuditEvent;
import org.hearth.audit.AuditTrail;
import org.hearth.security.Conflict;
import org.hearth.security.Invalid;
import org.hearth.security.NotFound;
import org.hearth.security.Role;
import org.hearth.time.ClinicClock;
import org.hearth.time.ClinicTime;

/**
 * The clinic's own calendar, kept by the administrator: opening hours per weekday, days the whole clinic
 * is closed, and its rooms. Bookings and group meetings are checked against them ({@link BookingRules});
 * changing them never moves or cancels what is already booked: a new closure says how many sessions and
 * group meetings fall on that day, for the front desk to move. Every change is audited.
 *
 * <p>No lost update: every view carries the version it was read at, and every change to an existing record
 * names that version and is refused (409, {@link Conflict#stale}) when someone else changed the record since. The
 * week's hours are one record ({@link ClinicWeek}): an administrator edits the seven days together.
 */
@Stateless
@RolesAllowed(Role.Names.ADMIN)
public class ClinicCalendar {

    @Inject
    @Any
    Instance<TimeHolder> timeHolders;

    @PersistenceContext
    private EntityManager em;

    @EJB
    private AuditTrail audit;

    @Inject
    private ClinicClock clock;

    /** One weekday's hours; both times null when the clinic is closed that weekday. */
    public record DayHours(DayOfWeek day, LocalTime opensAt, LocalTime closesAt) implements Serializable {

        public boolean isOpen() {
            return opensAt != null && closesAt != null;
        }
    }

    /** The week's opening hours, Monday to Sunday, and the version they were read at (saved with it). */
    public record Week(long version, List<DayHours> days) implements Serializable {}

    /** A day the clinic is closed, and the version it was read at (removed with it). */
    public record Closure(long id, LocalDate date, String reason, long version) implements Serializable {}

    /** A closure just added, and what was already booked that day (not cancelled: for the front desk to move). */
    public record ClosureAdded(Closure closure, long sessionsThatDay, long groupMeetingsThatDay)
            implements Serializable {}

    /** A room, in use or no longer offered for new bookings. */
    public record RoomView(long id, String name, int capacity, boolean active, long version) implements Serializable {}

    /** Monday to Sunday, each with its hours or closed, and the week's version. */
    public Week hours() {
        return new Week(em.find(ClinicWeek.class, ClinicWeek.ID).getVersion(), days());
    }

    private List<DayHours> days() {
        Map<DayOfWeek, OpeningHours> rows = em.createQuery("select h from OpeningHours h", OpeningHours.class)
                .getResultStream()
                .collect(Collectors.toMap(OpeningHours::getDay, Function.identity()));
        List<DayHours> week = new ArrayList<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            OpeningHours row = rows.get(day);
            week.add(new DayHours(day, row == null ? null : row.getOpensAt(), row == null ? null : row.getClosesAt()));
        }
        return week;
    }

    /**
     * Sets the week's opening hours at once: a day with both times is open from one to the other, a day
     * without times is closed. Refused, naming each day, when a day closes before it opens or has only one
     * time; nothing is saved then. Refused (409, "clinic's hours") unless {@code version} is the week's version
     * read; the week's row is locked first, so of two administrators saving from the same version one wins.
     */
    public Week setHours(@NotNull(message = "{clinic.hours.required}") List<DayHours> week, Long version) {
        ClinicWeek saved = lockedWeek();
        Conflict.requireVersion(version, saved.getVersion(), "clinic's hours");
        List<ScheduleRefusal> refusals = new ArrayList<>();
        for (DayHours day : week) {
            if (day == null || day.day() == null) {
                refusals.add(ScheduleRefusal.of("clinic.hours.day"));
            } else if ((day.opensAt() == null) != (day.closesAt() == null)) {
                refusals.add(ScheduleRefusal.of("clinic.hours.both", ScheduleRefusal.weekday(day.day())));
            } else if (day.isOpen() && !day.closesAt().isAfter(day.opensAt())) {
                refusals.add(ScheduleRefusal.of("clinic.hours.order", ScheduleRefusal.weekday(day.day())));
            }
        }
        if (!refusals.isEmpty()) {
            throw new Invalid(Invalid.Subject.BOOKING, ScheduleRefusal.reasons(refusals));
        }
        em.createQuery("delete from OpeningHours").executeUpdate();
        for (DayHours day : week) {
            if (day.isOpen()) {
                em.persist(new OpeningHours(day.day(), day.opensAt(), day.closesAt()));
            }
        }
        em.lock(saved, LockModeType.PESSIMISTIC_FORCE_INCREMENT); // the week's version moves on
        em.flush();
        audit.record(AuditEvent.allowed(AuditAction.CHANGE_OPENING_HOURS, "OpeningHours", null));
        return new Week(saved.getVersion(), days());
    }

    /** Closures from {@code from} on, in date order. */
    public List<Closure> closures(@NotNull LocalDate from) {
        return em.createQuery(
                        "select c from ClinicClosure c where c.closedOn >= :from order by c.closedOn",
                        ClinicClosure.class)
                .setParameter("from", from)
                .getResultStream()
                .map(ClinicCalendar::view)
                .toList();
    }

    /**
     * Closes the clinic on a day ahead, with a reason. Refused when the day has passed or is already closed.
     * What is booked that day stays booked (the answer counts it); new bookings are refused.
     */
    public ClosureAdded addClosure(
            @NotNull(message = "{clinic.closure.date.required}") LocalDate date,
            @NotBlank(message = "{clinic.closure.reason.required}")
                    @Size(max = 200, message = "{clinic.closure.reason.length}")
                    String reason) {
        LocalDate today = clock.today();
        if (date.isBefore(today)) {
            throw new Invalid(
                    Invalid.Subject.BOOKING,
                    ScheduleRefusal.reasons(List.of(ScheduleRefusal.of("clinic.closure.past", date.toString()))));
        }
        // one closure per day: lock the week's row so two admins adding the same day queue up
        lockedWeek();
        List<ClinicClosure> same = em.createQuery(
                        "select c from ClinicClosure c where c.closedOn = :date", ClinicClosure.class)
                .setParameter("date", date)
                .getResultList();
        if (!same.isEmpty()) {
            throw new Invalid(
                    Invalid.Subject.BOOKING,
                    ScheduleRefusal.reasons(List.of(ScheduleRefusal.of(
                            "clinic.closure.twice", date.toString(), same.get(0).getReason()))));
        }
        ClinicClosure closure = new ClinicClosure(date, reason.strip());
        em.persist(closure);
        em.flush();
        Instant from = date.atStartOfDay(ClinicTime.zone()).toInstant();
        Instant to = date.plusDays(1).atStartOfDay(ClinicTime.zone()).toInstant();
        long sessions = 0;
        long meetings = 0;
        for (TimeHolder holder : timeHolders) {
            long holding = holder.countHolding(from, to);
            if (holder.kind() == TimeHolder.Kind.FAMILY_SESSIONS) {
                sessions += holding;
            } else {
                meetings += holding;
            }
        }
        audit.record(AuditEvent.allowed(AuditAction.ADD_CLINIC_CLOSURE, "ClinicClosure", closure.getId()));
        return new ClosureAdded(view(closure), sessions, meetings);
    }

    /**
     * Opens a closed day again (bookings on it are allowed from now on). Refused (409, "closure") unless
     * {@code version} is the closure's version read.
     */
    public void removeClosure(long closureId, Long version) {
        ClinicClosure closure = em.find(ClinicClosure.class, closureId, LockModeType.PESSIMISTIC_WRITE);
        if (closure == null) {
            throw new NotFound("clinic closure", closureId);
        }
        Conflict.requireVersion(version, closure.getVersion(), "closure");
        em.remove(closure);
        audit.record(AuditEvent.allowed(AuditAction.REMOVE_CLINIC_CLOSURE, "ClinicClosure", closureId));
    }

    /** Every room, in use first, by name. */
    public List<RoomView> rooms() {
        return em.createQuery("select r from Room r order by r.active desc, r.name", Room.class)
                .getResultStream()
                .map(ClinicCalendar::view)
                .toList();
    }

    /** Adds a room; refused when another room has that name. */
    public RoomView addRoom(
            @NotBlank(message = "{clinic.room.name.required}") @Size(max = 80, message = "{clinic.room.name.length}")
                    String name,
            @Min(value = 1, message = "{clinic.room.capacity.range}")
                    @Max(value = 100, message = "{clinic.room.capacity.range}")
                    int capacity) {
        String clean = name.strip();
        boolean taken = !em.createQuery("select r.id from Room r where lower(r.name) = lower(:name)", Long.class)
                .setParameter("name", clean)
                .getResultList()
                .isEmpty();
        if (taken) {
            throw new Invalid(
                    Invalid.Subject.BOOKING,
                    ScheduleRefusal.reasons(List.of(ScheduleRefusal.of("clinic.room.name.taken", clean))));
        }
        Room room = new Room(clean, capacity);
        em.persist(room);
        em.flush();
        audit.record(AuditEvent.allowed(AuditAction.ADD_ROOM, "Room", room.getId()));
        return view(room);
    }

    /**
     * Takes a room out of use for new bookings and groups (what is booked in it stays), or back into use.
     * Refused (409, "room") unless {@code version} is the room's version read.
     */
    public RoomView setRoomInUse(long roomId, boolean inUse, Long version) {
        Room room = em.find(Room.class, roomId, LockModeType.PESSIMISTIC_WRITE);
        if (room == null) {
            throw new Invalid(
                    Invalid.Subject.BOOKING,
                    ScheduleRefusal.reasons(List.of(ScheduleRefusal.of("schedule.room.unknown"))));
        }
        Conflict.requireVersion(version, room.getVersion(), "room");
        room.setActive(inUse);
        em.flush();
        audit.record(AuditEvent.allowed(AuditAction.CHANGE_ROOM, "Room", roomId));
        return view(room);
    }

    /** The week's row, locked: saves of the hours and new closures queue up behind each other. */
    private ClinicWeek lockedWeek() {
        return em.find(ClinicWeek.class, ClinicWeek.ID, LockModeType.PESSIMISTIC_WRITE);
    }

    private static Closure view(ClinicClosure c) {
        return new Closure(c.getId(), c.getClosedOn(), c.getReason(), c.getVersion());
    }

    private static RoomView view(Room r) {
        return new RoomView(r.getId(), r.getName(), r.getCapacity(), r.isActive(), r.getVersion());
    }
}
