package org.hearth.report;

import java.io.Serializable;

/**
 * What became of the referrals made in a range (issue 24), by the last day observed.
 *
 * @param started referrals made in Hearth on a day of the range
 * @param arrived of them, those whose loved one arrived at the provider by the last day observed
 * @param lost of them, those that ended "did not arrive" by the last day observed
 * @param medianDaysToArrival median days from the accepted offer to the arrival, over the arrived ones (halfway
 *     between the two middle values for an even count), or null when none arrived
 * @param readyAtAcceptance of them, those whose ready plan was ready when the offer was accepted
 */
public record ReferralOutcomes(
        long started, long arrived, long lost, Double medianDaysToArrival, long readyAtAcceptance)
        implements Serializable {

    /** No referral at all. */
    public static final ReferralOutcomes NONE = new ReferralOutcomes(0, 0, 0, null, 0);

    /** Arrived of the referrals started. */
    public Share arrivedShare() {
        return new Share(arrived, started);
    }

    /** Ready plans at acceptance of the referrals started. */
    public Share readyShare() {
        return new Share(readyAtAcceptance, started);
    }
}
