package org.hearth.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * Small-cell suppression for de-identified reports (exports, charts for a funder). The rule, as a privacy officer
 * reads it:
 *
 * <ol>
 *   <li><b>Small cells.</b> A count from 1 to 4 could point to a family, so it is shown as {@value
 *       #SUPPRESSED_COUNT}; 0 is shown, since it points to nobody. A share built on such a count is suppressed
 *       ({@value #SUPPRESSED_SHARE}), and so is the part of a shown whole whose complement is small (12 families,
 *       10 of them entered: "10" would give away the 2 who did not), because readers subtract.
 *   <li><b>Secondary suppression.</b> No withheld cell may be worked out from what is shown. Where a line of a
 *       table (a column summed in a shown total, or a row whose cells add up to a shown figure) withholds a cell,
 *       it withholds at least one more: the smallest shown cell of the line, as {@value #WITHHELD}, repeated until
 *       the withheld cells' sum (total less the cells shown) no longer pins any of them, knowing each small one is
 *       1 to 4 and each other one at least 5 ({@link #revealsWithheld}). Where no cell is left to withhold, the
 *       total is withheld. A percent of a withheld count is withheld with it, so a shown denominator cannot give
 *       the count back.
 *   <li><b>The time-to-entry curve</b> is shown in steps ({@link #curve}): consecutive days are merged until each
 *       step's entries and censorings are each 0 or at least 5, so every count of the curve - followed, entered,
 *       censored - is shown as it is and none stands beside a hidden one; the last step runs to the end of the
 *       curve, so the followed counts add up with nothing left over. A curve that cannot be cut so (fewer than 5
 *       entries or censorings in all) is not shown.
 * </ol>
 *
 * <p>Identified lists, which the service audits, are never suppressed; this is only for the de-identified form.
 */
public final class Suppression {

    /** The smallest count shown as it is. */
    public static final int SMALLEST_SHOWN = 5;

    /** What a suppressed count reads as. */
    public static final String SUPPRESSED_COUNT = "<5";

    /** What a suppressed share or statistic reads as: "based on fewer than 5". */
    public static final String SUPPRESSED_SHARE = "n<5";

    /** What a count withheld so that a small one cannot be worked out from a total reads as. */
    public static final String WITHHELD = "x";

    /** What a share of nothing reads as. */
    public static final String NO_SHARE = "-";

    private Suppression() {}

    /** Whether a count must be hidden: from 1 to 4. */
    public static boolean isSmall(long count) {
        return count >= 1 && count < SMALLEST_SHOWN;
    }

    /** A count as a de-identified report shows it: {@value #SUPPRESSED_COUNT} from 1 to 4, else the number. */
    public static String count(long count) {
        return isSmall(count) ? SUPPRESSED_COUNT : Long.toString(count);
    }

    /**
     * Whether a share must be hidden: when its part or its whole is small, or the rest of the whole (whole minus
     * part) is, since the whole is shown beside it.
     */
    public static boolean isSuppressed(Share share) {
        return isSmall(share.part()) || isSmall(share.whole()) || isSmall(share.whole() - share.part());
    }

    /**
     * The part of a share as a de-identified report shows it beside its whole: {@value #SUPPRESSED_COUNT} when the
     * share is suppressed ({@link #isSuppressed}), else the number.
     */
    public static String part(Share share) {
        return isSuppressed(share) ? SUPPRESSED_COUNT : Long.toString(share.part());
    }

    /**
     * A share as a whole percent (half up: 2 of 3 is "67%"), {@value #SUPPRESSED_SHARE} when suppressed, and
     * {@value #NO_SHARE} when the whole is 0.
     */
    public static String percent(Share share) {
        if (share.whole() == 0) {
            return NO_SHARE;
        }
        if (isSuppressed(share)) {
            return SUPPRESSED_SHARE;
        }
        return BigDecimal.valueOf(share.part() * 100)
                        .divide(BigDecimal.valueOf(share.whole()), 0, RoundingMode.HALF_UP)
                        .toPlainString()
                + "%";
    }

    /**
     * Whether a statistic of a group (a median, a mean, a point of the curve) may be shown: not when the group it is
     * computed over has 1 to 4 members.
     */
    public static boolean isShownFor(long groupSize) {
        return !isSmall(groupSize);
    }

    /**
     * Whether the withheld cells of a line whose total is shown could be worked out from it: when only one is
     * withheld, or when their sum (the total less the cells shown) is the least or the most it could be - every small
     * one 1 and every other one 5, or, with small ones only, every one 4.
     *
     * @param withheld the true counts withheld in the line
     */
    public static boolean revealsWithheld(List<Long> withheld) {
        if (withheld.isEmpty()) {
            return false;
        }
        if (withheld.size() == 1) {
            return true;
        }
        long small = withheld.stream().filter(Suppression::isSmall).count();
        long other = withheld.size() - small;
        long sum = withheld.stream().mapToLong(Long::longValue).sum();
        return sum == small + SMALLEST_SHOWN * other || (other == 0 && sum == (SMALLEST_SHOWN - 1) * small);
    }

    /** Whether a count may stand in a curve's step or a line's total beside shown counts: 0, or at least 5. */
    private static boolean isShownExactly(long count) {
        return count == 0 || count >= SMALLEST_SHOWN;
    }

    /**
     * The time-to-entry curve as a de-identified report shows it: consecutive days merged into steps whose entries
     * and censorings are each 0 or at least 5. A step is dated by its last day; it reads the loved ones followed on
     * its first day, the entries and censorings of all its days, and the share not yet in treatment after its last
     * day. What is left at the end joins the step before; a curve that cannot be cut so is empty.
     */
    public static List<SurvivalPoint> curve(List<SurvivalPoint> days) {
        List<SurvivalPoint> steps = new ArrayList<>();
        SurvivalPoint open = null;
        for (SurvivalPoint day : days) {
            open = open == null
                    ? day
                    : new SurvivalPoint(
                            day.day(),
                            open.atRisk(),
                            open.entered() + day.entered(),
                            open.censored() + day.censored(),
                            day.notEnteredYet());
            if (isShownExactly(open.entered()) && isShownExactly(open.censored())) {
                steps.add(open);
                open = null;
            }
        }
        while (open != null) {
            if (steps.isEmpty()) {
                return List.of();
            }
            SurvivalPoint before = steps.remove(steps.size() - 1);
            open = new SurvivalPoint(
                    open.day(),
                    before.atRisk(),
                    before.entered() + open.entered(),
                    before.censored() + open.censored(),
                    open.notEnteredYet());
            if (isShownExactly(open.entered()) && isShownExactly(open.censored())) {
                steps.add(open);
                open = null;
            }
        }
        return List.copyOf(steps);
    }
}
