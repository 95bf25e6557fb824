package org.hearth.feeds;

import static java.time.DayOfWeek.TUESDAY;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Recur;
import org.hearth.groups.GroupRecurrence;
import org.hearth.groups.Occurrence;
import org.junit.jupiter.api.Test;

/**
 * A group's feed read back as a calendar application reads a repeating event: the RRULE expanded from
 * DTSTART, EXDATEs taken out, RECURRENCE-ID overrides put in their place, single events added. What it
 * shows must be the group's sessions as held, no more and no less, across the November clock change.
 */
class GroupCalendarTest {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss");
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'");
    private static final Instant STAMP = Instant.parse("2026-11-23T12:00:00Z");

    /** Tuesdays 18:00-19:30 from 6 October, eight meeting days, 13 October skipped when defined. */
    private final GroupRecurrence rule = GroupRecurrence.weekly(
                    LocalDate.of(2026, 10, 6), LocalTime.of(18, 0), Duration.ofMinutes(90), NEW_YORK)
            .on(TUESDAY)
            .times(8)
            .skipping(LocalDate.of(2026, 10, 13));

    @Test
    void theSeriesShowsEverySessionAsHeldAndNothingElse() throws Exception {
        List<GroupCalendar.Meeting> meetings = new ArrayList<>();
        long id = 100;
        for (Occurrence o : rule.occurrences()) {
            LocalDate day = o.date();
            if (day.equals(LocalDate.of(2026, 11, 3))) {
                continue; // never made: the room was taken that evening
            }
            boolean cancelled = day.equals(LocalDate.of(2026, 10, 20));
            boolean moved = day.equals(LocalDate.of(2026, 11, 10));
            meetings.add(new GroupCalendar.Meeting(
                    id++,
                    day,
                    moved ? o.start().plus(Duration.ofHours(1)) : o.start(),
                    moved ? o.end().plus(Duration.ofHours(1)) : o.end(),
                    moved ? "Room 2" : "Group room",
                    cancelled));
        }
        // made by the group's earlier rule, on a day the present rule does not give
        Instant earlier = ZonedDateTime.of(2026, 9, 29, 17, 0, 0, 0, NEW_YORK).toInstant();
        meetings.add(new GroupCalendar.Meeting(
                99, LocalDate.of(2026, 9, 29), earlier, earlier.plusSeconds(5400), "Group room", false));

        IcsCalendar calendar = new IcsCalendar("Hearth support group");
        GroupCalendar.add(calendar, 7, rule, "Group room", meetings, STAMP);
        String text = calendar.text();

        new CalendarBuilder().build(new StringReader(text)); // a calendar parser takes it
        assertThat(text)
                .contains("BEGIN:VTIMEZONE\r\nTZID:America/New_York\r\n")
                .contains("RRULE:FREQ=WEEKLY;WKST=MO;COUNT=8;BYDAY=TU\r\n")
                .contains("SUMMARY:Support group\r\n");

        Set<String> shown = expand(text);
        Set<String> held = new HashSet<>();
        for (GroupCalendar.Meeting m : meetings) {
            if (!m.cancelled()) {
                held.add(m.start() + "/" + m.end() + " " + m.room());
            }
        }
        assertThat(shown).containsExactlyInAnyOrderElementsOf(held);
        assertThat(shown)
                .as("6 pm on the clinic's clock before and after the clocks fall back on 1 November")
                .contains(
                        "2026-10-27T22:00:00Z/2026-10-27T23:30:00Z Group room",
                        "2026-11-17T23:00:00Z/2026-11-18T00:30:00Z Group room");
    }

    /** Every (start/end room) a calendar would show, from the feed's text alone. */
    private static Set<String> expand(String text) {
        List<Map<String, String>> events = new ArrayList<>();
        Map<String, String> event = null;
        for (String line : text.replace("\r\n ", "").split("\r\n")) {
            if (line.equals("BEGIN:VEVENT")) {
                event = new HashMap<>();
            } else if (line.equals("END:VEVENT")) {
                events.add(event);
                event = null;
            } else if (event != null) {
                int colon = line.indexOf(':');
                event.put(line.substring(0, colon), line.substring(colon + 1));
            }
        }
        Set<String> shown = new HashSet<>();
        Map<LocalDateTime, String> overrides = new HashMap<>();
        for (Map<String, String> e : events) {
            String recurrenceId = e.get("RECURRENCE-ID;TZID=America/New_York");
            if (recurrenceId != null) {
                overrides.put(LocalDateTime.parse(recurrenceId, LOCAL), single(e));
            } else if (e.get("RRULE") == null && e.get("STATUS").equals("CONFIRMED")) {
                shown.add(single(e));
            }
        }
        for (Map<String, String> e : events) {
            if (e.get("RRULE") == null) {
                continue;
            }
            LocalDateTime start = LocalDateTime.parse(e.get("DTSTART;TZID=America/New_York"), LOCAL);
            Duration length = Duration.parse(e.get("DURATION"));
            Set<LocalDateTime> excluded = new HashSet<>();
            String exdates = e.get("EXDATE;TZID=America/New_York");
            if (exdates != null) {
                Arrays.stream(exdates.split(","))
                        .map(d -> LocalDateTime.parse(d, LOCAL))
                        .forEach(excluded::add);
            }
            List<LocalDateTime> days =
                    new Recur<LocalDateTime>(e.get("RRULE")).getDates(start, start, start.plusYears(1));
            for (LocalDateTime day : days) {
                if (excluded.contains(day)) {
                    continue;
                }
                if (overrides.containsKey(day)) {
                    shown.add(overrides.get(day));
                    continue;
                }
                Instant begins = ZonedDateTime.of(day, NEW_YORK).toInstant();
                shown.add(begins + "/" + begins.plus(length) + " " + e.get("LOCATION"));
            }
        }
        return shown;
    }

    private static String single(Map<String, String> e) {
        return LocalDateTime.parse(e.get("DTSTART"), UTC).toInstant(ZoneOffset.UTC) + "/"
                + LocalDateTime.parse(e.get("DTEND"), UTC).toInstant(ZoneOffset.UTC) + " "
                + e.get("LOCATION");
    }
}
