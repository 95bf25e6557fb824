package org.hearth.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BookingRulesTest {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    // Monday 2 March 2026, 09:00 in New York
    private static final Instant NOW =
            LocalDateTime.of(2026, 3, 2, 9, 0).atZone(NEW_YORK).toInstant();

    private final BookingRules rules = new BookingRules(
            NEW_YORK,
            List.of(
                    new OpeningHours(DayOfWeek.MONDAY, LocalTime.of(8, 0), LocalTime.of(20, 0)),
                    new OpeningHours(DayOfWeek.TUESDAY, LocalTime.of(8, 0), LocalTime.of(20, 0)),
                    new OpeningHours(DayOfWeek.SATURDAY, LocalTime.of(9, 0), LocalTime.of(13, 0)),
                    new OpeningHours(DayOfWeek.SUNDAY, LocalTime.of(1, 0), LocalTime.of(6, 0))),
            Map.of(LocalDate.of(2026, 3, 3), "Staff training"));

    @Test
    void aSessionWithinOpeningHoursOfAnOpenDayInTheFutureIsAllowed() {
        assertThat(rules.check(LocalDateTime.of(2026, 3, 2, 10, 0), 60, NOW)).isEmpty();
        assertThat(rules.check(LocalDateTime.of(2026, 3, 2, 19, 0), 60, NOW))
                .as("ending exactly at closing time")
                .isEmpty();
        assertThat(rules.instantOf(LocalDateTime.of(2026, 3, 2, 10, 0)))
                .contains(Instant.parse("2026-03-02T15:00:00Z"));
    }

    @Test
    void thePastIsRefused() {
        assertThat(rules.check(LocalDateTime.of(2026, 3, 2, 8, 30), 30, NOW))
                .containsExactly(ScheduleRefusal.of("schedule.past"));
        assertThat(rules.check(LocalDateTime.of(2026, 3, 2, 9, 0), 30, NOW))
                .as("starting right now is already too late")
                .containsExactly(ScheduleRefusal.of("schedule.past"));
    }

    @Test
    void closuresAndClosedWeekdaysAreRefusedNamingTheDay() {
        assertThat(rules.check(LocalDateTime.of(2026, 3, 3, 10, 0), 60, NOW))
                .containsExactly(ScheduleRefusal.of("schedule.closed", "2026-03-03", "Staff training"));
        assertThat(rules.check(LocalDateTime.of(2026, 3, 4, 10, 0), 60, NOW))
                .containsExactly(ScheduleRefusal.of("schedule.closedWeekday", "2026-03-04"));
    }

    @Test
    void sessionsMustStartAndEndWithinTheDaysHours() {
        ScheduleRefusal saturdayHours = ScheduleRefusal.of("schedule.hours", "2026-03-07", "09:00", "13:00");
        assertThat(rules.check(LocalDateTime.of(2026, 3, 7, 8, 30), 60, NOW)).containsExactly(saturdayHours);
        assertThat(rules.check(LocalDateTime.of(2026, 3, 7, 12, 30), 60, NOW)).containsExactly(saturdayHours);
        assertThat(rules.check(LocalDateTime.of(2026, 3, 7, 12, 0), 60, NOW)).isEmpty();
    }

    @Test
    void aSessionLastsFifteenMinutesToFourHours() {
        ScheduleRefusal length = ScheduleRefusal.of("schedule.length", "15", "240");
        assertThat(rules.check(LocalDateTime.of(2026, 3, 2, 10, 0), 10, NOW)).containsExactly(length);
        assertThat(rules.check(LocalDateTime.of(2026, 3, 2, 10, 0), 241, NOW)).containsExactly(length);
        assertThat(rules.check(LocalDateTime.of(2026, 3, 2, 10, 0), 240, NOW)).isEmpty();
    }

    @Test
    void aLocalTimeSkippedByTheSpringClockChangeIsRefused() {
        // 8 March 2026: New York clocks jump from 02:00 to 03:00
        assertThat(rules.check(LocalDateTime.of(2026, 3, 8, 2, 30), 30, NOW))
                .containsExactly(ScheduleRefusal.of("schedule.time.missing", "02:30"));
        assertThat(rules.instantOf(LocalDateTime.of(2026, 3, 8, 2, 30))).isEmpty();
        assertThat(rules.check(LocalDateTime.of(2026, 3, 8, 3, 0), 30, NOW)).isEmpty();
    }
}
