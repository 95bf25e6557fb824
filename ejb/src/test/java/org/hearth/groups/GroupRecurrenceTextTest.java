package org.hearth.groups;

import static java.time.DayOfWeek.FRIDAY;
import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.SATURDAY;
import static java.time.DayOfWeek.SUNDAY;
import static java.time.DayOfWeek.THURSDAY;
import static java.time.DayOfWeek.TUESDAY;
import static java.time.DayOfWeek.WEDNESDAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hearth.groups.GroupRecurrenceTest.MADRID;
import static org.hearth.groups.GroupRecurrenceTest.NEW_YORK;
import static org.hearth.groups.GroupRecurrenceTest.tuesdayEvenings;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Arrays;
import org.hearth.security.Invalid;
import org.junit.jupiter.api.Test;

class GroupRecurrenceTextTest {

    private static String lines(String... lines) {
        return String.join("\r\n", lines);
    }

    private static LocalDate date(String text) {
        return LocalDate.parse(text);
    }

    @Test
    void isWrittenAsRfc5545LinesWithTheZoneTheRuleAndTheSkippedDates() {
        GroupRecurrence recurrence = tuesdayEvenings(date("2026-11-03"))
                .everyWeeks(2)
                .until(date("2027-01-26"))
                .skipping(date("2026-12-29"), date("2026-12-15"));

        assertThat(recurrence.toRfc5545())
                .isEqualTo(lines(
                        "DTSTART;TZID=America/New_York:20261103T180000",
                        "DURATION:PT1H30M",
                        "RRULE:FREQ=WEEKLY;WKST=MO;UNTIL=20270126T230000Z;INTERVAL=2;BYDAY=TU",
                        "EXDATE;TZID=America/New_York:20261215T180000,20261229T180000"));
    }

    @Test
    void aCountIsWrittenAsCountAndAWeeklyIntervalIsLeftOut() {
        GroupRecurrence recurrence = GroupRecurrence.weekly(
                        date("2026-03-26"), LocalTime.of(19, 0), Duration.ofHours(2), MADRID)
                .on(TUESDAY, THURSDAY)
                .times(12);

        assertThat(recurrence.toRfc5545())
                .isEqualTo(lines(
                        "DTSTART;TZID=Europe/Madrid:20260326T190000",
                        "DURATION:PT2H",
                        "RRULE:FREQ=WEEKLY;WKST=MO;COUNT=12;BYDAY=TU,TH"));
    }

    @Test
    void readsWhatItWrites() {
        GroupRecurrence everyOtherTuesday = tuesdayEvenings(date("2026-11-03"))
                .everyWeeks(2)
                .until(date("2027-01-26"))
                .skipping(date("2026-12-29"));
        GroupRecurrence madridTwiceAWeek = GroupRecurrence.weekly(
                        date("2026-03-26"), LocalTime.of(19, 15, 30), Duration.ofMinutes(75), MADRID)
                .on(TUESDAY, THURSDAY)
                .times(40)
                .skipping(date("2026-04-02"), date("2026-04-07"));

        for (GroupRecurrence recurrence : new GroupRecurrence[] {everyOtherTuesday, madridTwiceAWeek}) {
            GroupRecurrence read = GroupRecurrence.parse(recurrence.toRfc5545());

            assertThat(read).isEqualTo(recurrence);
            assertThat(read.occurrences()).isEqualTo(recurrence.occurrences());
        }
    }

    @Test
    void aLastDateSurvivesTheTripThroughUtcOnEitherSideOfADaylightSavingChange() {
        for (String last : new String[] {"2026-03-03", "2026-03-10", "2026-10-27", "2026-11-03"}) {
            GroupRecurrence recurrence = tuesdayEvenings(date("2026-02-03")).until(date(last));

            assertThat(GroupRecurrence.parse(recurrence.toRfc5545()).lastDate())
                    .as(last)
                    .isEqualTo(date(last));
        }
    }

    @Test
    void foldsLongLinesAt75OctetsAndReadsThemBack() {
        GroupRecurrence everyDay = GroupRecurrence.weekly(
                        date("2026-11-02"), LocalTime.of(9, 0), Duration.ofHours(1), NEW_YORK)
                .on(MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY, SATURDAY, SUNDAY)
                .everyWeeks(8)
                .until(date("2027-12-31"))
                .skipping(date("2026-11-03"), date("2026-11-04"), date("2026-11-05"), date("2026-11-06"));

        String text = everyDay.toRfc5545();

        assertThat(text.split("\r\n"))
                .allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(75));
        assertThat(Arrays.stream(text.split("\r\n")).filter(line -> line.startsWith(" ")))
                .isNotEmpty();
        assertThat(GroupRecurrence.parse(text)).isEqualTo(everyDay);
    }

    @Test
    void readsRulesWrittenByOtherCalendars() {
        GroupRecurrence read = GroupRecurrence.parse(String.join(
                "\n",
                "",
                "rrule:BYDAY=TU;FREQ=weekly;INTERVAL=2;UNTIL=20270126",
                "DTSTART;TZID=\"America/New_York\":20261103T180000",
                "DURATION:PT90M",
                "EXDATE;TZID=America/New_York:20261117T180000",
                "EXDATE;VALUE=DATE:20261201",
                "EXDATE:20261215T230000Z",
                ""));

        assertThat(read)
                .isEqualTo(tuesdayEvenings(date("2026-11-03"))
                        .everyWeeks(2)
                        .until(date("2027-01-26"))
                        .skipping(date("2026-11-17"), date("2026-12-01"), date("2026-12-15")));
    }

    @Test
    void aWeeklyRuleWithoutByDayMeetsOnTheFirstSessionsWeekday() {
        GroupRecurrence read = GroupRecurrence.parse(lines(
                "DTSTART;TZID=America/New_York:20261103T180000", "DURATION:PT1H30M", "RRULE:FREQ=WEEKLY;COUNT=3"));

        assertThat(read.weekdays()).containsExactly(TUESDAY);
        assertThat(read.count()).isEqualTo(3);
        assertThat(read.intervalWeeks()).isEqualTo(1);
    }

    @Test
    void anUntilBeforeTheLastDaysStartTimeEndsTheDayBefore() {
        // 22:00 UTC on 17 November is 17:00 in New York, before that day's 18:00 session
        GroupRecurrence read = GroupRecurrence.parse(lines(
                "DTSTART;TZID=America/New_York:20261103T180000",
                "DURATION:PT1H30M",
                "RRULE:FREQ=WEEKLY;UNTIL=20261117T220000Z"));

        assertThat(read.lastDate()).isEqualTo(date("2026-11-16"));
        assertThat(read.occurrences()).hasSize(2);
    }

    @Test
    void readsOutOfRangeValuesAndLeavesThemToValidation() {
        GroupRecurrence read = GroupRecurrence.parse(lines(
                "DTSTART;TZID=America/New_York:20261103T180000",
                "DURATION:P1D",
                "RRULE:FREQ=WEEKLY;INTERVAL=12;COUNT=400"));

        assertThat(read.intervalWeeks()).isEqualTo(12);
        assertThat(read.count()).isEqualTo(400);
        assertThat(read.isDurationInRange()).isFalse();
    }

    @Test
    void refusesOtherFrequenciesNamingThem() {
        assertRuleRefused("RRULE:FREQ=MONTHLY;BYDAY=1TU", "FREQ=MONTHLY is not supported");
        assertRuleRefused("RRULE:FREQ=DAILY;COUNT=5", "FREQ=DAILY is not supported");
    }

    @Test
    void refusesRulePartsOutsideTheWeeklySubsetNamingThem() {
        assertRuleRefused("RRULE:FREQ=WEEKLY;BYMONTH=1,2;BYDAY=TU", "BYMONTH is not supported");
        assertRuleRefused("RRULE:FREQ=WEEKLY;BYDAY=TU;BYSETPOS=1", "BYSETPOS is not supported");
        assertRuleRefused("RRULE:FREQ=WEEKLY;BYDAY=TU;BYHOUR=18,19", "BYHOUR is not supported");
        assertRuleRefused("RRULE:FREQ=WEEKLY;RSCALE=HEBREW", "RSCALE is not supported");
        assertRuleRefused("RRULE:FREQ=WEEKLY;X-NAME=1", "X-NAME is not supported");
        assertRuleRefused("RRULE:FREQ=WEEKLY;BYDAY=2TU", "BYDAY=2TU (a numbered weekday) is not supported");
        assertRuleRefused("RRULE:FREQ=WEEKLY;WKST=SU;BYDAY=TU", "WKST=SU is not supported");
    }

    @Test
    void refusesMalformedOrContradictoryRules() {
        assertRuleRefused("RRULE:FREQ=WEEKLY;COUNT=3;UNTIL=20270101", "UNTIL or with COUNT, not both");
        assertRuleRefused("RRULE:FREQ=WEEKLY;COUNT=3;COUNT=4", "COUNT twice");
        assertRuleRefused("RRULE:FREQ=WEEKLY;COUNT", "is not NAME=value");
        assertRuleRefused("RRULE:FREQ=WEEKLY;COUNT=many", "cannot be read");
        assertRuleRefused("RRULE:FREQ=FORTNIGHTLY", "cannot be read");
        assertRuleRefused("RRULE:FREQ=WEEKLY;BYDAY=XX", "cannot be read");
    }

    @Test
    void refusesOtherPropertiesNamingThem() {
        assertExtraLineRefused("RDATE;TZID=America/New_York:20261105T180000", "RDATE is not supported");
        assertExtraLineRefused("EXRULE:FREQ=WEEKLY;BYDAY=TU;INTERVAL=4", "EXRULE is not supported");
        assertExtraLineRefused("BEGIN:VEVENT", "BEGIN is not supported");
    }

    @Test
    void refusesAStartWithoutALocalTimeAndItsZone() {
        assertRefusedWhole(
                lines("DTSTART:20261103T230000Z", "DURATION:PT1H", "RRULE:FREQ=WEEKLY;COUNT=2"), "has no TZID");
        assertRefusedWhole(
                lines("DTSTART;VALUE=DATE:20261103", "DURATION:PT1H", "RRULE:FREQ=WEEKLY;COUNT=2"),
                "DTSTART;VALUE=DATE is not supported");
        assertRefusedWhole(
                lines("DTSTART;TZID=Mars/Olympus:20261103T180000", "DURATION:PT1H", "RRULE:FREQ=WEEKLY;COUNT=2"),
                "TZID=Mars/Olympus is not a time zone");
        assertRefusedWhole(
                lines("DTSTART;TZID=America/New_York:2026-11-03", "DURATION:PT1H", "RRULE:FREQ=WEEKLY;COUNT=2"),
                "is not a local date and time");
    }

    @Test
    void refusesMissingOrRepeatedLines() {
        assertRefusedWhole(lines("DURATION:PT1H", "RRULE:FREQ=WEEKLY;COUNT=2"), "DTSTART is missing");
        assertRefusedWhole(
                lines("DTSTART;TZID=America/New_York:20261103T180000", "RRULE:FREQ=WEEKLY;COUNT=2"),
                "DURATION is missing");
        assertRefusedWhole(lines("DTSTART;TZID=America/New_York:20261103T180000", "DURATION:PT1H"), "RRULE is missing");
        assertExtraLineRefused("RRULE:FREQ=WEEKLY;COUNT=4", "more than one RRULE");
        assertRefusedWhole("   ", "is empty");
        assertRefusedWhole(null, "is empty");
    }

    @Test
    void refusesDurationsItCannotRead() {
        assertRefusedWhole(
                lines("DTSTART;TZID=America/New_York:20261103T180000", "DURATION:-PT1H", "RRULE:FREQ=WEEKLY"),
                "is negative");
        assertRefusedWhole(
                lines("DTSTART;TZID=America/New_York:20261103T180000", "DURATION:90 minutes", "RRULE:FREQ=WEEKLY"),
                "DURATION 90 minutes cannot be read");
    }

    @Test
    void refusesSkippedDatesThatWouldSkipNothing() {
        assertExtraLineRefused(
                "EXDATE;TZID=America/New_York:20261117T190000", "is not at the sessions' start time (18:00");
        assertExtraLineRefused("EXDATE;TZID=Europe/Madrid:20261117T180000", "is not the zone of DTSTART");
        assertExtraLineRefused("EXDATE:20261117T220000Z", "is not at the sessions' start time");
        assertExtraLineRefused("EXDATE;VALUE=PERIOD:20261117T180000Z/PT1H", "EXDATE;VALUE=PERIOD is not supported");
        assertExtraLineRefused("EXDATE;TZID=America/New_York:20261117", "is not a date-time");
        assertExtraLineRefused("EXDATE;X-REASON=holiday:20261117", "EXDATE;X-REASON is not supported");
    }

    @Test
    void refusesLinesThatAreNotContentLines() {
        assertExtraLineRefused("just some words", "is not an RFC 5545 line");
        assertExtraLineRefused("EXDATE;TZID=\"America/New_York:20261117T180000", "is not closed");
    }

    /** A valid start and duration with {@code ruleLine} as the rule. */
    private static void assertRuleRefused(String ruleLine, String expectedMessage) {
        assertRefusedWhole(
                lines("DTSTART;TZID=America/New_York:20261103T180000", "DURATION:PT1H30M", ruleLine), expectedMessage);
    }

    /** A valid Tuesday 6 pm rule plus {@code line}. */
    private static void assertExtraLineRefused(String line, String expectedMessage) {
        assertRefusedWhole(
                lines(
                        "DTSTART;TZID=America/New_York:20261103T180000",
                        "DURATION:PT1H30M",
                        "RRULE:FREQ=WEEKLY;BYDAY=TU;COUNT=8",
                        line),
                expectedMessage);
    }

    private static void assertRefusedWhole(String text, String expectedMessage) {
        assertThatThrownBy(() -> GroupRecurrence.parse(text))
                .isInstanceOf(Invalid.class)
                .hasMessageContaining(expectedMessage);
    }
}
