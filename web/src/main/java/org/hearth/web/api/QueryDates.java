package org.hearth.web.api;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.hearth.security.Invalid;

/** A day given in a query parameter, as yyyy-mm-dd; anything else is refused (400) naming the parameter. */
final class QueryDates {

    private QueryDates() {}

    /** The day {@code value} names; refused when it is not a date as yyyy-mm-dd. */
    static LocalDate day(String name, String value) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new Invalid(
                    Invalid.Subject.REQUEST, Invalid.Reason.written(name, "'" + name + "' is a date as yyyy-mm-dd."));
        }
    }

    /** As {@link #day}, or null when the parameter is absent or blank. */
    static LocalDate dayOrNull(String name, String value) {
        return value == null || value.isBlank() ? null : day(name, value.strip());
    }
}
