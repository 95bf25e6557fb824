package org.hearth.feeds;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.hearth.groups.IcsLines;
import org.junit.jupiter.api.Test;

class IcsCalendarTest {

    private static final Instant STAMP = Instant.parse("2026-11-23T12:00:00Z");

    @Test
    void anEventCarriesUtcTimesTheRoomAndItsStatusWithCrlfLineEnds() {
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
                .startsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n")
                .endsWith("END:VCALENDAR\r\n")
                .contains("UID:appointment-7@hearth\r\n")
                .contains("DTSTART:20261201T150000Z\r\nDTEND:20261201T160000Z\r\n")
                .contains("LOCATION:Room 1\r\nSTATUS:CONFIRMED\r\n")
                .contains("LOCATION:Telehealth\r\nSTATUS:CANCELLED\r\n");
        assertThat(text.replace("\r\n", "")).doesNotContain("\n").doesNotContain("\r");
    }

    @Test
    void textIsEscapedAndLongLinesFoldAtSeventyFiveOctetsWithoutSplittingACharacter() {
        assertThat(IcsLines.text("Room 1, north; back\\door\nleft"))
                .isEqualTo("Room 1\\, north\\; back\\\\door\\nleft");

        String location = "LOCATION:" + "Sala de reuniones pequeña ".repeat(6);
        String folded = IcsLines.fold(location);
        for (String line : folded.split("\r\n")) {
            assertThat(line.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(75);
        }
        assertThat(folded.replace("\r\n ", ""))
                .as("unfolding gives the line back")
                .isEqualTo(location);
    }
}
