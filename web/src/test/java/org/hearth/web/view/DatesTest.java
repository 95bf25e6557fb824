package org.hearth.web.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class DatesTest {

    private static final LocalDate MONDAY = LocalDate.of(2026, 12, 7);
    private static final Locale ENGLISH = Locale.forLanguageTag("en");
    private static final Locale SPANISH = Locale.forLanguageTag("es");

    @Test
    void aDayInASentenceIsWrittenOutInTheReadersLanguage() {
        assertThat(Dates.longDay(MONDAY, ENGLISH)).isEqualTo("Monday, December 7, 2026");
        assertThat(Dates.longDay(MONDAY, SPANISH)).isEqualTo("lunes, 7 de diciembre de 2026");
    }

    @Test
    void aDayInATableIsShortAndStillNamesTheMonth() {
        assertThat(Dates.day(MONDAY, ENGLISH)).isEqualTo("Dec 7, 2026");
        assertThat(Dates.day(MONDAY, SPANISH)).isEqualTo("7 dic 2026");
    }

    @Test
    void aSessionShowsItsDayAndItsTimeOnTheTwentyFourHourClock() {
        assertThat(Dates.dayAt(MONDAY, "10:00", ENGLISH)).isEqualTo("Dec 7, 2026 10:00");
        assertThat(Dates.dayAt(MONDAY, LocalTime.of(18, 30), SPANISH)).isEqualTo("7 dic 2026 18:30");
        assertThat(Dates.dayAt(MONDAY, null, ENGLISH)).isEqualTo("Dec 7, 2026");
    }

    @Test
    void anInstantIsReadOnTheClinicsClockNotTheServers() {
        Instant lateEveningInChicago = Instant.parse("2026-12-08T03:30:00Z");
        assertThat(Dates.at(lateEveningInChicago, ZoneId.of("America/Chicago"), ENGLISH))
                .isEqualTo("Dec 7, 2026 21:30");
        assertThat(Dates.at(lateEveningInChicago, ZoneId.of("Europe/Madrid"), SPANISH))
                .isEqualTo("8 dic 2026 04:30");
    }

    @Test
    void noDateReadsAsNothing() {
        assertThat(Dates.day(null, ENGLISH)).isEmpty();
        assertThat(Dates.at(null, ZoneId.of("UTC"), ENGLISH)).isEmpty();
    }
}
