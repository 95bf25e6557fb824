package org.hearth.wellbeing;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;

/**
 * A saved measure as the family's clinical readers see it.
 *
 * @param selfHarm PHQ-9 item 9 answered above 0 (the flag was raised when it was saved)
 */
public record MeasureView(
        long id,
        long familyId,
        long memberId,
        String memberName,
        Instrument instrument,
        LocalDate takenOn,
        List<Integer> answers,
        Integer difficulty,
        int total,
        Band band,
        boolean selfHarm,
        Occasion occasion,
        TakenBy takenBy,
        String enteredBy)
        implements Serializable {

    static MeasureView of(Measure m) {
        return new MeasureView(
                m.getId(),
                m.getFamily().getId(),
                m.getMember().getId(),
                m.getMember().getFullName(),
                m.getInstrument(),
                m.getTakenOn(),
                m.getAnswers(),
                m.getDifficulty(),
                m.getTotal(),
                m.getBand(),
                m.isSelfHarm(),
                m.getOccasion(),
                m.getTakenBy(),
                m.getEnteredBy());
    }
}
