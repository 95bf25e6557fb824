package org.hearth.security;

import java.time.Duration;

/**
 * How long an emergency access may last, whatever else ends it: the family's access policy and the audit trail
 * (which marks entries made under an open access) both hold to it, so it lives where both can read it.
 */
public final class EmergencyAccessLimit {

    /** The longest an access lasts, even when its session's end was never seen (a server stopped hard). */
    public static final Duration LONGEST = Duration.ofHours(12);

    private EmergencyAccessLimit() {}
}
