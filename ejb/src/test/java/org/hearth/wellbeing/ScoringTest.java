package org.hearth.wellbeing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import org.hearth.security.Invalid;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Questionnaires scored by hand (the sum of the items, the band from the published cut-offs) against Hearth. */
class ScoringTest {

    private static List<Integer> answers(String digits) {
        return digits.chars().mapToObj(c -> c - '0').toList();
    }

    @ParameterizedTest(name = "PHQ-9 {0} totals {1}, {2}")
    @CsvSource({
        // answers, hand-summed total, band
        "000000000, 0, MINIMAL",
        "111100000, 4, MINIMAL",
        "111110000, 5, MILD",
        "212110100, 8, MILD",
        "222111000, 9, MILD",
        "222211000, 10, MODERATE",
        "322221110, 14, MODERATE",
        "332221110, 15, MODERATELY_SEVERE",
        "333322210, 19, MODERATELY_SEVERE",
        "333332210, 20, SEVERE",
        "333333333, 27, SEVERE"
    })
    void phq9IsScoredAsByHand(String digits, int total, Band band) {
        Scoring.Score score = Scoring.score(Instrument.PHQ9, answers(digits));

        assertThat(score.total()).isEqualTo(total);
        assertThat(score.band()).isEqualTo(band);
    }

    @ParameterizedTest(name = "GAD-7 {0} totals {1}, {2}")
    @CsvSource({
        "0000000, 0, MINIMAL",
        "1110100, 4, MINIMAL",
        "1111100, 5, MILD",
        "2221110, 9, MILD",
        "2222110, 10, MODERATE",
        "3222221, 14, MODERATE",
        "3322221, 15, SEVERE",
        "3333333, 21, SEVERE"
    })
    void gad7IsScoredAsByHand(String digits, int total, Band band) {
        Scoring.Score score = Scoring.score(Instrument.GAD7, answers(digits));

        assertThat(score.total()).isEqualTo(total);
        assertThat(score.band()).isEqualTo(band);
    }

    @Test
    void gad7HasNoModeratelySevereBand() {
        assertThat(Instrument.GAD7.cuts()).extracting(Instrument.Cut::band).doesNotContain(Band.MODERATELY_SEVERE);
        assertThat(Instrument.GAD7.maxTotal()).isEqualTo(21);
        assertThat(Instrument.PHQ9.maxTotal()).isEqualTo(27);
    }

    @Test
    void anItem9AnswerAboveZeroIsSelfHarmWhateverTheTotal() {
        assertThat(Scoring.score(Instrument.PHQ9, answers("000000001")).selfHarm())
                .isTrue();
        assertThat(Scoring.score(Instrument.PHQ9, answers("000000001")).band()).isEqualTo(Band.MINIMAL);
        assertThat(Scoring.score(Instrument.PHQ9, answers("333333330")).selfHarm())
                .isFalse();
        // GAD-7 has no item 9; its seventh item is "afraid something awful might happen"
        assertThat(Scoring.score(Instrument.GAD7, answers("0000003")).selfHarm())
                .isFalse();
    }

    @Test
    void eachMissingOrOutOfRangeAnswerIsNamedByItsQuestion() {
        List<Integer> given = Arrays.asList(1, null, 2, 4, 0, 0, null, 0, -1);

        List<Invalid.Reason> problems = Scoring.problems(Instrument.PHQ9, given, null);

        assertThat(problems)
                .extracting(Invalid.Reason::field)
                .containsExactly("answers[1]", "answers[3]", "answers[6]", "answers[8]");
        assertThat(problems)
                .extracting(r -> r.text(ResourceBundle.getBundle("ValidationMessages", Locale.ENGLISH)))
                .containsExactly(
                        "Question 2 needs an answer.",
                        "Question 4: choose one of the four answers (0 to 3).",
                        "Question 7 needs an answer.",
                        "Question 9: choose one of the four answers (0 to 3).");
        assertThat(problems.get(0).text(ResourceBundle.getBundle("ValidationMessages", Locale.forLanguageTag("es"))))
                .isEqualTo("Falta la respuesta a la pregunta 2.");
    }

    @Test
    void tooFewAnswersNameTheUnansweredQuestionsAndTooManyAreRefused() {
        assertThat(Scoring.problems(Instrument.GAD7, List.of(1, 1, 1, 1, 1), null))
                .extracting(Invalid.Reason::field)
                .containsExactly("answers[5]", "answers[6]");
        assertThat(Scoring.problems(Instrument.GAD7, answers("000000000"), null))
                .extracting(Invalid.Reason::field)
                .containsExactly("answers");
        assertThat(Scoring.problems(Instrument.GAD7, null, null))
                .extracting(Invalid.Reason::field)
                .containsExactly("answers");
    }

    @Test
    void theDifficultyQuestionIsOptionalAndAskedOnlyByThePhq9() {
        assertThat(Scoring.problems(Instrument.PHQ9, answers("000000000"), null))
                .isEmpty();
        assertThat(Scoring.problems(Instrument.PHQ9, answers("000000000"), 3)).isEmpty();
        assertThat(Scoring.problems(Instrument.PHQ9, answers("000000000"), 4))
                .extracting(Invalid.Reason::field)
                .containsExactly("difficulty");
        assertThat(Scoring.problems(Instrument.GAD7, answers("0000000"), 1))
                .extracting(Invalid.Reason::messageKey)
                .containsExactly("measure.difficulty.notAsked");
    }

    @Test
    void aPartlyAnsweredQuestionnaireIsNeverScored() {
        assertThatThrownBy(() -> Scoring.score(Instrument.PHQ9, answers("00000000")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Instrument.GAD7.band(22)).isInstanceOf(IllegalArgumentException.class);
    }
}
