package org.hearth.schedule;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * An iCalendar (RFC 5545) document of sessions for a calendar application. It carries no client name and
 * no clinical word: a summary such as "Family session", the room, the time. Times are UTC.
 */
public final class IcsCalendar {

    private static final DateTimeFormatter UTC =
            DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final String name;
    private final List<String> lines = new ArrayList<>();

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

    /** The document, CRLF line ends and folded lines. */
    public String text() {
        List<String> all = new ArrayList<>();
        all.add("BEGIN:VCALENDAR");
        all.add("VERSION:2.0");
        all.add("PRODID:-//Hearth//Clinic family programs//EN");
        all.add("CALSCALE:GREGORIAN");
        all.add("METHOD:PUBLISH");
        all.add("X-WR-CALNAME:" + IcsLines.text(name));
        all.addAll(lines);
        all.add("END:VCALENDAR");
        StringBuilder text = new StringBuilder();
        for (String line : all) {
            text.append(IcsLines.fold(line)).append(IcsLines.CRLF);
        }
        return text.toString();
    }
}
