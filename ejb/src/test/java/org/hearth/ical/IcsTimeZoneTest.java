package org.hearth.ical;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import net.fortuna.ical4j.model.Recur;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The VTIMEZONE is read back the way a calendar application reads it: every observance's onsets (its
 * DTSTART and, through ical4j, its RRULE) give the offset from then on. That offset must be the zone's
 * own at every hour over five years, clock changes included.
 */
class IcsTimeZoneTest {

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss");

    @ParameterizedTest
    @ValueSource(
            strings = {
                "America/New_York",
                "Europe/Madrid",
                "Australia/Sydney",
                "America/Sao_Paulo",
                "Asia/Kolkata",
                "UTC"
            })
    void readBackTheOffsetsAreTheZonesOwnEveryHourForFiveYears(String id) {
        ZoneId zone = ZoneId.of(id);
        List<String> lines = List.of(IcsTimeZone.component(zone, LocalDate.of(2026, 3, 1))
                .toString()
                .replace("\r\n ", "")
                .split("\r\n"));

        assertThat(lines).startsWith("BEGIN:VTIMEZONE", "TZID:" + id).endsWith("END:VTIMEZONE");
        TreeMap<Instant, ZoneOffset> onsets = onsets(lines, LocalDateTime.of(2031, 1, 1, 0, 0));
        for (Instant at = Instant.parse("2025-01-01T00:00:00Z");
                at.isBefore(Instant.parse("2030-12-31T00:00:00Z"));
                at = at.plus(1, ChronoUnit.HOURS)) {
            Map.Entry<Instant, ZoneOffset> inForce = onsets.floorEntry(at);
            assertThat(inForce).as("an observance in force at %s", at).isNotNull();
            assertThat(inForce.getValue())
                    .as("offset at %s", at)
                    .isEqualTo(zone.getRules().getOffset(at));
        }
    }

    @Test
    void yearlyRulesAreWrittenAsCalendarsWriteThem() {
        var newYork = ZoneId.of("America/New_York").getRules().getTransitionRules();
        assertThat(newYork)
                .extracting(rule -> IcsTimeZone.rule(rule).toString())
                .containsExactly("FREQ=YEARLY;BYMONTH=3;BYDAY=2SU", "FREQ=YEARLY;BYMONTH=11;BYDAY=1SU");
        var madrid = ZoneId.of("Europe/Madrid").getRules().getTransitionRules();
        assertThat(madrid)
                .extracting(rule -> IcsTimeZone.rule(rule).toString())
                .containsExactly("FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU", "FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU");
    }

    /** Each onset instant (local onset at the offset before it) with the offset that starts there. */
    static TreeMap<Instant, ZoneOffset> onsets(List<String> lines, LocalDateTime until) {
        TreeMap<Instant, ZoneOffset> onsets = new TreeMap<>();
        List<String> block = new ArrayList<>();
        for (String line : lines) {
            if (line.equals("BEGIN:STANDARD") || line.equals("BEGIN:DAYLIGHT")) {
                block.clear();
            } else if (line.equals("END:STANDARD") || line.equals("END:DAYLIGHT")) {
                LocalDateTime start = LocalDateTime.parse(value(block, "DTSTART"), LOCAL);
                ZoneOffset before = offset(value(block, "TZOFFSETFROM"));
                ZoneOffset after = offset(value(block, "TZOFFSETTO"));
                Set<LocalDateTime> starts = new HashSet<>(List.of(start));
                String rule = value(block, "RRULE");
                if (rule != null) {
                    starts.addAll(new Recur<LocalDateTime>(rule).getDates(start, start, until));
                }
                for (LocalDateTime local : starts) {
                    onsets.put(local.toInstant(before), after);
                }
            } else {
                block.add(line);
            }
        }
        return onsets;
    }

    private static String value(List<String> block, String name) {
        return block.stream()
                .filter(line -> line.startsWith(name + ":"))
                .map(line -> line.substring(name.length() + 1))
                .findFirst()
                .orElse(null);
    }

    private static ZoneOffset offset(String text) {
        int sign = text.charAt(0) == '-' ? -1 : 1;
        int hours = Integer.parseInt(text.substring(1, 3));
        int minutes = Integer.parseInt(text.substring(3, 5));
        int seconds = text.length() > 5 ? Integer.parseInt(text.substring(5, 7)) : 0;
        return ZoneOffset.ofTotalSeconds(sign * (hours * 3600 + minutes * 60 + seconds));
    }
}
