package org.hearth.referrals;

/** One step of a referral on the way from "yes" to the first day of treatment. */
public enum ReferralStepKind {
    /** The family or the counselor reached the provider about this loved one. */
    PROVIDER_CONTACTED,
    /** An intake appointment is booked, on a day and at a time. */
    INTAKE_BOOKED,
    /** The counselor called the provider with the family or loved one on the line (a warm hand-off). */
    WARM_HANDOFF,
    /** Who drives the loved one there (or the service) is confirmed. */
    TRANSPORT_CONFIRMED,
    /** The loved one arrived and entered treatment: closes the referral. */
    ARRIVED,
    /** The loved one did not arrive, for a coded reason: closes the referral. */
    DID_NOT_ARRIVE;

    /** Whether this step ends the referral. */
    public boolean closes() {
        return this == ARRIVED || this == DID_NOT_ARRIVE;
    }
}
