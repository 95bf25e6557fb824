package org.hearth.feeds;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.zone.ZoneRulesProvider;
import java.util.List;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.hearth.groups.GroupRecurrence;
import org.junit.jupiter.api.Test;

class IcsCalendarTest {

    private static final Instant STAMP = Instant.parse("2026-11-23T12:00:00Z");

    @Test
    void anEventCarriesUtcTimesTheRoomAndItsStatusWithCrlfLineEnds() throws Exception {
        String text = new IcsCalendar("Hearth")
                .event(
                        "appointment-7@hearth",
                        Instant.parse("2026-12-01T15:00:00Z"),
                        Instant.parse("2026-12-01T16:00:00Z"),
                        "Family session",
                        "Room 1",
                        false,
                        STAMP)
                .event(
                        "appointment-8@hearth",
                        Instant.parse("2026-12-02T15:00:00Z"),
                        Instant.parse("2026-12-02T15:50:00Z"),
                        "Family session",
                        "Telehealth",
                        true,
                        STAMP)
                .text();

        assertThat(text)
                .startsWith("BEGIN:VCALENDAR\r\n")
                .contains("VERSION:2.0\r\n")
                .endsWith("END:VCALENDAR\r\n")
                .contains("UID:appointment-7@hearth\r\n")
                .contains("DTSTART:20261201T150000Z\r\nDTEND:20261201T160000Z\r\n")
                .contains("LOCATION:Room 1\r\nSTATUS:CONFIRMED\r\n")
                .contains("LOCATION:Telehealth\r\nSTATUS:CANCELLED\r\n");
        assertThat(text.replace("\r\n", "")).doesNotContain("\n").doesNotContain("\r");

        Calendar read = new CalendarBuilder().build(new StringReader(text));
        List<VEvent> events = read.getComponents("VEVENT");
        assertThat(events)
                .extracting(
                        e -> value(e, "UID"),
                        e -> value(e, "DTSTAMP"),
                        e -> value(e, "DTSTART"),
                        e -> value(e, "SUMMARY"),
                        e -> value(e, "STATUS"))
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                "appointment-7@hearth",
                                "20261123T120000Z",
                                "20261201T150000Z",
                                "Family session",
                                "CONFIRMED"),
                        org.assertj.core.groups.Tuple.tuple(
                                "appointment-8@hearth",
                                "20261123T120000Z",
                                "20261202T150000Z",
                                "Family session",
                                "CANCELLED"));
    }

    @Test
    void textIsEscapedAndLongLinesAreFoldedSoACalendarReadsThemBackAsWritten() throws Exception {
        String location = "Room 1, north; back\\door\nleft - "
                + "Sala de reuniones pequeña ".repeat(6).strip();
        String text = new IcsCalendar("Hearth, north; clinic")
                .event(
                        "appointment-9@hearth",
                        Instant.parse("2026-12-01T15:00:00Z"),
                        Instant.parse("2026-12-01T16:00:00Z"),
                        "Family session",
                        location,
                        false,
                        STAMP)
                .text();

        assertThat(text).contains("LOCATION:Room 1\\, north\\; back\\\\door\\nleft");
        assertThat(text).contains("X-WR-CALNAME:Hearth\\, north\\; clinic\r\n");
        assertThat(text.split("\r\n"))
                .allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(75));
        assertThat(text.split("\r\n")).anySatisfy(line -> assertThat(line).startsWith(" "));

        Calendar read = new CalendarBuilder().build(new StringReader(text));
        VEvent event = read.<VEvent>getComponents("VEVENT").get(0);
        assertThat(value(event, "LOCATION")).isEqualTo(location);
        assertThat(value(read, "X-WR-CALNAME")).isEqualTo("Hearth, north; clinic");
    }

    /**
     * ical4j installs its own zone rules provider in the JVM when it resolves a TZID through its registry; a server
     * cannot take that back, and a redeployed Hearth would then fail to install it again. Writing a group's feed
     * (TZIDs, a VTIMEZONE) must leave the JVM's zones as they were: checked in a JVM of its own, since other tests
     * parse calendars, which does install it.
     */
    @Test
    void writingAGroupsFeedLeavesTheJvmsTimeZonesAlone() throws Exception {
        Process probe = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        WritesAFeed.class.getName())
                .redirectErrorStream(true)
                .start();
        String output = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(probe.waitFor()).as(output).isZero();
        assertThat(output).contains("BEGIN:VTIMEZONE").contains("zones added: 0");
    }

    /** Writes a group's feed and counts the zone ids the JVM gained meanwhile. */
    public static final class WritesAFeed {
        public static void main(String[] args) {
            int before = ZoneRulesProvider.getAvailableZoneIds().size();
            GroupRecurrence rule = GroupRecurrence.weekly(
                            LocalDate.of(2026, 10, 6),
                            LocalTime.of(18, 0),
                            Duration.ofMinutes(90),
                            ZoneId.of("America/New_York"))
                    .on(DayOfWeek.TUESDAY)
                    .times(8)
                    .skipping(LocalDate.of(2026, 10, 13));
            IcsCalendar calendar = new IcsCalendar("Hearth support group");
            GroupCalendar.add(calendar, 7, rule, "Group room", List.of(), STAMP);
            System.out.println(calendar.text());
            System.out.println(
                    "zones added: " + (ZoneRulesProvider.getAvailableZoneIds().size() - before));
        }
    }

    private static String value(VEvent event, String name) {
        return event.getProperty(name).map(Property::getValue).orElse(null);
    }

    private static String value(Calendar calendar, String name) {
        return calendar.getProperty(name).map(Property::getValue).orElse(null);
    }
}
