package org.hearth.report;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Small-cell suppression for de-identified reports (exports, charts for a funder): a count from 1 to 4 could point
 * to a family, so it is shown as {@value #SUPPRESSED_COUNT}; 0 is shown, since it points to nobody. A share built
 * on such a count is suppressed too, and so is the part of a shown whole whose complement is small (12 families,
 * 10 of them entered: "10" would give away the 2 who did not), because readers subtract.
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
}
