package org.hearth.groups;

import static java.util.stream.Collectors.joining;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.fortuna.ical4j.data.FoldingWriter;
import net.fortuna.ical4j.model.DateList;
import net.fortuna.ical4j.model.ParameterList;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.Recur;
import net.fortuna.ical4j.model.WeekDay;
import net.fortuna.ical4j.model.parameter.TzId;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.ExDate;
import net.fortuna.ical4j.model.property.RRule;
import net.fortuna.ical4j.transform.recurrence.Frequency;
import org.hearth.ical.IcsTimeZone;
import org.hearth.security.Invalid;

/**
 * A group's recurrence as RFC 5545 content lines. ical4j writes them (the properties of the feed's series,
 * {@link IcsCalendar#ruleProperties}), reads and expands the RRULE value; the DTSTART, DURATION and EXDATE lines
 * are read here with java.time's own zones, because ical4j resolves a TZID by registering a JVM-wide zone rules
 * provider, which an application server cannot take back when the application is redeployed.
 */
public final class RecurrenceText {

    private static final String CRLF = "\r\n";

    private static final DateTimeFormatter LOCAL_DATE_TIME =
            DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss").withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter UTC_DATE_TIME = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC)
            .withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter DATE =
            DateTimeFormatter.ofPattern("uuuuMMdd").withResolverStyle(ResolverStyle.STRICT);

    private static final String SUPPORTED =
            "Hearth reads weekly rules only: FREQ=WEEKLY with INTERVAL, BYDAY, UNTIL or COUNT, and WKST=MO.";
    private static final Set<String> RULE_PARTS = Set.of("FREQ", "INTERVAL", "BYDAY", "UNTIL", "COUNT", "WKST");
    private static final Pattern WEEKS = Pattern.compile("P(\\d{1,4})W");
    private static final String EXAMPLE_START = "DTSTART;TZID=America/New_York:20261103T180000";

    private RecurrenceText() {}

    public static String format(GroupRecurrence recurrence) {
        if (recurrence.firstDate() == null
                || recurrence.startTime() == null
                || recurrence.duration() == null
                || recurrence.zone() == null
                || recurrence.weekdays().isEmpty()) {
            throw new IllegalStateException("a recurrence needs its first date, start time, duration, zone and "
                    + "weekdays to be written: " + recurrence);
        }
        return ruleProperties(recurrence).stream()
                .map(property -> fold(property.toString().strip()))
                .collect(joining(CRLF));
    }

    /**
     * A group's rule as the properties of its series: the first session (DTSTART with the rule's TZID), its length
     * (DURATION), the RRULE and, when dates are skipped, one EXDATE listing them at the sessions' start time.
     */
    public static List<Property> ruleProperties(GroupRecurrence rule) {
        ZoneId zone = rule.zone();
        List<Property> properties = new ArrayList<>();
        properties.add(
                IcsTimeZone.zoned(new DtStart<>(ZonedDateTime.of(rule.firstDate(), rule.startTime(), zone)), zone));
        // ical4j's DURATION property, not java.time's Duration this class reads rules into
        properties.add(new net.fortuna.ical4j.model.property.Duration(rule.duration()));
        properties.add(new RRule<>(RecurrenceText.recur(rule)));
        if (!rule.skippedDates().isEmpty()) {
            DateList<ZonedDateTime> skipped = new DateList<>(rule.skippedDates().stream()
                    .map(date -> ZonedDateTime.of(date, rule.startTime(), zone))
                    .toList());
            properties.add(IcsTimeZone.zonedList(
                    new ExDate<>(new ParameterList(List.of(new TzId(zone.getId()))), skipped), zone));
        }
        return properties;
    }

    public static GroupRecurrence parse(String text) {
        if (text == null || text.isBlank()) {
            throw refused("The recurrence is empty: it needs DTSTART, DURATION and RRULE lines.");
        }
        ContentLine start = null;
        ContentLine length = null;
        ContentLine rule = null;
        List<ContentLine> skips = new ArrayList<>();
        for (String raw : text.replaceAll("\r?\n[ \t]", "").split("\r?\n")) {
            if (raw.isBlank()) {
                continue;
            }
            ContentLine line = ContentLine.read(raw.strip());
            switch (line.name()) {
                case "DTSTART" -> start = once(start, line);
                case "DURATION" -> length = once(length, line);
                case "RRULE" -> rule = once(rule, line);
                case "EXDATE" -> skips.add(line);
                default -> throw refused(line.name()
                        + " is not supported: Hearth reads DTSTART, DURATION, RRULE and EXDATE lines only.");
            }
        }
        if (start == null) {
            throw refused("DTSTART is missing: say when the first session starts, as in " + EXAMPLE_START + ".");
        }
        if (length == null) {
            throw refused("DURATION is missing: say how long a session lasts, as in DURATION:PT1H30M.");
        }
        if (rule == null) {
            throw refused("RRULE is missing: say how the group repeats, as in RRULE:FREQ=WEEKLY;BYDAY=TU;COUNT=12.");
        }
        ZoneId zone = zoneOf(start);
        LocalDateTime first = firstStart(start);
        Duration duration = duration(length);
        WeeklyRule weekly = weeklyRule(rule, zone, first);
        Set<LocalDate> skipped = new TreeSet<>();
        for (ContentLine skip : skips) {
            skipped.addAll(skippedDates(skip, zone, first.toLocalTime()));
        }
        return new GroupRecurrence(
                first.toLocalDate(),
                first.toLocalTime(),
                duration,
                zone,
                weekly.intervalWeeks(),
                weekly.weekdays(),
                weekly.lastDate(),
                weekly.count(),
                skipped);
    }

    /** ical4j's weekdays, Monday first. */
    public static List<WeekDay> weekDays(Set<DayOfWeek> days) {
        return EnumSet.copyOf(days).stream().map(WeekDay::getWeekDay).toList();
    }

    private static String rule(GroupRecurrence recurrence) {
        return recur(recurrence).toString();
    }

    /** The RRULE value of a written recurrence, as ical4j's model. */
    static Recur<Temporal> recur(GroupRecurrence recurrence) {
        Recur.Builder<Temporal> rule = new Recur.Builder<>()
                .frequency(Frequency.WEEKLY)
                // written out: RFC 5545's default, but some readers (ical4j among them) take the JVM locale's
                .weekStartDay(WeekDay.MO)
                .dayList(weekDays(recurrence.weekdays()));
        if (recurrence.intervalWeeks() != 1) {
            rule.interval(recurrence.intervalWeeks());
        }
        if (recurrence.lastDate() != null) {
            // RFC 5545: with a TZID start, UNTIL is in UTC; the last day's session is the last one allowed
            rule.until(ZonedDateTime.of(recurrence.lastDate(), recurrence.startTime(), recurrence.zone())
                    .toInstant());
        }
        if (recurrence.count() != null) {
            rule.count(recurrence.count());
        }
        return rule.build();
    }

    private static WeeklyRule weeklyRule(ContentLine line, ZoneId zone, LocalDateTime first) {
        noParameters(line);
        Set<String> names = new HashSet<>();
        for (String part : line.value().split(";", -1)) {
            int equals = part.indexOf('=');
            String name =
                    (equals < 0 ? part : part.substring(0, equals)).strip().toUpperCase(Locale.ROOT);
            if (equals < 0 || name.isEmpty()) {
                throw refused("The RRULE part '" + part + "' is not NAME=value. " + SUPPORTED);
            }
            if (!RULE_PARTS.contains(name)) {
                throw refused(name + " is not supported. " + SUPPORTED);
            }
            if (!names.add(name)) {
                throw refused("The RRULE names " + name + " twice.");
            }
        }
        Recur<Temporal> recur;
        try {
            recur = new Recur<>(line.value(), false);
        } catch (IllegalArgumentException | DateTimeException e) {
            throw refused("The RRULE " + line.value() + " cannot be read: " + e.getMessage(), e);
        }
        if (recur.getFrequency() != Frequency.WEEKLY) {
            throw refused("FREQ=" + recur.getFrequency() + " is not supported. " + SUPPORTED);
        }
        for (WeekDay day : recur.getDayList()) {
            if (day.getOffset() != 0) {
                throw refused("BYDAY=" + day + " (a numbered weekday) is not supported. " + SUPPORTED);
            }
        }
        if (recur.getWeekStartDay() != null && !WeekDay.MO.equals(recur.getWeekStartDay())) {
            throw refused("WKST=" + recur.getWeekStartDay() + " is not supported: Hearth's weeks start on Monday.");
        }
        if (names.contains("UNTIL") && names.contains("COUNT")) {
            throw refused("An RRULE ends with UNTIL or with COUNT, not both.");
        }
        Set<DayOfWeek> weekdays = EnumSet.noneOf(DayOfWeek.class);
        recur.getDayList().forEach(day -> weekdays.add(WeekDay.getDayOfWeek(day)));
        if (weekdays.isEmpty()) {
            // RFC 5545: a weekly rule without BYDAY meets on the first session's weekday
            weekdays.add(first.getDayOfWeek());
        }
        return new WeeklyRule(
                names.contains("INTERVAL") ? recur.getInterval() : 1,
                weekdays,
                recur.getUntil() == null ? null : lastDate(recur.getUntil(), zone, first.toLocalTime()),
                names.contains("COUNT") ? recur.getCount() : null);
    }

    /** The last local date whose session starts no later than UNTIL. */
    private static LocalDate lastDate(Temporal until, ZoneId zone, LocalTime startTime) {
        if (until instanceof LocalDate date) {
            return date;
        }
        Instant instant =
                until instanceof LocalDateTime local ? local.atZone(zone).toInstant() : Instant.from(until);
        LocalDate date = instant.atZone(zone).toLocalDate();
        return ZonedDateTime.of(date, startTime, zone).toInstant().isAfter(instant) ? date.minusDays(1) : date;
    }

    private static ZoneId zoneOf(ContentLine start) {
        allowOnly(start, "TZID", "VALUE");
        String value = start.parameters().get("VALUE");
        if (value != null && !value.equalsIgnoreCase("DATE-TIME")) {
            throw refused("DTSTART;VALUE=" + value + " is not supported: a session starts at a time of day, as in "
                    + EXAMPLE_START + ".");
        }
        String tzid = start.parameters().get("TZID");
        if (tzid == null) {
            throw refused("DTSTART " + start.value() + " has no TZID: give the clinic's time zone, as in "
                    + EXAMPLE_START + ", so that sessions keep their local time when the clocks change.");
        }
        return zone(tzid);
    }

    private static ZoneId zone(String tzid) {
        try {
            return ZoneId.of(tzid);
        } catch (DateTimeException e) {
            throw refused("TZID=" + tzid + " is not a time zone Hearth knows: use a name such as America/New_York.", e);
        }
    }

    private static LocalDateTime firstStart(ContentLine start) {
        try {
            return LocalDateTime.parse(start.value(), LOCAL_DATE_TIME);
        } catch (DateTimeException e) {
            throw refused("DTSTART " + start.value() + " is not a local date and time such as 20261103T180000.", e);
        }
    }

    private static Duration duration(ContentLine line) {
        noParameters(line);
        String value = line.value().strip().toUpperCase(Locale.ROOT);
        if (value.startsWith("-")) {
            throw refused("DURATION " + line.value() + " is negative: a session lasts some time, as in PT1H30M.");
        }
        if (value.startsWith("+")) {
            value = value.substring(1);
        }
        try {
            Matcher weeks = WEEKS.matcher(value);
            return weeks.matches() ? Duration.ofDays(7L * Integer.parseInt(weeks.group(1))) : Duration.parse(value);
        } catch (DateTimeException e) {
            throw refused("DURATION " + line.value() + " cannot be read: write it as PT1H30M.", e);
        }
    }

    private static Set<LocalDate> skippedDates(ContentLine line, ZoneId zone, LocalTime startTime) {
        allowOnly(line, "TZID", "VALUE");
        String type = line.parameters().getOrDefault("VALUE", "DATE-TIME").toUpperCase(Locale.ROOT);
        String tzid = line.parameters().get("TZID");
        if (!type.equals("DATE") && !type.equals("DATE-TIME")) {
            throw refused("EXDATE;VALUE=" + type + " is not supported: skip dates or date-times.");
        }
        if (tzid != null && !zone(tzid).equals(zone)) {
            throw refused("EXDATE;TZID=" + tzid + " is not the zone of DTSTART (" + zone.getId() + ").");
        }
        Set<LocalDate> dates = new TreeSet<>();
        for (String value : line.value().split(",")) {
            String text = value.strip();
            try {
                if (type.equals("DATE")) {
                    dates.add(LocalDate.parse(text, DATE));
                    continue;
                }
                Instant skipped = text.endsWith("Z") && tzid == null
                        ? Instant.from(UTC_DATE_TIME.parse(text))
                        : LocalDateTime.parse(text, LOCAL_DATE_TIME)
                                .atZone(zone)
                                .toInstant();
                LocalDate date = skipped.atZone(zone).toLocalDate();
                if (!ZonedDateTime.of(date, startTime, zone).toInstant().equals(skipped)) {
                    throw refused("EXDATE " + text + " is not at the sessions' start time (" + startTime + " in "
                            + zone.getId() + "), so it would skip nothing.");
                }
                dates.add(date);
            } catch (DateTimeException e) {
                throw refused("EXDATE " + text + " is not a date-time such as 20261124T180000.", e);
            }
        }
        return dates;
    }

    private static void noParameters(ContentLine line) {
        allowOnly(line);
    }

    private static void allowOnly(ContentLine line, String... names) {
        for (String parameter : line.parameters().keySet()) {
            if (!List.of(names).contains(parameter)) {
                throw refused(line.name() + ";" + parameter + " is not supported.");
            }
        }
    }

    private static ContentLine once(ContentLine earlier, ContentLine line) {
        if (earlier != null) {
            throw refused("The recurrence has more than one " + line.name() + " line.");
        }
        return line;
    }

    /** Splits a line longer than 75 octets as RFC 5545 says (ical4j's folding): all text here is ASCII. */
    private static String fold(String line) {
        StringWriter folded = new StringWriter();
        try (FoldingWriter writer = new FoldingWriter(folded, FoldingWriter.MAX_FOLD_LENGTH)) {
            writer.write(line);
        } catch (IOException e) {
            throw new UncheckedIOException("a line folded into a string", e);
        }
        return folded.toString();
    }

    private static Invalid refused(String message) {
        return new Invalid(Invalid.Subject.RECURRENCE, Invalid.Reason.written("meetings", message));
    }

    private static Invalid refused(String message, Throwable cause) {
        Invalid refused = refused(message);
        refused.initCause(cause);
        return refused;
    }

    private record WeeklyRule(int intervalWeeks, Set<DayOfWeek> weekdays, LocalDate lastDate, Integer count) {}

    /** {@code NAME;PARAM=value;PARAM="quoted value":value}, names in capitals. */
    private record ContentLine(String name, Map<String, String> parameters, String value) {

        static ContentLine read(String line) {
            int at = 0;
            while (at < line.length() && line.charAt(at) != ';' && line.charAt(at) != ':') {
                at++;
            }
            String name = line.substring(0, at).strip().toUpperCase(Locale.ROOT);
            if (name.isEmpty() || at == line.length()) {
                throw refused("'" + line + "' is not an RFC 5545 line such as " + EXAMPLE_START + ".");
            }
            Map<String, String> parameters = new LinkedHashMap<>();
            while (line.charAt(at) == ';') {
                int equals = line.indexOf('=', at);
                if (equals < 0) {
                    throw refused("A parameter of " + name + " has no value: " + line);
                }
                String parameter = line.substring(at + 1, equals).strip().toUpperCase(Locale.ROOT);
                int end;
                String value;
                if (equals + 1 < line.length() && line.charAt(equals + 1) == '"') {
                    int close = line.indexOf('"', equals + 2);
                    if (close < 0) {
                        throw refused("A quoted parameter of " + name + " is not closed: " + line);
                    }
                    value = line.substring(equals + 2, close);
                    end = close + 1;
                } else {
                    end = equals + 1;
                    while (end < line.length() && line.charAt(end) != ';' && line.charAt(end) != ':') {
                        end++;
                    }
                    value = line.substring(equals + 1, end);
                }
                if (end >= line.length() || (line.charAt(end) != ';' && line.charAt(end) != ':')) {
                    throw refused("'" + line + "' has no value after its parameters.");
                }
                if (parameters.put(parameter, value) != null) {
                    throw refused(name + " names the parameter " + parameter + " twice.");
                }
                at = end;
            }
            return new ContentLine(name, parameters, line.substring(at + 1));
        }
    }
}
