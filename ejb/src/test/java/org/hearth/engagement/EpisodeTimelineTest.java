package org.hearth.engagement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;
import static org.hearth.engagement.EpisodeStatus.AMBIVALENT;
import static org.hearth.engagement.EpisodeStatus.DECEASED;
import static org.hearth.engagement.EpisodeStatus.DISENGAGED;
import static org.hearth.engagement.EpisodeStatus.ENTERED_TREATMENT;
import static org.hearth.engagement.EpisodeStatus.PREPARING;
import static org.hearth.engagement.EpisodeStatus.REFUSING;
import static org.hearth.engagement.EpisodeStatus.RETAINED_30;
import static org.hearth.engagement.EpisodeStatus.RETAINED_90;
import static org.hearth.engagement.LevelOfCare.OUTPATIENT;
import static org.hearth.engagement.LevelOfCare.WITHDRAWAL_MANAGEMENT;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An episode's history read as days, worked by hand on a calendar (2026 is not a leap year). */
class EpisodeTimelineTest {

    private static final LocalDate OPENED = LocalDate.of(2026, 1, 5);

    /** A year in one family's life: detox, a relapse ten days later, outpatient care kept for 90 days, a relapse. */
    private static final List<StatusChange> A_YEAR = List.of(
            StatusChange.to(AMBIVALENT, LocalDate.of(2026, 2, 1)),
            StatusChange.to(PREPARING, LocalDate.of(2026, 3, 1)),
            StatusChange.enteredTreatment(LocalDate.of(2026, 3, 15), WITHDRAWAL_MANAGEMENT),
            StatusChange.to(REFUSING, LocalDate.of(2026, 3, 25)),
            StatusChange.enteredTreatment(LocalDate.of(2026, 5, 1), OUTPATIENT),
            StatusChange.to(RETAINED_30, LocalDate.of(2026, 5, 31)),
            StatusChange.to(RETAINED_90, LocalDate.of(2026, 7, 30)),
            StatusChange.to(REFUSING, LocalDate.of(2026, 10, 12)));

    private static final LocalDate A_YEAR_ON = LocalDate.of(2027, 1, 4);

    @Test
    void aYearWithTwoRelapsesWorkedByHand() {
        EpisodeTimeline timeline = EpisodeTimeline.of(OPENED, A_YEAR, A_YEAR_ON);

        // REFUSING          01-05 -> 02-01  27 days (26 left in January after the 5th, + 1)
        // AMBIVALENT        02-01 -> 03-01  28 days (February)
        // PREPARING         03-01 -> 03-15  14 days
        // ENTERED_TREATMENT 03-15 -> 03-25  10 days (detox)
        // REFUSING          03-25 -> 05-01  37 days (6 in March + 30 in April + 1)
        // ENTERED_TREATMENT 05-01 -> 05-31  30 days (outpatient)
        // RETAINED_30       05-31 -> 07-30  60 days (1 in May + 30 in June + 29 in July)
        // RETAINED_90       07-30 -> 10-12  74 days (1 + 31 + 30 + 12)
        // REFUSING          10-12 -> 2027-01-04, today: 84 days (19 + 30 + 31 + 4)
        assertThat(timeline.daysIn())
                .containsOnly(
                        entry(REFUSING, 27L + 37L + 84L),
                        entry(AMBIVALENT, 28L),
                        entry(PREPARING, 14L),
                        entry(ENTERED_TREATMENT, 10L + 30L),
                        entry(RETAINED_30, 60L),
                        entry(RETAINED_90, 74L));
        // 148 + 28 + 14 + 40 + 60 + 74 = 364: one day short of a year
        assertThat(timeline.daysSinceOpened()).isEqualTo(364);
        assertThat(timeline.daysIn().values().stream()
                        .mapToLong(Long::longValue)
                        .sum())
                .isEqualTo(timeline.daysSinceOpened());
    }

    @Test
    void daysToTreatmentCountToTheFirstEntryNotTheLast() {
        EpisodeTimeline timeline = EpisodeTimeline.of(OPENED, A_YEAR, A_YEAR_ON);

        // 01-05 -> 03-15: 26 + 28 + 15 = 69 days
        assertThat(timeline.daysToTreatmentEntry()).isEqualTo(69L);
        assertThat(timeline.lastEnteredTreatmentOn()).isEqualTo(LocalDate.of(2026, 5, 1));
        assertThat(timeline.lastLevelOfCare()).isEqualTo(OUTPATIENT);
    }

    @Test
    void theCurrentStintIsCountedToToday() {
        EpisodeTimeline timeline = EpisodeTimeline.of(OPENED, A_YEAR, A_YEAR_ON);

        assertThat(timeline.current()).isEqualTo(REFUSING);
        assertThat(timeline.currentSince()).isEqualTo(LocalDate.of(2026, 10, 12));
        assertThat(timeline.daysInCurrentStatus()).isEqualTo(84);
    }

    @Test
    void anEpisodeThatNeverMovedHasRefusedSinceItOpened() {
        EpisodeTimeline timeline = EpisodeTimeline.of(OPENED, List.of(), LocalDate.of(2026, 1, 19));

        assertThat(timeline.current()).isEqualTo(REFUSING);
        assertThat(timeline.currentSince()).isEqualTo(OPENED);
        assertThat(timeline.daysInCurrentStatus()).isEqualTo(14);
        assertThat(timeline.daysIn()).containsOnly(entry(REFUSING, 14L));
        assertThat(timeline.daysToTreatmentEntry()).isNull();
        assertThat(timeline.lastLevelOfCare()).isNull();
        assertThat(timeline.lastEnteredTreatmentOn()).isNull();
    }

    @Test
    void anEpisodeOpenedTodayHasZeroDays() {
        EpisodeTimeline timeline = EpisodeTimeline.of(OPENED, List.of(), OPENED);

        assertThat(timeline.daysSinceOpened()).isZero();
        assertThat(timeline.daysIn()).containsOnly(entry(REFUSING, 0L));
    }

    @Test
    void changesOnTheSameDayKeepTheirOrderAndLastNoDays() {
        LocalDate visit = LocalDate.of(2026, 1, 20);
        EpisodeTimeline timeline = EpisodeTimeline.of(
                OPENED,
                List.of(StatusChange.to(PREPARING, visit), StatusChange.enteredTreatment(visit, OUTPATIENT)),
                LocalDate.of(2026, 1, 27));

        assertThat(timeline.current()).isEqualTo(ENTERED_TREATMENT);
        // REFUSING 01-05 -> 01-20 = 15, PREPARING 0 (the same day), ENTERED_TREATMENT 01-20 -> 01-27 = 7
        assertThat(timeline.daysIn())
                .containsOnly(entry(REFUSING, 15L), entry(PREPARING, 0L), entry(ENTERED_TREATMENT, 7L));
        assertThat(timeline.daysToTreatmentEntry()).isEqualTo(15L);
    }

    @Test
    void aClosedEpisodeCountsItsClosedDaysToo() {
        EpisodeTimeline timeline = EpisodeTimeline.of(
                OPENED, List.of(StatusChange.to(DISENGAGED, LocalDate.of(2026, 2, 5))), LocalDate.of(2026, 3, 5));

        assertThat(timeline.current()).isEqualTo(DISENGAGED);
        assertThat(timeline.daysIn()).containsOnly(entry(REFUSING, 31L), entry(DISENGAGED, 28L));
    }

    @Test
    void daysInCannotBeChangedByACaller() {
        EpisodeTimeline timeline = EpisodeTimeline.of(OPENED, A_YEAR, A_YEAR_ON);

        assertThatThrownBy(() -> timeline.daysIn().put(DECEASED, 1L)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void aMoveTheTableDoesNotAllowIsNamed() {
        List<StatusChange> skipsTheFirstCheck = List.of(
                StatusChange.enteredTreatment(LocalDate.of(2026, 2, 1), OUTPATIENT),
                StatusChange.to(RETAINED_90, LocalDate.of(2026, 5, 2)));

        assertThatThrownBy(() -> EpisodeTimeline.of(OPENED, skipsTheFirstCheck, A_YEAR_ON))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("from ENTERED_TREATMENT to RETAINED_90");
    }

    @Test
    void nothingFollowsADeath() {
        List<StatusChange> afterDeath = List.of(
                StatusChange.to(DECEASED, LocalDate.of(2026, 2, 1)),
                StatusChange.to(REFUSING, LocalDate.of(2026, 3, 1)));

        assertThatThrownBy(() -> EpisodeTimeline.of(OPENED, afterDeath, A_YEAR_ON))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("from DECEASED to REFUSING");
    }

    @Test
    void refusingAgainWhileRefusingIsNotAMove() {
        List<StatusChange> same = List.of(StatusChange.to(REFUSING, LocalDate.of(2026, 2, 1)));

        assertThatThrownBy(() -> EpisodeTimeline.of(OPENED, same, A_YEAR_ON))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("from REFUSING to REFUSING");
    }

    @Test
    void aChangeBeforeTheOpeningIsRefused() {
        List<StatusChange> early = List.of(StatusChange.to(AMBIVALENT, LocalDate.of(2026, 1, 4)));

        assertThatThrownBy(() -> EpisodeTimeline.of(OPENED, early, A_YEAR_ON))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("before the episode opened on 2026-01-05");
    }

    @Test
    void changesOutOfOrderAreRefused() {
        List<StatusChange> outOfOrder = List.of(
                StatusChange.to(PREPARING, LocalDate.of(2026, 3, 1)),
                StatusChange.to(AMBIVALENT, LocalDate.of(2026, 2, 1)));

        assertThatThrownBy(() -> EpisodeTimeline.of(OPENED, outOfOrder, A_YEAR_ON))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("the move to AMBIVALENT on 2026-02-01")
                .hasMessageContaining("before the move before it to PREPARING on 2026-03-01");
    }

    @Test
    void todayBeforeTheLastChangeIsRefused() {
        assertThatThrownBy(() -> EpisodeTimeline.of(OPENED, A_YEAR, LocalDate.of(2026, 10, 11)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2026-10-12");
    }

    @Test
    void onlyEnteringTreatmentHasALevelOfCare() {
        LocalDate day = LocalDate.of(2026, 2, 1);

        assertThatThrownBy(() -> new StatusChange(day, ENTERED_TREATMENT, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("level of care");
        assertThatThrownBy(() -> new StatusChange(day, PREPARING, OUTPATIENT))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("PREPARING");
    }
}
