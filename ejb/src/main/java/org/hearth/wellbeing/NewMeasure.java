package org.hearth.wellbeing;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;

/**
 * A questionnaire to save, as a member answered it.
 *
 * @param memberId the participating member of the family who answered
 * @param instrument PHQ-9 or GAD-7
 * @param takenOn the day it was answered; null: today (the clinic's)
 * @param answers each item's answer 0-3, in order; every item is required
 * @param difficulty PHQ-9's unscored question "how difficult have these problems made it...", 0-3, or null
 * @param takenBy with the counselor or on the tablet; null: with the counselor
 */
public record NewMeasure(
        Long memberId,
        Instrument instrument,
        LocalDate takenOn,
        List<Integer> answers,
        Integer difficulty,
        TakenBy takenBy)
        implements Serializable {}
