package org.hearth.groups;

import java.time.Duration;

/**
 * How long a freed seat is held for the member it is offered to: {@code HEARTH_SEAT_OFFER_HOURS} (or the system
 * property {@code hearth.seat-offer.hours}), a whole number of hours from 1 to 336 (two weeks); 48 when unset. A
 * value that is not such a number stops the deployment with a message naming the setting, rather than offering
 * seats with a deadline nobody chose.
 */
public final class SeatOfferDeadline {

    static final String VARIABLE = "HEARTH_SEAT_OFFER_HOURS";
    static final String PROPERTY = "hearth.seat-offer.hours";
    static final int DEFAULT_HOURS = 48;
    static final int MAX_HOURS = 14 * 24;

    private SeatOfferDeadline() {}

    /** The time an offer holds its seat, as configured. */
    public static Duration configured() {
        return of(System.getProperty(PROPERTY, System.getenv(VARIABLE)));
    }

    /** The time an offer holds its seat for the setting's {@code value} (null or blank: the default). */
    static Duration of(String value) {
        if (value == null || value.isBlank()) {
            return Duration.ofHours(DEFAULT_HOURS);
        }
        int hours;
        try {
            hours = Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw unusable(value);
        }
        if (hours < 1 || hours > MAX_HOURS) {
            throw unusable(value);
        }
        return Duration.ofHours(hours);
    }

    private static IllegalStateException unusable(String value) {
        return new IllegalStateException(VARIABLE + " is the hours a waitlist seat offer holds its seat, a whole number"
                + " from 1 to " + MAX_HOURS + ": '" + value + "' is not (unset, it is " + DEFAULT_HOURS + ")");
    }
}
