package org.hearth.report;

import java.io.Serializable;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A part of a whole, counted in the database: "3 of 5 entered treatment". The fraction is computed here from the
 * two counts, so a figure and its suppressed form ({@link Suppression}) start from the same numbers.
 *
 * @param part how many of the whole have the property
 * @param whole how many there are
 */
public record Share(long part, long whole) implements Serializable {

    public Share {
        if (part < 0 || whole < 0 || part > whole) {
            throw new IllegalArgumentException("a share is a part of its whole, not " + part + " of " + whole);
        }
    }

    /** {@code part / whole} to four decimals (0.6 for 3 of 5), or null when the whole is empty. */
    public BigDecimal fraction() {
        if (whole == 0) {
            return null;
        }
        return BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP);
    }
}
