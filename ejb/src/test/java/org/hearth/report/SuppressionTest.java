package org.hearth.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SuppressionTest {

    @Test
    void countsFromOneToFourAreShownAsUnderFiveAndZeroAndFiveAreShown() {
        assertThat(Suppression.count(0)).isEqualTo("0");
        assertThat(Suppression.count(1)).isEqualTo("<5");
        assertThat(Suppression.count(4)).isEqualTo("<5");
        assertThat(Suppression.count(5)).isEqualTo("5");
        assertThat(Suppression.count(128)).isEqualTo("128");
    }

    @Test
    void aShareOfLargeCountsIsAWholePercentRoundedHalfUp() {
        // 6 of 12 -> 50%; 10 of 15 -> 66.67% -> 67%; 5 of 40 -> 12.5% -> 13%
        assertThat(Suppression.percent(new Share(6, 12))).isEqualTo("50%");
        assertThat(Suppression.part(new Share(6, 12))).isEqualTo("6");
        assertThat(Suppression.percent(new Share(10, 15))).isEqualTo("67%");
        assertThat(Suppression.percent(new Share(5, 40))).isEqualTo("13%");
    }

    @Test
    void aShareBuiltOnASmallPartIsSuppressedWithItsPart() {
        // 3 of 20 entered: the 3 could point to a family, and 15% would give it back
        assertThat(Suppression.part(new Share(3, 20))).isEqualTo("<5");
        assertThat(Suppression.percent(new Share(3, 20))).isEqualTo("n<5");
    }

    @Test
    void aShareOfASmallWholeIsSuppressedEvenWhenThePartIsZero() {
        // 0 of 4: "0%" would say of 4 families that none entered
        assertThat(Suppression.percent(new Share(0, 4))).isEqualTo("n<5");
        assertThat(Suppression.percent(new Share(4, 4))).isEqualTo("n<5");
    }

    @Test
    void aPartWhoseRestOfTheWholeIsSmallIsSuppressedBecauseReadersSubtract() {
        // 10 of 12 entered: 12 shown beside 10 gives away the 2 who did not
        assertThat(Suppression.part(new Share(10, 12))).isEqualTo("<5");
        assertThat(Suppression.percent(new Share(10, 12))).isEqualTo("n<5");
        // 10 of 10: nobody is left to point to
        assertThat(Suppression.percent(new Share(10, 10))).isEqualTo("100%");
        assertThat(Suppression.percent(new Share(0, 10))).isEqualTo("0%");
    }

    @Test
    void aShareOfNothingIsADashNotZeroPercent() {
        assertThat(Suppression.percent(new Share(0, 0))).isEqualTo("-");
        assertThat(new Share(0, 0).fraction()).isNull();
    }

    @Test
    void aStatisticOfOneToFourMembersIsNotShown() {
        assertThat(Suppression.isShownFor(0)).isTrue();
        assertThat(Suppression.isShownFor(3)).isFalse();
        assertThat(Suppression.isShownFor(5)).isTrue();
    }

    @Test
    void aWithheldCellAloneInALineWithATotalIsGivenBackByItSoAnotherMustGo() {
        assertThat(Suppression.revealsWithheld(List.of())).isFalse();
        assertThat(Suppression.revealsWithheld(List.of(3L))).isTrue();
        assertThat(Suppression.revealsWithheld(List.of(3L, 12L))).isFalse();
        // 1 and 1: a sum of 2 can only be two ones; 4 and 4 likewise; 1 beside a 5 likewise
        assertThat(Suppression.revealsWithheld(List.of(1L, 1L))).isTrue();
        assertThat(Suppression.revealsWithheld(List.of(4L, 4L))).isTrue();
        assertThat(Suppression.revealsWithheld(List.of(1L, 5L))).isTrue();
        assertThat(Suppression.revealsWithheld(List.of(2L, 3L))).isFalse();
    }

    @Test
    void theCurveIsShownInStepsOfNoneOrAtLeastFiveEntriesAndCensoringsAndEndsWithTheLastDay() {
        var days = List.of(
                new SurvivalPoint(2, 20, 3, 0, 0.85),
                new SurvivalPoint(5, 17, 2, 0, 0.75),
                new SurvivalPoint(9, 15, 5, 5, 0.5),
                new SurvivalPoint(30, 5, 0, 5, 0.5));

        assertThat(Suppression.curve(days))
                .containsExactly(
                        new SurvivalPoint(5, 20, 5, 0, 0.75),
                        new SurvivalPoint(9, 15, 5, 5, 0.5),
                        new SurvivalPoint(30, 5, 0, 5, 0.5));
        assertThat(Suppression.curve(List.of(new SurvivalPoint(3, 8, 3, 5, 0.625))))
                .as("3 entries in all can never make a step")
                .isEmpty();
    }
}
