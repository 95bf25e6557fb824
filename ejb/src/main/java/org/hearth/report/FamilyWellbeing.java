package org.hearth.report;

import java.io.Serializable;
import java.util.List;

/**
 * The family members' own wellbeing (issue 25), counted by {@link ProgramFigures#familyWellbeing}: how many
 * members answered a PHQ-9 or GAD-7 in the range, and per instrument how their totals changed from their intake
 * measure to the one about 90 days later.
 *
 * @param membersMeasured participating members of the scope's families with a measure taken on a day of the range
 * @param changes per instrument (PHQ-9 first), the paired changes from intake to about 90 days
 */
public record FamilyWellbeing(long membersMeasured, List<WellbeingChange> changes) implements Serializable {

    /** Nobody measured. */
    public static final FamilyWellbeing NONE = new FamilyWellbeing(0, List.of());

    public FamilyWellbeing {
        changes = List.copyOf(changes);
    }

    /**
     * The paired change of one instrument: members with an intake measure and a later one taken
     * {@value ProgramFigures#PAIRED_FROM_DAYS}-{@value ProgramFigures#PAIRED_TO_DAYS} days after it (the one nearest
     * to 90 days), that later one taken on a day of the range.
     *
     * @param instrument {@code PHQ9} or {@code GAD7}
     * @param pairs how many members have such a pair
     * @param meanChange the mean of (later total - intake total): negative is better; null without pairs
     * @param improved pairs whose total went down by 5 points or more
     * @param worsened pairs whose total went up by 5 points or more
     */
    public record WellbeingChange(String instrument, long pairs, Double meanChange, long improved, long worsened)
            implements Serializable {

        /** Improved by 5 points or more, of the pairs. */
        public Share improvedShare() {
            return new Share(improved, pairs);
        }

        /** Worsened by 5 points or more, of the pairs. */
        public Share worsenedShare() {
            return new Share(worsened, pairs);
        }
    }

    /** The change of {@code instrument}, or one with no pairs. */
    public WellbeingChange change(String instrument) {
        return changes.stream()
                .filter(c -> c.instrument().equals(instrument))
                .findFirst()
                .orElse(new WellbeingChange(instrument, 0, null, 0, 0));
    }
}
