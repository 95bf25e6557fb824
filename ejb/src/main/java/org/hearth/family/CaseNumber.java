package org.hearth.family;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A family's case number, {@code F-YYYY-NNNNN}: the year of intake and a sequence that starts at 1 each
 * year and has no gaps.
 */
public record CaseNumber(int year, int sequence) {

    private static final Pattern FORMAT = Pattern.compile("F-(\\d{4})-(\\d{5})");
    static final int MAX_SEQUENCE = 99_999;

    public CaseNumber {
        if (year < 1900 || year > 9999) {
            throw new IllegalArgumentException("a case number's year has four digits: " + year);
        }
        if (sequence < 1 || sequence > MAX_SEQUENCE) {
            throw new IllegalArgumentException(
                    "a case number's sequence runs from 1 to " + MAX_SEQUENCE + ": " + sequence);
        }
    }

    /** Reads {@code F-2026-00042}; anything else is refused with the expected format. */
    public static CaseNumber parse(String text) {
        Matcher matcher = FORMAT.matcher(text == null ? "" : text.trim());
        if (!matcher.matches()) {
            throw new IllegalArgumentException("a case number looks like F-2026-00042: " + text);
        }
        return new CaseNumber(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)));
    }

    @Override
    public String toString() {
        return String.format("F-%04d-%05d", year, sequence);
    }
}
