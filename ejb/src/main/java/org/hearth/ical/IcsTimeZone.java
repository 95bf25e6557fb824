package org.hearth.ical;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.Temporal;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneOffsetTransitionRule;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import net.fortuna.ical4j.model.ComponentList;
import net.fortuna.ical4j.model.Month;
import net.fortuna.ical4j.model.PropertyList;
import net.fortuna.ical4j.model.Recur;
import net.fortuna.ical4j.model.TimeZone;
import net.fortuna.ical4j.model.TimeZoneRegistry;
import net.fortuna.ical4j.model.WeekDay;
import net.fortuna.ical4j.model.component.Daylight;
import net.fortuna.ical4j.model.component.Observance;
import net.fortuna.ical4j.model.component.Standard;
import net.fortuna.ical4j.model.component.VTimeZone;
import net.fortuna.ical4j.model.property.DateListProperty;
import net.fortuna.ical4j.model.property.DateProperty;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.RRule;
import net.fortuna.ical4j.model.property.TzId;
import net.fortuna.ical4j.model.property.TzOffsetFrom;
import net.fortuna.ical4j.model.property.TzOffsetTo;
import net.fortuna.ical4j.transform.recurrence.Frequency;

/**
 * The VTIMEZONE component RFC 5545 (section 3.6.5) requires for every TZID a calendar uses, built as ical4j's
 * model from java.time's own rules for the zone: each clock change from a year before {@code from} that the
 * zone's history lists, then its yearly rules (second Sunday of March, last Sunday of October, ...) as
 * RRULEs. ical4j's bundled tz files are not used: the server's own tz data is the one the sessions were
 * computed with, and ical4j's registry installs a JVM-wide zone rules provider that an application server
 * cannot take back when the application is redeployed ({@link Zones} keeps ical4j off it).
 */
public final class IcsTimeZone {

    private IcsTimeZone() {}

    /** A date property whose TZID is resolved by java.time, never by ical4j's global registry. */
    public static <P extends DateProperty<?>> P zoned(P property, ZoneId zone) {
        property.setTimeZoneRegistry(new Zones(zone));
        return property;
    }

    /** A date-list property (EXDATE) whose TZID is resolved by java.time. */
    public static <P extends DateListProperty<?>> P zonedList(P property, ZoneId zone) {
        property.setTimeZoneRegistry(new Zones(zone));
        return property;
    }

    /** The component for a calendar whose first event is on {@code from}. */
    public static VTimeZone component(ZoneId zone, LocalDate from) {
        ZoneRules rules = zone.getRules();
        Instant start =
                from.minusYears(1).withDayOfYear(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        List<Observance> observances = new ArrayList<>();
        List<ZoneOffsetTransition> history = rules.getTransitions();
        ZoneOffsetTransition inForce = rules.previousTransition(start.plusSeconds(1));
        ZoneOffsetTransition lastListed = history.isEmpty() ? null : history.get(history.size() - 1);
        boolean inForceListed =
                inForce != null && lastListed != null && !inForce.getInstant().isAfter(lastListed.getInstant());
        if (inForce == null) {
            ZoneOffset offset = rules.getOffset(start);
            observances.add(observance(false, LocalDateTime.of(1970, 1, 1, 0, 0), offset, offset, null));
        } else if (inForceListed) {
            observances.add(once(rules, inForce));
        }
        for (ZoneOffsetTransition change : history) {
            if (change.getInstant().isAfter(start)) {
                observances.add(once(rules, change));
            }
        }
        for (ZoneOffsetTransitionRule yearly : rules.getTransitionRules()) {
            int year = from.getYear() - 2;
            ZoneOffsetTransition first = yearly.createTransition(year);
            while (lastListed != null && !first.getInstant().isAfter(lastListed.getInstant())) {
                first = yearly.createTransition(++year);
            }
            observances.add(observance(
                    !yearly.getOffsetAfter().equals(yearly.getStandardOffset()),
                    first.getDateTimeBefore(),
                    yearly.getOffsetBefore(),
                    yearly.getOffsetAfter(),
                    rule(yearly)));
        }
        return new VTimeZone(new PropertyList(List.of(new TzId(zone.getId()))), new ComponentList<>(observances));
    }

    private static Observance once(ZoneRules rules, ZoneOffsetTransition change) {
        return observance(
                rules.isDaylightSavings(change.getInstant()),
                change.getDateTimeBefore(),
                change.getOffsetBefore(),
                change.getOffsetAfter(),
                null);
    }

    private static Observance observance(
            boolean daylight, LocalDateTime onset, ZoneOffset from, ZoneOffset to, Recur<Temporal> rule) {
        PropertyList properties = new PropertyList()
                .add(new DtStart<>(onset))
                .add(new TzOffsetFrom(from))
                .add(new TzOffsetTo(to));
        if (rule != null) {
            properties = properties.add(new RRule<>(rule));
        }
        return daylight ? new Daylight(properties) : new Standard(properties);
    }

    /**
     * The yearly rule as RRULE: "the first Sunday on or after the 8th" is BYDAY=2SU, "on or after the 25th"
     * of a 31-day month (how java.time keeps "the last Sunday") is BYDAY=-1SU, and so on.
     */
    static Recur<Temporal> rule(ZoneOffsetTransitionRule yearly) {
        Recur.Builder<Temporal> rule =
                new Recur.Builder<>().frequency(Frequency.YEARLY).monthList(Month.from(yearly.getMonth()));
        int indicator = yearly.getDayOfMonthIndicator();
        DayOfWeek weekday = yearly.getDayOfWeek();
        if (weekday == null) {
            return rule.monthDayList(indicator).build();
        }
        WeekDay day = WeekDay.getWeekDay(weekday);
        boolean lastWeekOfMonth = indicator > 0
                && yearly.getMonth().minLength() == yearly.getMonth().maxLength()
                && indicator + 6 == yearly.getMonth().maxLength();
        if (indicator == -1 || lastWeekOfMonth) {
            return rule.dayList(new WeekDay(day, -1)).build();
        }
        if (indicator > 0 && indicator <= 22 && (indicator - 1) % 7 == 0) {
            return rule.dayList(new WeekDay(day, (indicator - 1) / 7 + 1)).build();
        }
        IntStream window = indicator > 0
                ? IntStream.rangeClosed(indicator, Math.min(indicator + 6, 31))
                : IntStream.rangeClosed(indicator - 6, indicator);
        return rule.dayList(day).monthDayList(window.boxed().toList()).build();
    }

    /**
     * The zone as ical4j's date properties ask for it when they write a TZID: straight from java.time. Without
     * it ical4j would fall back to its global registry and install its zone rules provider in the JVM.
     */
    public static final class Zones implements TimeZoneRegistry {

        private final ZoneId zone;

        public Zones(ZoneId zone) {
            this.zone = zone;
        }

        @Override
        public Map<String, ZoneRules> getZoneRules() {
            return Map.of(zone.getId(), zone.getRules());
        }

        @Override
        public ZoneId getZoneId(String tzId) {
            return ZoneId.of(tzId);
        }

        @Override
        public String getTzId(String zoneId) {
            return zoneId;
        }

        @Override
        public TimeZone getTimeZone(String id) {
            return null;
        }

        @Override
        public void register(TimeZone timezone) {
            throw new UnsupportedOperationException("the clinic's zone comes from java.time");
        }

        @Override
        public void register(TimeZone timezone, boolean update) {
            throw new UnsupportedOperationException("the clinic's zone comes from java.time");
        }

        @Override
        public void clear() {}
    }
}
