package org.hearth.referrals;

/** Where a referral ended: still open, the loved one arrived, or did not arrive. */
public enum ReferralOutcome {
    OPEN,
    ARRIVED,
    NOT_ARRIVED
}
