package org.hearth.notes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hearth.notes.MitiBand.BELOW_FAIR;
import static org.hearth.notes.MitiBand.FAIR;
import static org.hearth.notes.MitiBand.GOOD;
import static org.hearth.notes.MitiBand.NOT_APPLICABLE;
import static org.hearth.notes.MitiCountsBuilder.counts;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.junit.jupiter.api.Test;

/**
 * MITI 4.2.1 summary scores worked by hand: each expected number can be checked on paper from the counts and
 * globals beside it.
 */
class MitiSummaryTest {

    /** Globals that sit in the middle of every band, for tests about the counts. */
    private static final MitiGlobals MIDDLING = new MitiGlobals(3, 3, 3, 3);

    /** Counts with one question and one reflection, for tests about the globals. */
    private static final MitiCounts ONE_OF_EACH =
            counts().questions(1).simpleReflections(1).build();

    private static MitiSummary reflecting(int questions, int simple, int complex) {
        return MitiSummary.of(
                counts().questions(questions)
                        .simpleReflections(simple)
                        .complexReflections(complex)
                        .build(),
                MIDDLING);
    }

    private static MitiSummary scored(int changeTalk, int sustainTalk, int partnership, int empathy) {
        return MitiSummary.of(ONE_OF_EACH, new MitiGlobals(changeTalk, sustainTalk, partnership, empathy));
    }

    @Test
    void aTypicalSessionWorkedByHand() {
        MitiSummary summary = MitiSummary.of(
                counts().questions(20)
                        .simpleReflections(10)
                        .complexReflections(12)
                        .build(),
                new MitiGlobals(4, 3, 4, 5));

        // R:Q = (10 + 12) / 20 = 22 / 20 = 1.1: at least 1, under 2
        assertThat(summary.reflectionToQuestion()).isEqualByComparingTo("1.1");
        assertThat(summary.reflectionToQuestionBand()).isEqualTo(FAIR);
        // %CR = 12 / 22 = 0.5454...: 54.5%, at least 50%
        assertThat(summary.percentComplexReflections().setScale(3, RoundingMode.HALF_UP))
                .isEqualByComparingTo("0.545");
        assertThat(summary.percentComplexReflectionsBand()).isEqualTo(GOOD);
        // technical = (4 + 3) / 2 = 3.5: at least 3, under 4
        assertThat(summary.technical()).isEqualTo(new BigDecimal("3.5"));
        assertThat(summary.technicalBand()).isEqualTo(FAIR);
        // relational = (4 + 5) / 2 = 4.5: at least 4
        assertThat(summary.relational()).isEqualTo(new BigDecimal("4.5"));
        assertThat(summary.relationalBand()).isEqualTo(GOOD);
    }

    @Test
    void aMeanOfTwoScoresIsShownToOneDecimal() {
        MitiSummary summary = scored(4, 4, 2, 3);

        assertThat(summary.technical()).hasToString("4.0");
        assertThat(summary.relational()).hasToString("2.5");
    }

    @Test
    void technicalIsFairFromThreeAndGoodFromFour() {
        assertThat(scored(3, 2, 3, 3).technicalBand()).as("(3 + 2) / 2 = 2.5").isEqualTo(BELOW_FAIR);
        assertThat(scored(3, 3, 3, 3).technicalBand()).as("(3 + 3) / 2 = 3.0").isEqualTo(FAIR);
        assertThat(scored(4, 3, 3, 3).technicalBand()).as("(4 + 3) / 2 = 3.5").isEqualTo(FAIR);
        assertThat(scored(5, 3, 3, 3).technicalBand()).as("(5 + 3) / 2 = 4.0").isEqualTo(GOOD);
        assertThat(scored(5, 5, 3, 3).technicalBand()).as("(5 + 5) / 2 = 5.0").isEqualTo(GOOD);
        assertThat(scored(1, 1, 3, 3).technicalBand()).as("(1 + 1) / 2 = 1.0").isEqualTo(BELOW_FAIR);
    }

    @Test
    void relationalIsFairFromThreeAndAHalfAndGoodFromFour() {
        assertThat(scored(3, 3, 3, 3).relationalBand()).as("(3 + 3) / 2 = 3.0").isEqualTo(BELOW_FAIR);
        assertThat(scored(3, 3, 3, 4).relationalBand()).as("(3 + 4) / 2 = 3.5").isEqualTo(FAIR);
        assertThat(scored(3, 3, 4, 4).relationalBand()).as("(4 + 4) / 2 = 4.0").isEqualTo(GOOD);
        assertThat(scored(3, 3, 5, 3).relationalBand()).as("(5 + 3) / 2 = 4.0").isEqualTo(GOOD);
    }

    @Test
    void reflectionToQuestionIsFairFromOneToOneAndGoodFromTwoToOne() {
        assertThat(reflecting(20, 10, 9).reflectionToQuestionBand())
                .as("19 / 20")
                .isEqualTo(BELOW_FAIR);
        assertThat(reflecting(20, 10, 10).reflectionToQuestionBand())
                .as("20 / 20")
                .isEqualTo(FAIR);
        assertThat(reflecting(20, 20, 19).reflectionToQuestionBand())
                .as("39 / 20")
                .isEqualTo(FAIR);
        assertThat(reflecting(20, 20, 20).reflectionToQuestionBand())
                .as("40 / 20")
                .isEqualTo(GOOD);
        assertThat(reflecting(20, 10, 10).reflectionToQuestion()).isEqualByComparingTo("1");
        assertThat(reflecting(20, 20, 20).reflectionToQuestion()).isEqualByComparingTo("2");
    }

    @Test
    void percentComplexReflectionsIsFairFromFortyAndGoodFromFiftyPercent() {
        assertThat(reflecting(10, 61, 39).percentComplexReflectionsBand())
                .as("39 / 100")
                .isEqualTo(BELOW_FAIR);
        assertThat(reflecting(10, 6, 4).percentComplexReflectionsBand())
                .as("4 / 10")
                .isEqualTo(FAIR);
        assertThat(reflecting(10, 51, 49).percentComplexReflectionsBand())
                .as("49 / 100")
                .isEqualTo(FAIR);
        assertThat(reflecting(10, 5, 5).percentComplexReflectionsBand())
                .as("5 / 10")
                .isEqualTo(GOOD);
        assertThat(reflecting(10, 6, 4).percentComplexReflections()).isEqualByComparingTo("0.4");
        assertThat(reflecting(10, 5, 5).percentComplexReflections()).isEqualByComparingTo("0.5");
    }

    @Test
    void thirdsAreBandedExactlyNotByTheirRoundedDecimal() {
        // 2 / 3 = 0.666...: good for %CR, and shown as 67% after rounding for display
        MitiSummary twoThirds = reflecting(3, 1, 2);
        assertThat(twoThirds.percentComplexReflectionsBand()).isEqualTo(GOOD);
        assertThat(twoThirds.percentComplexReflections().setScale(2, RoundingMode.HALF_UP))
                .isEqualByComparingTo("0.67");
        // 199 / 100 = 1.99 would read as 2.0 at one decimal, but it is still under 2:1
        assertThat(reflecting(100, 100, 99).reflectionToQuestionBand()).isEqualTo(FAIR);
        // 2 / 5 = 0.4 exactly, 399 / 1000 is under
        assertThat(reflecting(1, 3, 2).percentComplexReflectionsBand()).isEqualTo(FAIR);
        assertThat(reflecting(1, 601, 399).percentComplexReflectionsBand()).isEqualTo(BELOW_FAIR);
    }

    @Test
    void withoutQuestionsThereIsNoReflectionToQuestionRatio() {
        MitiSummary summary = reflecting(0, 5, 5);

        assertThat(summary.reflectionToQuestion()).isNull();
        assertThat(summary.reflectionToQuestionBand()).isEqualTo(NOT_APPLICABLE);
        assertThat(summary.percentComplexReflectionsBand()).isEqualTo(GOOD);
    }

    @Test
    void withoutReflectionsThereIsNoPercentComplexButRQIsZero() {
        MitiSummary summary = reflecting(8, 0, 0);

        assertThat(summary.percentComplexReflections()).isNull();
        assertThat(summary.percentComplexReflectionsBand()).isEqualTo(NOT_APPLICABLE);
        assertThat(summary.reflectionToQuestion()).isEqualByComparingTo("0");
        assertThat(summary.reflectionToQuestionBand()).isEqualTo(BELOW_FAIR);
    }

    @Test
    void anEmptySegmentHasNeitherRatio() {
        MitiSummary summary = reflecting(0, 0, 0);

        assertThat(summary.reflectionToQuestionBand()).isEqualTo(NOT_APPLICABLE);
        assertThat(summary.percentComplexReflectionsBand()).isEqualTo(NOT_APPLICABLE);
        assertThat(summary.totalMiAdherent()).isZero();
        assertThat(summary.totalMiNonAdherent()).isZero();
    }

    @Test
    void adherentAndNonAdherentTotalsLeaveOutPersuadingWithPermission() {
        MitiCounts counts = counts().questions(10)
                .simpleReflections(10)
                .seekingCollaboration(3)
                .affirm(2)
                .emphasizingAutonomy(4)
                .persuade(1)
                .confront(2)
                .persuadeWithPermission(5)
                .givingInformation(7)
                .build();

        MitiSummary summary = MitiSummary.of(counts, MIDDLING);

        // adherent = 3 seeking collaboration + 2 affirm + 4 emphasizing autonomy
        assertThat(summary.totalMiAdherent()).isEqualTo(9);
        // non-adherent = 2 confront + 1 persuade; the 5 persuades with permission and 7 informations count in neither
        assertThat(summary.totalMiNonAdherent()).isEqualTo(3);
    }

    @Test
    void aHalfCodedReviewHasNoSummaryYet() {
        MitiGlobals halfCoded = new MitiGlobals(4, 3, null, null);

        assertThat(halfCoded.isComplete()).isFalse();
        assertThat(new MitiGlobals(4, 3, 4, 5).isComplete()).isTrue();
        assertThatThrownBy(() -> MitiSummary.of(ONE_OF_EACH, halfCoded))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("partnership");
    }

    @Test
    void outOfRangeScoresAndCountsAreRefusedRatherThanSummarised() {
        assertThatThrownBy(() -> scored(6, 3, 3, 3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cultivatingChangeTalk is 6");
        assertThatThrownBy(() -> reflecting(-1, 2, 2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("questions is -1");
    }
}
