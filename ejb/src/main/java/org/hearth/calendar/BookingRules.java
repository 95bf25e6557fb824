package org.hearth.calendar;

import jakarta.persistence.EntityManager;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.hearth.time.ClinicTime;

/**
 * The clinic's rules for when a session may be booked, whoever is free: not in the past, not on a
 * closure, within opening hours of one day, between 15 minutes and 4 hours. Times are the clinic's local
 * wall-clock times; a local time that does not exist (the spring daylight-saving gap) is refused.
 */
public final class BookingRules {

    static final Duration SHORTEST = Duration.ofMinutes(15);
    static final Duration LONGEST = Duration.ofHours(4);

    private final ZoneId zone;
    private final Map<DayOfWeek, OpeningHours> hours;
    private final Map<LocalDate, String> closures;

    /**
     * @param hours the opening hours by weekday (a weekday missing is closed)
     * @param closures the closure reasons by local date
     */
    public BookingRules(ZoneId zone, Collection<OpeningHours> hours, Map<LocalDate, String> closures) {
        this.zone = zone;
        this.hours = new EnumMap<>(DayOfWeek.class);
        for (OpeningHours day : hours) {
            this.hours.put(day.getDay(), day);
        }
        this.closures = Map.copyOf(closures);
    }

    /** The clinic's rules as stored: its opening hours and the closures from one local date to another. */
    public static BookingRules of(EntityManager em, LocalDate from, LocalDate to) {
        Map<LocalDate, String> closures = em.createQuery(
                        "select c from ClinicClosure c where c.closedOn between :from and :to", ClinicClosure.class)
                .setParameter("from", from)
                .setParameter("to", to)
                .getResultStream()
                .collect(Collectors.toMap(ClinicClosure::getClosedOn, ClinicClosure::getReason));
        return new BookingRules(
                ClinicTime.zone(),
                em.createQuery("select h from OpeningHours h", OpeningHours.class)
                        .getResultList(),
                closures);
    }

    /** The start as an instant, when the local time exists in the clinic's zone. */
    public Optional<Instant> instantOf(LocalDateTime localStart) {
        ZonedDateTime zoned = localStart.atZone(zone);
        return zoned.toLocalDateTime().equals(localStart) ? Optional.of(zoned.toInstant()) : Optional.empty();
    }

    /** Every rule the session from {@code localStart} for {@code minutes} breaks; empty when it may be booked. */
    public List<ScheduleRefusal> check(LocalDateTime localStart, int minutes, Instant now) {
        List<ScheduleRefusal> refusals = new ArrayList<>();
        Duration length = Duration.ofMinutes(minutes);
        if (length.compareTo(SHORTEST) < 0 || length.compareTo(LONGEST) > 0) {
            refusals.add(ScheduleRefusal.of(
                    "schedule.length", Long.toString(SHORTEST.toMinutes()), Long.toString(LONGEST.toMinutes())));
        }
        Optional<Instant> start = instantOf(localStart);
        if (start.isEmpty()) {
            refusals.add(ScheduleRefusal.of("schedule.time.missing", Times.time(localStart.toLocalTime())));
            return refusals;
        }
        if (!start.get().isAfter(now)) {
            refusals.add(ScheduleRefusal.of("schedule.past"));
        }
        LocalDate day = localStart.toLocalDate();
        String closure = closures.get(day);
        if (closure != null) {
            refusals.add(ScheduleRefusal.of("schedule.closed", Times.date(day), closure));
            return refusals;
        }
        OpeningHours open = hours.get(day.getDayOfWeek());
        if (open == null) {
            refusals.add(ScheduleRefusal.of("schedule.closedWeekday", Times.date(day)));
            return refusals;
        }
        LocalDateTime end = localStart.plus(length);
        LocalTime opens = open.getOpensAt();
        LocalTime closes = open.getClosesAt();
        if (localStart.toLocalTime().isBefore(opens)
                || !end.toLocalDate().equals(day)
                || end.toLocalTime().isAfter(closes)) {
            refusals.add(ScheduleRefusal.of("schedule.hours", Times.date(day), Times.time(opens), Times.time(closes)));
        }
        return refusals;
    }
}
