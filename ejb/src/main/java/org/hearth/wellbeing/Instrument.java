package org.hearth.wellbeing;

import java.util.List;

/**
 * A questionnaire a family member answers about the last two weeks, each item from 0 ("not at all") to 3 ("nearly
 * every day"); the total is the sum of the items and falls in a severity band. Both are free to use (Pfizer: "No
 * permission required to reproduce, translate, display or distribute").
 *
 * <ul>
 *   <li>PHQ-9 (Kroenke, Spitzer and Williams 2001), depression: 9 items, total 0-27; minimal 0-4, mild 5-9,
 *       moderate 10-14, moderately severe 15-19, severe 20-27. Item 9 asks about thoughts of being better off dead
 *       or of self-harm. A tenth question (how difficult the problems made life) is not scored.
 *   <li>GAD-7 (Spitzer, Kroenke, Williams and Löwe 2006), anxiety: 7 items, total 0-21; minimal 0-4, mild 5-9,
 *       moderate 10-14, severe 15-21.
 * </ul>
 */
public enum Instrument {
    PHQ9(
            9,
            List.of(
                    new Cut(0, Band.MINIMAL),
                    new Cut(5, Band.MILD),
                    new Cut(10, Band.MODERATE),
                    new Cut(15, Band.MODERATELY_SEVERE),
                    new Cut(20, Band.SEVERE))),
    GAD7(
            7,
            List.of(
                    new Cut(0, Band.MINIMAL),
                    new Cut(5, Band.MILD),
                    new Cut(10, Band.MODERATE),
                    new Cut(15, Band.SEVERE)));

    /** The highest answer to an item ("nearly every day"). */
    public static final int HIGHEST_ANSWER = 3;

    /** The PHQ-9 item (1-based) about thoughts of being better off dead or of self-harm. */
    public static final int SELF_HARM_ITEM = 9;

    /** A band starts at {@code from} (inclusive) and runs to the next cut. */
    public record Cut(int from, Band band) {}

    private final int items;
    private final List<Cut> cuts;

    Instrument(int items, List<Cut> cuts) {
        this.items = items;
        this.cuts = cuts;
    }

    /** How many scored items it has. */
    public int items() {
        return items;
    }

    /** The highest total. */
    public int maxTotal() {
        return items * HIGHEST_ANSWER;
    }

    /** The bands from the lowest, each with the total it starts at (the chart draws these lines). */
    public List<Cut> cuts() {
        return cuts;
    }

    /** Whether the instrument has the unscored "how difficult" question (PHQ-9 only). */
    public boolean asksDifficulty() {
        return this == PHQ9;
    }

    /** The band of {@code total}, which must be between 0 and {@link #maxTotal}. */
    public Band band(int total) {
        if (total < 0 || total > maxTotal()) {
            throw new IllegalArgumentException(this + " total out of range: " + total);
        }
        Band band = cuts.get(0).band();
        for (Cut cut : cuts) {
            if (total >= cut.from()) {
                band = cut.band();
            }
        }
        return band;
    }
}
