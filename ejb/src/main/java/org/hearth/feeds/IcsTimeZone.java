package org.hearth.feeds;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneOffsetTransitionRule;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.hearth.groups.RecurrenceText;

/**
 * The VTIMEZONE component RFC 5545 (section 3.6.5) requires for every TZID a calendar uses, written from
 * java.time's own rules for the zone: each clock change from a year before {@code from} that the zone's
 * history lists, then its yearly rules (second Sunday of March, last Sunday of October, ...) as RRULEs.
 * ical4j can write one too, but only from its bundled tz files or by registering a JVM-wide zone rules
 * provider (see {@link RecurrenceText}); the server's own tz data is the one the sessions were computed
 * with.
 */
final class IcsTimeZone {

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss");
    private static final String[] DAYS = {"MO", "TU", "WE", "TH", "FR", "SA", "SU"};

    private IcsTimeZone() {}

    /** The component's content lines, unfolded, for a calendar whose first event is on {@code from}. */
    static List<String> lines(ZoneId zone, LocalDate from) {
        ZoneRules rules = zone.getRules();
        Instant start =
                from.minusYears(1).withDayOfYear(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        List<String> lines = new ArrayList<>();
        lines.add("BEGIN:VTIMEZONE");
        lines.add("TZID:" + zone.getId());
        List<ZoneOffsetTransition> history = rules.getTransitions();
        ZoneOffsetTransition inForce = rules.previousTransition(start.plusSeconds(1));
        ZoneOffsetTransition lastListed = history.isEmpty() ? null : history.get(history.size() - 1);
        boolean inForceListed =
                inForce != null && lastListed != null && !inForce.getInstant().isAfter(lastListed.getInstant());
        if (inForce == null) {
            ZoneOffset offset = rules.getOffset(start);
            observance(lines, "STANDARD", LocalDateTime.of(1970, 1, 1, 0, 0), offset, offset, null);
        } else if (inForceListed) {
            once(lines, rules, inForce);
        }
        for (ZoneOffsetTransition change : history) {
            if (change.getInstant().isAfter(start)) {
                once(lines, rules, change);
            }
        }
        for (ZoneOffsetTransitionRule yearly : rules.getTransitionRules()) {
            int year = from.getYear() - 2;
            ZoneOffsetTransition first = yearly.createTransition(year);
            while (lastListed != null && !first.getInstant().isAfter(lastListed.getInstant())) {
                first = yearly.createTransition(++year);
            }
            observance(
                    lines,
                    yearly.getOffsetAfter().equals(yearly.getStandardOffset()) ? "STANDARD" : "DAYLIGHT",
                    first.getDateTimeBefore(),
                    yearly.getOffsetBefore(),
                    yearly.getOffsetAfter(),
                    rule(yearly));
        }
        lines.add("END:VTIMEZONE");
        return lines;
    }

    private static void once(List<String> lines, ZoneRules rules, ZoneOffsetTransition change) {
        observance(
                lines,
                rules.isDaylightSavings(change.getInstant()) ? "DAYLIGHT" : "STANDARD",
                change.getDateTimeBefore(),
                change.getOffsetBefore(),
                change.getOffsetAfter(),
                null);
    }

    private static void observance(
            List<String> lines, String kind, LocalDateTime onset, ZoneOffset from, ZoneOffset to, String rule) {
        lines.add("BEGIN:" + kind);
        lines.add("DTSTART:" + LOCAL.format(onset));
        lines.add("TZOFFSETFROM:" + offset(from));
        lines.add("TZOFFSETTO:" + offset(to));
        if (rule != null) {
            lines.add("RRULE:" + rule);
        }
        lines.add("END:" + kind);
    }

    /**
     * The yearly rule as RRULE: "the first Sunday on or after the 8th" is BYDAY=2SU, "on or after the 25th"
     * of a 31-day month (how java.time keeps "the last Sunday") is BYDAY=-1SU, and so on.
     */
    static String rule(ZoneOffsetTransitionRule yearly) {
        String month = "FREQ=YEARLY;BYMONTH=" + yearly.getMonth().getValue();
        int indicator = yearly.getDayOfMonthIndicator();
        DayOfWeek weekday = yearly.getDayOfWeek();
        if (weekday == null) {
            return month + ";BYMONTHDAY=" + indicator;
        }
        String day = DAYS[weekday.getValue() - 1];
        boolean lastWeekOfMonth = indicator > 0
                && yearly.getMonth().minLength() == yearly.getMonth().maxLength()
                && indicator + 6 == yearly.getMonth().maxLength();
        if (indicator == -1 || lastWeekOfMonth) {
            return month + ";BYDAY=-1" + day;
        }
        if (indicator > 0 && indicator <= 22 && (indicator - 1) % 7 == 0) {
            return month + ";BYDAY=" + ((indicator - 1) / 7 + 1) + day;
        }
        IntStream window = indicator > 0
                ? IntStream.rangeClosed(indicator, Math.min(indicator + 6, 31))
                : IntStream.rangeClosed(indicator - 6, indicator);
        return month + ";BYDAY=" + day + ";BYMONTHDAY="
                + window.mapToObj(Integer::toString).collect(Collectors.joining(","));
    }

    /** An offset as RFC 5545 writes it: +HHMM, or +HHMMSS when it has seconds. */
    static String offset(ZoneOffset offset) {
        int total = offset.getTotalSeconds();
        int abs = Math.abs(total);
        String text = String.format("%s%02d%02d", total < 0 ? "-" : "+", abs / 3600, abs / 60 % 60);
        return abs % 60 == 0 ? text : text + String.format("%02d", abs % 60);
    }
}
