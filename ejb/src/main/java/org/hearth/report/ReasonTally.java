package org.hearth.report;

import java.io.Serializable;

/**
 * How many times a coded reason was given, the code kept as the database holds it (a referral's "did not arrive"
 * reason, {@code org.hearth.referrals.NotArrivedReason}): a code this version does not know is still counted and
 * shown as written.
 */
public record ReasonTally(String code, long count) implements Serializable {}
