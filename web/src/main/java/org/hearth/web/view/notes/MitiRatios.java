package org.hearth.web.view.notes;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * How pages round the MITI ratios, the same in tables and charts: R:Q to two decimals, %CR as a whole percent.
 * Bands are never decided on these rounded numbers ({@link org.hearth.notes.MitiSummary} decides them exactly).
 */
final class MitiRatios {

    private MitiRatios() {}

    /** R:Q to two decimals; null when no question was asked. */
    static BigDecimal reflectionToQuestion(BigDecimal ratio) {
        return ratio == null ? null : ratio.setScale(2, RoundingMode.HALF_UP);
    }

    /** %CR as a whole percent (0.4 is 40); null when no reflection was made. */
    static BigDecimal percent(BigDecimal fraction) {
        return fraction == null ? null : fraction.movePointRight(2).setScale(0, RoundingMode.HALF_UP);
    }

    /** A ratio as a page shows it, a dash when not applicable. */
    static String shown(BigDecimal value, boolean percent) {
        if (value == null) {
            return "—";
        }
        return percent ? percent(value) + "%" : reflectionToQuestion(value).toString();
    }
}
