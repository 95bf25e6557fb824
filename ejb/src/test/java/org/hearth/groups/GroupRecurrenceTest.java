package org.hearth.groups;

import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.SUNDAY;
import static java.time.DayOfWeek.THURSDAY;
import static java.time.DayOfWeek.TUESDAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class GroupRecurrenceTest {

    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    static final ZoneId MADRID = ZoneId.of("Europe/Madrid");
    static final Duration NINETY_MINUTES = Duration.ofMinutes(90);

    /** A parents' group: Tuesdays, 6 pm, 90 minutes, at a New York clinic. */
    static GroupRecurrence tuesdayEvenings(LocalDate firstTuesday) {
        return GroupRecurrence.weekly(firstTuesday, LocalTime.of(18, 0), NINETY_MINUTES, NEW_YORK);
    }

    private static List<LocalDate> datesOf(GroupRecurrence recurrence) {
        return recurrence.occurrences().stream().map(Occurrence::date).toList();
    }

    private static LocalDate date(String text) {
        return LocalDate.parse(text);
    }

    @Test
    void aWeeklyGroupMeetsEveryWeekOnTheWeekdayOfItsFirstDate() {
        GroupRecurrence recurrence = tuesdayEvenings(date("2026-11-03")).times(4);

        assertThat(recurrence.weekdays()).containsExactly(TUESDAY);
        assertThat(datesOf(recurrence))
                .containsExactly(date("2026-11-03"), date("2026-11-10"), date("2026-11-17"), date("2026-11-24"));
    }

    @Test
    void eachOccurrenceStartsAtTheLocalTimeAndLastsTheDuration() {
        Occurrence first =
                tuesdayEvenings(date("2026-11-03")).times(1).occurrences().get(0);

        assertThat(first.date()).isEqualTo(date("2026-11-03"));
        assertThat(first.start()).isEqualTo(Instant.parse("2026-11-03T23:00:00Z"));
        assertThat(first.end()).isEqualTo(Instant.parse("2026-11-04T00:30:00Z"));
        assertThat(first.slot().duration()).isEqualTo(NINETY_MINUTES);
    }

    @Test
    void everyTwoWeeksSkipsTheWeeksBetween() {
        GroupRecurrence recurrence =
                tuesdayEvenings(date("2026-11-03")).everyWeeks(2).until(date("2026-12-31"));

        assertThat(datesOf(recurrence))
                .containsExactly(
                        date("2026-11-03"),
                        date("2026-11-17"),
                        date("2026-12-01"),
                        date("2026-12-15"),
                        date("2026-12-29"));
    }

    @Test
    void aGroupMayMeetOnSeveralWeekdaysEveryOtherWeek() {
        GroupRecurrence recurrence = GroupRecurrence.weekly(
                        date("2026-01-08"), LocalTime.of(10, 0), NINETY_MINUTES, NEW_YORK)
                .on(MONDAY, THURSDAY)
                .everyWeeks(2)
                .times(5);

        assertThat(datesOf(recurrence))
                .containsExactly(
                        date("2026-01-08"),
                        date("2026-01-19"),
                        date("2026-01-22"),
                        date("2026-02-02"),
                        date("2026-02-05"));
    }

    @Test
    void weeksStartOnMondayWhateverTheServersLocale() {
        Locale before = Locale.getDefault();
        Locale.setDefault(Locale.US); // weeks start on Sunday there
        try {
            GroupRecurrence recurrence = GroupRecurrence.weekly(
                            date("2026-01-06"), LocalTime.of(10, 0), NINETY_MINUTES, NEW_YORK)
                    .on(TUESDAY, SUNDAY)
                    .everyWeeks(2)
                    .times(4);

            assertThat(datesOf(recurrence))
                    .containsExactly(date("2026-01-06"), date("2026-01-11"), date("2026-01-20"), date("2026-01-25"));
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void aLastDateAndTheMatchingCountGiveTheSameSessions() {
        GroupRecurrence byDate = tuesdayEvenings(date("2026-03-03")).until(date("2026-05-26"));
        GroupRecurrence byCount = tuesdayEvenings(date("2026-03-03")).times(13);

        assertThat(byDate.occurrences()).hasSize(13).isEqualTo(byCount.occurrences());
        assertThat(byDate.occurrences().get(12).date()).isEqualTo(date("2026-05-26"));
    }

    @Test
    void theLastDateIsIncludedAndAnythingAfterItIsNot() {
        assertThat(datesOf(tuesdayEvenings(date("2026-11-03")).until(date("2026-11-17"))))
                .containsExactly(date("2026-11-03"), date("2026-11-10"), date("2026-11-17"));
        assertThat(datesOf(tuesdayEvenings(date("2026-11-03")).until(date("2026-11-16"))))
                .containsExactly(date("2026-11-03"), date("2026-11-10"));
    }

    @Test
    void skippedDatesHoldNoSession() {
        GroupRecurrence recurrence = tuesdayEvenings(date("2026-11-03"))
                .until(date("2026-12-29"))
                .skipping(date("2026-11-24"), date("2026-12-22"), date("2026-12-29"));

        assertThat(datesOf(recurrence))
                .hasSize(6)
                .doesNotContain(date("2026-11-24"), date("2026-12-22"), date("2026-12-29"))
                .endsWith(date("2026-12-15"));
    }

    @Test
    void aCountIncludesTheSkippedDatesAsInRfc5545() {
        GroupRecurrence recurrence =
                tuesdayEvenings(date("2026-11-03")).times(10).skipping(date("2026-11-24"));

        assertThat(recurrence.occurrences()).hasSize(9);
        assertThat(recurrence.occurrences().get(8).date()).isEqualTo(date("2027-01-05"));
    }

    @Test
    void occurrencesBetweenTwoDatesIncludeBothEnds() {
        GroupRecurrence recurrence = tuesdayEvenings(date("2026-11-03")).times(12);

        assertThat(recurrence.occurrencesBetween(date("2026-11-10"), date("2026-11-24")))
                .extracting(Occurrence::date)
                .containsExactly(date("2026-11-10"), date("2026-11-17"), date("2026-11-24"));
        assertThat(recurrence.occurrencesBetween(date("2026-11-11"), date("2026-11-16")))
                .isEmpty();
    }

    @Test
    void aSixPmGroupStaysAtSixPmInNewYorkWhenTheClocksSpringForward() {
        // daylight saving starts on Sunday 8 March 2026
        List<Occurrence> sessions = tuesdayEvenings(date("2026-03-03")).times(2).occurrences();

        assertThat(sessions.get(0).start()).isEqualTo(Instant.parse("2026-03-03T23:00:00Z")); // EST, UTC-5
        assertThat(sessions.get(1).start()).isEqualTo(Instant.parse("2026-03-10T22:00:00Z")); // EDT, UTC-4
        assertThat(sessions)
                .allSatisfy(session -> assertThat(localStart(session, NEW_YORK)).isEqualTo(LocalTime.of(18, 0)))
                .allSatisfy(session -> assertThat(session.slot().duration()).isEqualTo(NINETY_MINUTES));
    }

    @Test
    void aSixPmGroupStaysAtSixPmInNewYorkWhenTheClocksFallBack() {
        // daylight saving ends on Sunday 1 November 2026
        List<Occurrence> sessions = tuesdayEvenings(date("2026-10-27")).times(2).occurrences();

        assertThat(sessions.get(0).start()).isEqualTo(Instant.parse("2026-10-27T22:00:00Z")); // EDT
        assertThat(sessions.get(1).start()).isEqualTo(Instant.parse("2026-11-03T23:00:00Z")); // EST
        assertThat(sessions)
                .allSatisfy(session -> assertThat(localStart(session, NEW_YORK)).isEqualTo(LocalTime.of(18, 0)));
    }

    @Test
    void aSevenPmGroupStaysAtSevenPmInMadridAcrossBothChanges() {
        // Europe changes on Sunday 29 March and Sunday 25 October 2026
        GroupRecurrence thursdays = GroupRecurrence.weekly(
                        date("2026-03-26"), LocalTime.of(19, 0), Duration.ofHours(2), MADRID)
                .until(date("2026-10-29"));

        List<Occurrence> sessions = thursdays.occurrences();
        assertThat(thursdays.occurrencesBetween(date("2026-03-26"), date("2026-04-02")))
                .extracting(Occurrence::start)
                .containsExactly(Instant.parse("2026-03-26T18:00:00Z"), Instant.parse("2026-04-02T17:00:00Z"));
        assertThat(thursdays.occurrencesBetween(date("2026-10-22"), date("2026-10-29")))
                .extracting(Occurrence::start)
                .containsExactly(Instant.parse("2026-10-22T17:00:00Z"), Instant.parse("2026-10-29T18:00:00Z"));
        assertThat(sessions).hasSize(32).allSatisfy(session -> assertThat(localStart(session, MADRID))
                .isEqualTo(LocalTime.of(19, 0)));
    }

    @Test
    void aStartTimeThatDoesNotExistOnTheSpringForwardDayMovesLaterByTheGap() {
        // 02:30 does not exist in New York on 8 March 2026: the clocks go from 02:00 EST to 03:00 EDT
        List<Occurrence> sessions = GroupRecurrence.weekly(
                        date("2026-03-01"), LocalTime.of(2, 30), Duration.ofHours(1), NEW_YORK)
                .times(3)
                .occurrences();

        Occurrence gapDay = sessions.get(1);
        assertThat(gapDay.date()).isEqualTo(date("2026-03-08"));
        assertThat(gapDay.start()).isEqualTo(Instant.parse("2026-03-08T07:30:00Z"));
        assertThat(localStart(gapDay, NEW_YORK)).isEqualTo(LocalTime.of(3, 30));
        assertThat(gapDay.slot().duration()).isEqualTo(Duration.ofHours(1));
        assertThat(localStart(sessions.get(0), NEW_YORK)).isEqualTo(LocalTime.of(2, 30));
        assertThat(localStart(sessions.get(2), NEW_YORK)).isEqualTo(LocalTime.of(2, 30));
    }

    @Test
    void aStartTimeInTheSpringGapInMadridMovesLaterByTheGapToo() {
        Occurrence gapDay = GroupRecurrence.weekly(date("2026-03-29"), LocalTime.of(2, 30), Duration.ofHours(1), MADRID)
                .times(1)
                .occurrences()
                .get(0);

        assertThat(gapDay.start()).isEqualTo(Instant.parse("2026-03-29T01:30:00Z"));
        assertThat(localStart(gapDay, MADRID)).isEqualTo(LocalTime.of(3, 30));
    }

    @Test
    void aStartTimeThatHappensTwiceOnTheFallBackDayIsTheFirstAndLastsItsElapsedDuration() {
        // 01:30 happens twice in New York on 1 November 2026: first in EDT, then in EST
        Occurrence fallBackDay = GroupRecurrence.weekly(
                        date("2026-11-01"), LocalTime.of(1, 30), Duration.ofHours(1), NEW_YORK)
                .times(1)
                .occurrences()
                .get(0);

        assertThat(fallBackDay.start()).isEqualTo(Instant.parse("2026-11-01T05:30:00Z")); // 01:30 EDT
        assertThat(fallBackDay.end()).isEqualTo(Instant.parse("2026-11-01T06:30:00Z")); // 01:30 EST
    }

    @Test
    void isImmutableAndKeepsWeekdaysFromMondayAndSkippedDatesInOrder() {
        GroupRecurrence recurrence = tuesdayEvenings(date("2026-11-03"))
                .on(THURSDAY, TUESDAY)
                .times(8)
                .skipping(date("2026-11-26"), date("2026-11-12"));

        assertThat(recurrence.weekdays()).containsExactly(TUESDAY, THURSDAY);
        assertThat(recurrence.skippedDates()).containsExactly(date("2026-11-12"), date("2026-11-26"));
        assertThatThrownBy(() -> recurrence.weekdays().add(MONDAY)).isInstanceOf(UnsupportedOperationException.class);
        assertThat(recurrence.until(date("2026-12-01")).count()).isNull();
        assertThat(recurrence.until(date("2026-12-01")).times(3).lastDate()).isNull();
    }

    @Test
    void dropsFractionsOfASecondThatTheRuleTextCannotHold() {
        GroupRecurrence recurrence = GroupRecurrence.weekly(
                date("2026-11-03"), LocalTime.of(18, 0, 5, 999), Duration.ofMillis(5_400_500), NEW_YORK);

        assertThat(recurrence.startTime()).isEqualTo(LocalTime.of(18, 0, 5));
        assertThat(recurrence.duration()).isEqualTo(NINETY_MINUTES);
    }

    @Test
    void refusesToExpandARuleWithoutAnEnd() {
        assertThatThrownBy(() -> tuesdayEvenings(date("2026-11-03")).occurrences())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("validate it first");
    }

    @Test
    void refusesToExpandARuleWithMoreSessionsThanTheLimit() {
        GroupRecurrence sixYears = tuesdayEvenings(date("2026-11-03")).until(date("2032-11-03"));

        assertThatThrownBy(sixYears::occurrences)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("more than 260");
    }

    private static LocalTime localStart(Occurrence occurrence, ZoneId zone) {
        return ZonedDateTime.ofInstant(occurrence.start(), zone).toLocalTime();
    }
}
