package org.hearth.wellbeing;

import java.util.ArrayList;
import java.util.List;
import org.hearth.security.Invalid;

/**
 * Scores a questionnaire as its authors do: every item answered 0-3, the total is their sum, the band follows
 * from the total ({@link Instrument#band}). Nothing is scored from a partly answered questionnaire: each missing or
 * out-of-range answer is named, by its question, so the member or the counselor can answer it.
 */
public final class Scoring {

    private Scoring() {}

    /** A scored questionnaire. {@code selfHarm}: PHQ-9 item 9 answered above 0. */
    public record Score(int total, Band band, boolean selfHarm) {}

    /**
     * What is wrong with these answers, one reason per question (field {@code answers[i]}, 0-based; the message
     * names the question 1-based), and about the difficulty question; empty when they can be scored.
     */
    public static List<Invalid.Reason> problems(Instrument instrument, List<Integer> answers, Integer difficulty) {
        List<Invalid.Reason> reasons = new ArrayList<>();
        if (answers == null || answers.size() > instrument.items()) {
            reasons.add(Invalid.Reason.of("answers", "measure.answers.count", String.valueOf(instrument.items())));
            return reasons;
        }
        for (int i = 0; i < instrument.items(); i++) {
            Integer answer = i < answers.size() ? answers.get(i) : null;
            if (answer == null) {
                reasons.add(Invalid.Reason.of("answers[" + i + "]", "measure.answer.required", String.valueOf(i + 1)));
            } else if (answer < 0 || answer > Instrument.HIGHEST_ANSWER) {
                reasons.add(Invalid.Reason.of("answers[" + i + "]", "measure.answer.range", String.valueOf(i + 1)));
            }
        }
        if (difficulty != null) {
            if (!instrument.asksDifficulty()) {
                reasons.add(Invalid.Reason.plain("difficulty", "measure.difficulty.notAsked"));
            } else if (difficulty < 0 || difficulty > Instrument.HIGHEST_ANSWER) {
                reasons.add(Invalid.Reason.plain("difficulty", "measure.difficulty.range"));
            }
        }
        return reasons;
    }

    /** The score of answers that have no {@link #problems}. */
    public static Score score(Instrument instrument, List<Integer> answers) {
        if (answers == null || answers.size() != instrument.items()) {
            throw new IllegalArgumentException(instrument + " needs " + instrument.items() + " answers");
        }
        int total = 0;
        for (Integer answer : answers) {
            if (answer == null || answer < 0 || answer > Instrument.HIGHEST_ANSWER) {
                throw new IllegalArgumentException("an answer is 0-3: " + answer);
            }
            total += answer;
        }
        boolean selfHarm = instrument == Instrument.PHQ9 && answers.get(Instrument.SELF_HARM_ITEM - 1) > 0;
        return new Score(total, instrument.band(total), selfHarm);
    }
}
