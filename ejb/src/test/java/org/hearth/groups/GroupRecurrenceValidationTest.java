package org.hearth.groups;

import static java.time.DayOfWeek.THURSDAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hearth.groups.GroupRecurrenceTest.NEW_YORK;
import static org.hearth.groups.GroupRecurrenceTest.tuesdayEvenings;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.hibernate.validator.HibernateValidator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The rules a series must keep, each with its own message in English and in Spanish. */
class GroupRecurrenceValidationTest {

    private static ValidatorFactory english;
    private static ValidatorFactory spanish;

    @BeforeAll
    static void buildValidators() {
        english = factoryFor(Locale.ENGLISH);
        spanish = factoryFor(Locale.forLanguageTag("es"));
    }

    @AfterAll
    static void closeValidators() {
        english.close();
        spanish.close();
    }

    private static ValidatorFactory factoryFor(Locale locale) {
        return Validation.byProvider(HibernateValidator.class)
                .configure()
                .defaultLocale(locale)
                .locales(locale)
                .buildValidatorFactory();
    }

    /** Each broken rule's property and message, in English. */
    private static Map<String, String> problems(GroupRecurrence recurrence) {
        return problems(recurrence, english.getValidator());
    }

    private static Map<String, String> problems(GroupRecurrence recurrence, Validator validator) {
        Map<String, String> problems = new HashMap<>();
        for (ConstraintViolation<GroupRecurrence> violation : validator.validate(recurrence)) {
            problems.put(violation.getPropertyPath().toString(), violation.getMessage());
        }
        return problems;
    }

    private static LocalDate date(String text) {
        return LocalDate.parse(text);
    }

    @Test
    void aWeeklyOrFortnightlySeriesWithAnEndIsValid() {
        assertThat(problems(tuesdayEvenings(date("2026-11-03")).times(12))).isEmpty();
        assertThat(problems(tuesdayEvenings(date("2026-11-03"))
                        .everyWeeks(2)
                        .until(date("2027-06-01"))
                        .skipping(date("2026-12-29"))))
                .isEmpty();
    }

    @Test
    void theIntervalIsOneToEightWeeks() {
        assertThat(problems(tuesdayEvenings(date("2026-11-03")).everyWeeks(8).times(4)))
                .isEmpty();
        assertThat(problems(tuesdayEvenings(date("2026-11-03")).everyWeeks(9).times(4)))
                .containsEntry("intervalWeeks", "A group meets every week, or every 2 to 8 weeks.");
        assertThat(problems(tuesdayEvenings(date("2026-11-03")).everyWeeks(0).times(4)))
                .containsEntry("intervalWeeks", "A group meets every week, or every 2 to 8 weeks.");
    }

    @Test
    void aSeriesNeedsAnEndButNotTwo() {
        assertThat(problems(tuesdayEvenings(date("2026-11-03"))))
                .containsOnly(Map.entry("endGiven", "End the series on a last date or after a number of sessions."));
        GroupRecurrence both = new GroupRecurrence(
                date("2026-11-03"),
                LocalTime.of(18, 0),
                Duration.ofMinutes(90),
                NEW_YORK,
                1,
                Set.of(date("2026-11-03").getDayOfWeek()),
                date("2027-01-01"),
                5,
                null);
        assertThat(problems(both))
                .containsOnly(Map.entry(
                        "endGivenOnce", "End the series on a last date or after a number of sessions, not both."));
    }

    @Test
    void theLastDateIsNotBeforeTheFirst() {
        assertThat(problems(tuesdayEvenings(date("2026-11-03")).until(date("2026-11-02"))))
                .containsEntry("lastDateNotBeforeFirstDate", "The last date cannot be before the first session.");
        assertThat(problems(tuesdayEvenings(date("2026-11-03")).until(date("2026-11-03"))))
                .isEmpty();
    }

    @Test
    void aSeriesHasAtMost260Sessions() {
        assertThat(problems(tuesdayEvenings(date("2026-11-03")).times(260))).isEmpty();
        assertThat(problems(tuesdayEvenings(date("2026-11-03")).times(261)))
                .containsOnly(Map.entry("count", "A series has 1 to 260 sessions."));
        assertThat(problems(tuesdayEvenings(date("2026-11-03")).times(0)))
                .containsOnly(Map.entry("count", "A series has 1 to 260 sessions."));
        assertThat(problems(tuesdayEvenings(date("2026-11-03")).until(date("2031-10-27"))))
                .isEmpty();
        assertThat(problems(tuesdayEvenings(date("2026-11-03")).until(date("2031-10-28"))))
                .containsOnly(Map.entry(
                        "withinSessionLimit", "A series has at most 260 sessions: choose an earlier last date."));
    }

    @Test
    void theGroupMeetsOnAtLeastOneWeekdayIncludingTheFirstDates() {
        assertThat(problems(tuesdayEvenings(date("2026-11-03")).on().times(3)))
                .containsOnly(Map.entry("weekdays", "Choose at least one day of the week."));
        assertThat(problems(tuesdayEvenings(date("2026-11-03")).on(THURSDAY).times(3)))
                .containsOnly(Map.entry(
                        "firstDateAMeetingDay", "The first session must fall on a day of the week the group meets."));
    }

    @Test
    void aSkippedDateMustBeADateTheGroupWouldMeet() {
        GroupRecurrence series =
                tuesdayEvenings(date("2026-11-03")).everyWeeks(2).times(6);

        assertThat(problems(series.skipping(date("2026-11-17")))).isEmpty();
        assertThat(problems(series.skipping(date("2026-11-10"))))
                .containsOnly(Map.entry(
                        "everySkippedDateAMeetingDay",
                        "Each skipped date must be a date the group would otherwise meet."));
        assertThat(problems(series.skipping(date("2027-06-01")))).containsKey("everySkippedDateAMeetingDay");
    }

    @Test
    void aSessionLastsFiveMinutesToTwelveHours() {
        String range = "A session lasts from 5 minutes to 12 hours.";

        assertThat(problems(withDuration(Duration.ofMinutes(4)))).containsOnly(Map.entry("durationInRange", range));
        assertThat(problems(withDuration(Duration.ofHours(13)))).containsOnly(Map.entry("durationInRange", range));
        assertThat(problems(withDuration(Duration.ofMinutes(5)))).isEmpty();
        assertThat(problems(withDuration(Duration.ofHours(12)))).isEmpty();
    }

    @Test
    void anEmptyFormNamesEachMissingFieldWithoutFailing() {
        GroupRecurrence empty = new GroupRecurrence(null, null, null, null, 1, null, null, 4, null);

        assertThat(problems(empty))
                .containsOnlyKeys("firstDate", "startTime", "duration", "zone", "weekdays")
                .containsEntry("firstDate", "Enter the date of the first session.")
                .containsEntry("zone", "Choose the clinic's time zone.");
    }

    @Test
    void everyRuleHasASpanishMessage() {
        List<GroupRecurrence> broken = List.of(
                new GroupRecurrence(null, null, null, null, 0, null, null, null, null),
                new GroupRecurrence(
                        date("2026-11-03"),
                        LocalTime.of(18, 0),
                        Duration.ofHours(13),
                        NEW_YORK,
                        1,
                        Set.of(THURSDAY),
                        date("2026-11-02"),
                        0,
                        Set.of(date("2026-11-04"))),
                tuesdayEvenings(date("2026-11-03")).until(date("2036-11-04")).skipping(date("2026-11-05")));

        Map<String, String> english = new HashMap<>();
        Map<String, String> spanish = new HashMap<>();
        for (GroupRecurrence recurrence : broken) {
            english.putAll(problems(recurrence));
            spanish.putAll(problems(recurrence, GroupRecurrenceValidationTest.spanish.getValidator()));
        }

        assertThat(english)
                .containsOnlyKeys(
                        "firstDate",
                        "startTime",
                        "duration",
                        "zone",
                        "intervalWeeks",
                        "weekdays",
                        "endGiven",
                        "endGivenOnce",
                        "count",
                        "durationInRange",
                        "firstDateAMeetingDay",
                        "lastDateNotBeforeFirstDate",
                        "withinSessionLimit",
                        "everySkippedDateAMeetingDay");
        assertThat(spanish).containsOnlyKeys(english.keySet());
        assertThat(spanish.values()).noneMatch(message -> message.startsWith("{"));
        assertThat(english.values()).noneMatch(message -> message.startsWith("{"));
        for (String property : english.keySet()) {
            assertThat(spanish.get(property)).as(property).isNotEqualTo(english.get(property));
        }
        assertThat(spanish).containsEntry("intervalWeeks", "Un grupo se reúne cada semana, o cada 2 a 8 semanas.");
    }

    private static GroupRecurrence withDuration(Duration duration) {
        return GroupRecurrence.weekly(date("2026-11-03"), LocalTime.of(18, 0), duration, NEW_YORK)
                .times(4);
    }
}
