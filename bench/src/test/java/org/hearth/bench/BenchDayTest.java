package org.hearth.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BenchDayTest {

    /** The migrations' opening hours: Monday to Saturday, closed on Sundays. */
    private static final Set<Integer> MONDAY_TO_SATURDAY = Set.of(1, 2, 3, 4, 5, 6);

    private static Clock at(String instant) {
        return Clock.fixed(Instant.parse(instant), ZoneOffset.UTC);
    }

    @Test
    void onAnOpenDayWithSessionsTheFrontDeskWorksToday() {
        // Monday 2026-12-07, 10:00 in New York
        assertThat(BenchDay.pick(at("2026-12-07T15:00:00Z"), MONDAY_TO_SATURDAY, Set.of(), day -> true))
                .contains(LocalDate.of(2026, 12, 7));
    }

    @Test
    void onASundayItWorksOnMondayTheClinicsNextOpenDay() {
        assertThat(BenchDay.pick(at("2026-12-06T15:00:00Z"), MONDAY_TO_SATURDAY, Set.of(), day -> true))
                .contains(LocalDate.of(2026, 12, 7));
    }

    @Test
    void theDayIsTheClinicsNotUtcs() {
        // 03:30 UTC on Monday is still Sunday evening in New York: the clinic is closed, Monday is next
        assertThat(BenchDay.pick(at("2026-12-07T03:30:00Z"), MONDAY_TO_SATURDAY, Set.of(), day -> true))
                .contains(LocalDate.of(2026, 12, 7));
        // and 03:30 UTC on Sunday is Saturday evening there: open, with sessions, so Saturday it is
        assertThat(BenchDay.pick(at("2026-12-06T03:30:00Z"), MONDAY_TO_SATURDAY, Set.of(), day -> true))
                .contains(LocalDate.of(2026, 12, 5));
    }

    @Test
    void aClosureIsSkippedLikeASunday() {
        Set<LocalDate> closures = Set.of(LocalDate.of(2026, 12, 7), LocalDate.of(2026, 12, 8));
        assertThat(BenchDay.pick(at("2026-12-06T15:00:00Z"), MONDAY_TO_SATURDAY, closures, day -> true))
                .contains(LocalDate.of(2026, 12, 9));
    }

    @Test
    void anOpenDayWithoutSessionsLeftGivesWayToTheNextOneWithSome() {
        // earlier runs checked in all of Monday's sessions
        assertThat(BenchDay.pick(
                        at("2026-12-07T22:00:00Z"),
                        MONDAY_TO_SATURDAY,
                        Set.of(),
                        day -> !day.equals(LocalDate.of(2026, 12, 7))))
                .contains(LocalDate.of(2026, 12, 8));
    }

    @Test
    void noDayWhenNothingIsScheduledInTheNextMonth() {
        assertThat(BenchDay.pick(at("2026-12-06T15:00:00Z"), MONDAY_TO_SATURDAY, Set.of(), day -> false))
                .isEmpty();
        assertThat(BenchDay.pick(at("2026-12-06T15:00:00Z"), Set.of(), Set.of(), day -> true))
                .isEmpty();
    }
}
