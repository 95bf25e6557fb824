package org.hearth.feeds;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.hearth.groups.GroupRecurrence;
import org.hearth.groups.IcsLines;

/**
 * An iCalendar (RFC 5545) document of sessions for a calendar application. It carries no client name and
 * no clinical word: a summary such as "Family session", the room, the time. Single events are in UTC; a
 * group's series keeps the clinic's wall-clock time (TZID with its VTIMEZONE), as its rule does.
 */
public final class IcsCalendar {

    private static final DateTimeFormatter UTC =
            DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final String name;
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss");

    private final List<String> lines = new ArrayList<>();
    private final List<String> timeZones = new ArrayList<>();
    private final Set<String> zones = new HashSet<>();

    public IcsCalendar(String name) {
        this.name = name;
    }

    /** One event; a cancelled one stays in the feed as CANCELLED so calendars remove it. */
    public IcsCalendar event(
            String uid, Instant start, Instant end, String summary, String location, boolean cancelled, Instant stamp) {
        lines.add("BEGIN:VEVENT");
        lines.add("UID:" + IcsLines.text(uid));
        lines.add("DTSTAMP:" + UTC.format(stamp));
        lines.add("DTSTART:" + UTC.format(start));
        lines.add("DTEND:" + UTC.format(end));
        lines.add("SUMMARY:" + IcsLines.text(summary));
        if (location != null) {
            lines.add("LOCATION:" + IcsLines.text(location));
        }
        lines.add("STATUS:" + (cancelled ? "CANCELLED" : "CONFIRMED"));
        lines.add("TRANSP:OPAQUE");
        lines.add("END:VEVENT");
        return this;
    }

    /** The VTIMEZONE a series in {@code zone} needs, for events from {@code from} on; added once per zone. */
    public IcsCalendar timeZone(ZoneId zone, LocalDate from) {
        if (zones.add(zone.getId())) {
            timeZones.addAll(IcsTimeZone.lines(zone, from));
        }
        return this;
    }

    /**
     * A recurring event: {@code rule} holds its DTSTART (with the TZID of a zone added by
     * {@link #timeZone}), DURATION, RRULE and EXDATE lines as {@link GroupRecurrence#toRfc5545()} writes them.
     */
    public IcsCalendar series(String uid, String rule, String summary, String location, Instant stamp) {
        lines.add("BEGIN:VEVENT");
        lines.add("UID:" + IcsLines.text(uid));
        lines.add("DTSTAMP:" + UTC.format(stamp));
        for (String line : rule.replaceAll("\r\n[ \t]", "").split("\r\n")) {
            lines.add(line);
        }
        lines.add("SUMMARY:" + IcsLines.text(summary));
        lines.add("LOCATION:" + IcsLines.text(location));
        lines.add("STATUS:CONFIRMED");
        lines.add("TRANSP:OPAQUE");
        lines.add("END:VEVENT");
        return this;
    }

    /**
     * One occurrence of a series held differently: the occurrence the rule gave at {@code ruled} (local time
     * in {@code zone}) takes place from {@code start} to {@code end} in {@code location} (RFC 5545
     * RECURRENCE-ID).
     */
    public IcsCalendar override(
            String uid,
            LocalDateTime ruled,
            ZoneId zone,
            Instant start,
            Instant end,
            String summary,
            String location,
            Instant stamp) {
        lines.add("BEGIN:VEVENT");
        lines.add("UID:" + IcsLines.text(uid));
        lines.add("RECURRENCE-ID;TZID=" + zone.getId() + ":" + LOCAL.format(ruled));
        lines.add("DTSTAMP:" + UTC.format(stamp));
        lines.add("DTSTART:" + UTC.format(start));
        lines.add("DTEND:" + UTC.format(end));
        lines.add("SUMMARY:" + IcsLines.text(summary));
        lines.add("LOCATION:" + IcsLines.text(location));
        lines.add("STATUS:CONFIRMED");
        lines.add("TRANSP:OPAQUE");
        lines.add("END:VEVENT");
        return this;
    }

    /** The document, CRLF line ends and folded lines. */
    public String text() {
        List<String> all = new ArrayList<>();
        all.add("BEGIN:VCALENDAR");
        all.add("VERSION:2.0");
        all.add("PRODID:-//Hearth//Clinic family programs//EN");
        all.add("CALSCALE:GREGORIAN");
        all.add("METHOD:PUBLISH");
        all.add("X-WR-CALNAME:" + IcsLines.text(name));
        all.addAll(timeZones);
        all.addAll(lines);
        all.add("END:VCALENDAR");
        StringBuilder text = new StringBuilder();
        for (String line : all) {
            text.append(IcsLines.fold(line)).append(IcsLines.CRLF);
        }
        return text.toString();
    }
}
