package org.hearth.groups;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.io.Serializable;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import net.fortuna.ical4j.model.Recur;
import net.fortuna.ical4j.model.WeekDay;
import net.fortuna.ical4j.transform.recurrence.Frequency;
import org.hearth.security.Invalid;

/**
 * When a support group meets: from its first date, on one or more weekdays every week or every few weeks,
 * at a local start time for a set duration, in the clinic's time zone; until a last date or for a number of
 * meetings; skipping some dates (holidays, clinic closures). It is the RFC 5545 weekly rule a calendar
 * would store ({@link #toRfc5545()}, {@link #parse(String)}), and yields the group's sessions
 * ({@link #occurrences()}).
 *
 * <p><b>The clinic's wall clock.</b> Every session starts at {@code startTime} on the clinic's clocks, whatever
 * the offset that day: a Tuesday 6 pm group in America/New_York is at 22:00 UTC in summer and 23:00 UTC in
 * winter. A local time is turned into an instant as RFC 5545 (section 3.3.5) says, which is also what
 * {@link ZonedDateTime#of} does:
 *
 * <ul>
 *   <li>a start time that does not exist on the day the clocks spring forward (02:30 in New York on
 *       8 March 2026) is moved forward by the length of the gap: the session starts at 03:30 EDT, the instant
 *       02:30 EST would have been;
 *   <li>a start time that happens twice on the day the clocks fall back (01:30 on 1 November 2026) is the
 *       first of the two, before the change (01:30 EDT).
 * </ul>
 *
 * The duration is elapsed time: a 90-minute session lasts 90 minutes even if the clocks change during it.
 *
 * <p><b>Ends and skipped dates.</b> A series ends on its last date (included) or after {@code count} meeting
 * days, never both, and has at most {@value #MAX_SESSIONS} meeting days. As in RFC 5545, the count is of the
 * days the rule yields <em>before</em> skipped dates are taken out: 10 meetings with one date skipped hold 9
 * sessions. Each skipped date must be one of those meeting days.
 *
 * <p>Instances are immutable; the rules are checked by Bean Validation at the service boundary, so one that
 * breaks them can exist and be reported field by field. Expanding one that lacks what expansion needs (an
 * end, a weekday, ...) throws {@link IllegalStateException}.
 *
 * @param firstDate the first session's date, in the clinic's time zone; one of the meeting weekdays
 * @param startTime local start time of every session (seconds at most; fractions are dropped)
 * @param duration how long each session lasts, elapsed (fractions of a second are dropped)
 * @param zone the clinic's time zone
 * @param intervalWeeks 1 for every week, 2 for every other week, up to {@value #MAX_INTERVAL_WEEKS}
 * @param weekdays the days of the week the group meets, usually one
 * @param lastDate the last date a session may fall on (included), or null when a count ends the series
 * @param count how many meeting days the rule yields, skipped ones included, or null when a last date ends it
 * @param skippedDates meeting days without a session (RFC 5545 EXDATE)
 */
public record GroupRecurrence(
        @NotNull(message = "{schedule.recurrence.firstDate.required}") LocalDate firstDate,
        @NotNull(message = "{schedule.recurrence.startTime.required}") LocalTime startTime,
        @NotNull(message = "{schedule.recurrence.duration.required}") Duration duration,
        @NotNull(message = "{schedule.recurrence.zone.required}") ZoneId zone,
        @Min(value = MIN_INTERVAL_WEEKS, message = "{schedule.recurrence.interval.range}")
                @Max(value = MAX_INTERVAL_WEEKS, message = "{schedule.recurrence.interval.range}")
                int intervalWeeks,
        @NotEmpty(message = "{schedule.recurrence.weekdays.required}") Set<DayOfWeek> weekdays,
        LocalDate lastDate,
        @Min(value = 1, message = "{schedule.recurrence.count.range}")
                @Max(value = MAX_SESSIONS, message = "{schedule.recurrence.count.range}")
                Integer count,
        Set<LocalDate> skippedDates)
        implements Serializable {

    public static final int MIN_INTERVAL_WEEKS = 1;
    public static final int MAX_INTERVAL_WEEKS = 8;

    /** At most this many meeting days in one series: five years of a weekly group. */
    public static final int MAX_SESSIONS = 260;

    public static final Duration SHORTEST_SESSION = Duration.ofMinutes(5);
    public static final Duration LONGEST_SESSION = Duration.ofHours(12);

    /** Keeps the sets immutable and in order (weekdays from Monday, dates ascending); no rule is checked here. */
    public GroupRecurrence {
        startTime = startTime == null ? null : startTime.truncatedTo(ChronoUnit.SECONDS);
        duration = duration == null ? null : duration.truncatedTo(ChronoUnit.SECONDS);
        weekdays = Collections.unmodifiableSet(
                weekdays == null || weekdays.isEmpty() ? EnumSet.noneOf(DayOfWeek.class) : EnumSet.copyOf(weekdays));
        skippedDates =
                Collections.unmodifiableSortedSet(skippedDates == null ? new TreeSet<>() : new TreeSet<>(skippedDates));
    }

    /**
     * A group that meets every week on the weekday of {@code firstDate}, with no end yet: give it one with
     * {@link #until(LocalDate)} or {@link #times(int)}.
     */
    public static GroupRecurrence weekly(LocalDate firstDate, LocalTime startTime, Duration duration, ZoneId zone) {
        Objects.requireNonNull(firstDate, "firstDate");
        return new GroupRecurrence(
                firstDate, startTime, duration, zone, 1, EnumSet.of(firstDate.getDayOfWeek()), null, null, null);
    }

    /** The same rule, meeting every {@code weeks} weeks (2: every other week). */
    public GroupRecurrence everyWeeks(int weeks) {
        return new GroupRecurrence(
                firstDate, startTime, duration, zone, weeks, weekdays, lastDate, count, skippedDates);
    }

    /** The same rule, meeting on these weekdays instead. */
    public GroupRecurrence on(DayOfWeek... days) {
        return new GroupRecurrence(
                firstDate,
                startTime,
                duration,
                zone,
                intervalWeeks,
                new HashSet<>(Arrays.asList(days)),
                lastDate,
                count,
                skippedDates);
    }

    /** The same rule, ending on {@code lastDate} (included) instead of after a count. */
    public GroupRecurrence until(LocalDate lastDate) {
        return new GroupRecurrence(
                firstDate, startTime, duration, zone, intervalWeeks, weekdays, lastDate, null, skippedDates);
    }

    /** The same rule, ending after {@code count} meeting days (skipped ones included) instead of on a date. */
    public GroupRecurrence times(int count) {
        return new GroupRecurrence(
                firstDate, startTime, duration, zone, intervalWeeks, weekdays, null, count, skippedDates);
    }

    /** The same rule, with no session on these dates as well. */
    public GroupRecurrence skipping(LocalDate... dates) {
        return skipping(Arrays.asList(dates));
    }

    /** The same rule, with no session on these dates as well. */
    public GroupRecurrence skipping(Collection<LocalDate> dates) {
        Set<LocalDate> skipped = new TreeSet<>(skippedDates);
        skipped.addAll(dates);
        return new GroupRecurrence(
                firstDate, startTime, duration, zone, intervalWeeks, weekdays, lastDate, count, skipped);
    }

    /** Every session of the series, in order; skipped dates yield none. */
    public List<Occurrence> occurrences() {
        SortedSet<LocalDate> days = meetingDays();
        if (days.size() > MAX_SESSIONS) {
            throw new IllegalStateException(
                    "this recurrence has more than " + MAX_SESSIONS + " meeting days; validate it first: " + this);
        }
        return days.stream()
                .filter(date -> !skippedDates.contains(date))
                .map(this::occurrenceOn)
                .toList();
    }

    /** The sessions whose local date lies from {@code from} to {@code to}, both included, in order. */
    public List<Occurrence> occurrencesBetween(LocalDate from, LocalDate to) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        return occurrences().stream()
                .filter(occurrence ->
                        !occurrence.date().isBefore(from) && !occurrence.date().isAfter(to))
                .toList();
    }

    /**
     * The rule as RFC 5545 content lines (CRLF-separated, folded at 75 octets): {@code DTSTART;TZID=...},
     * {@code DURATION}, {@code RRULE:FREQ=WEEKLY;...} and, when dates are skipped, {@code EXDATE;TZID=...}.
     * A last date is written as RFC 5545 requires, as the UTC instant of that day's session.
     */
    public String toRfc5545() {
        return RecurrenceText.format(this);
    }

    /**
     * Reads what {@link #toRfc5545()} writes, and the same weekly rules written by other calendars: lines
     * {@code DTSTART;TZID=<zone>:<local date-time>} (required), {@code DURATION} (required), {@code RRULE}
     * with {@code FREQ=WEEKLY} and only {@code INTERVAL}, {@code BYDAY} (plain weekdays), {@code UNTIL},
     * {@code COUNT} and {@code WKST=MO} (required), and any {@code EXDATE} lines. Anything else is refused
     * with an {@link Invalid} naming it. Ranges (interval, count, ...) are left to
     * Bean Validation, like those of a rule built in code.
     */
    public static GroupRecurrence parse(String text) {
        return RecurrenceText.parse(text);
    }

    @AssertTrue(message = "{schedule.recurrence.duration.range}")
    public boolean isDurationInRange() {
        return duration == null
                || (duration.compareTo(SHORTEST_SESSION) >= 0 && duration.compareTo(LONGEST_SESSION) <= 0);
    }

    @AssertTrue(message = "{schedule.recurrence.firstDate.meetingDay}")
    public boolean isFirstDateAMeetingDay() {
        return firstDate == null || weekdays.isEmpty() || weekdays.contains(firstDate.getDayOfWeek());
    }

    @AssertTrue(message = "{schedule.recurrence.end.required}")
    public boolean isEndGiven() {
        return lastDate != null || count != null;
    }

    @AssertTrue(message = "{schedule.recurrence.end.either}")
    public boolean isEndGivenOnce() {
        return lastDate == null || count == null;
    }

    @AssertTrue(message = "{schedule.recurrence.lastDate.beforeFirst}")
    public boolean isLastDateNotBeforeFirstDate() {
        return firstDate == null || lastDate == null || !lastDate.isBefore(firstDate);
    }

    /** A last date as far as the sessions allow (a count has its own range). */
    @AssertTrue(message = "{schedule.recurrence.sessions.max}")
    public boolean isWithinSessionLimit() {
        return lastDate == null || !isExpandable() || meetingDays().size() <= MAX_SESSIONS;
    }

    @AssertTrue(message = "{schedule.recurrence.skipped.meetingDay}")
    public boolean isEverySkippedDateAMeetingDay() {
        return skippedDates.isEmpty() || !isExpandable() || meetingDays().containsAll(skippedDates);
    }

    /** The instant a session on {@code date} starts: the wall-clock rule of the class comment. */
    Occurrence occurrenceOn(LocalDate date) {
        ZonedDateTime start = ZonedDateTime.of(date, startTime, zone);
        return new Occurrence(date, start.toInstant(), start.toInstant().plus(duration));
    }

    /**
     * The days the rule yields before skipped dates are taken out, in order; at most one more than
     * {@link #MAX_SESSIONS}, so an over-long series is seen without expanding it all.
     */
    SortedSet<LocalDate> meetingDays() {
        requireExpandable();
        Recur<LocalDate> rule = new Recur.Builder<LocalDate>()
                .frequency(Frequency.WEEKLY)
                .interval(intervalWeeks)
                .dayList(RecurrenceText.weekDays(weekdays))
                // RFC 5545's default; without it ical4j takes the week start from the JVM's locale
                .weekStartDay(WeekDay.MO)
                .until(lastDate)
                .count(count)
                .build();
        LocalDate horizon = lastDate != null
                ? lastDate
                : firstDate.plusWeeks((long) intervalWeeks * Math.min(count, MAX_SESSIONS + 1) + 1);
        return new TreeSet<>(rule.getDates(firstDate, firstDate, horizon, MAX_SESSIONS + 1));
    }

    private boolean isExpandable() {
        return firstDate != null
                && startTime != null
                && duration != null
                && zone != null
                && intervalWeeks >= MIN_INTERVAL_WEEKS
                && intervalWeeks <= MAX_INTERVAL_WEEKS
                && !weekdays.isEmpty()
                && isEndGiven()
                && isEndGivenOnce()
                && (count == null || count >= 1);
    }

    private void requireExpandable() {
        if (!isExpandable()) {
            throw new IllegalStateException("this recurrence cannot be expanded; validate it first: " + this);
        }
    }
}
