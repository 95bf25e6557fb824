package org.hearth.plans;

/** Where the payer's pre-authorization of the stay stands for one shortlisted provider. */
public enum PreauthState {
    NOT_STARTED,
    /** The payer (or the provider, for free or sliding-fee care) needs none. */
    NOT_NEEDED,
    REQUESTED,
    APPROVED,
    DENIED;

    /** Settled: nothing about payment stands between a yes and the first day (approved, or none needed). */
    public boolean isSettled() {
        return this == APPROVED || this == NOT_NEEDED;
    }

    /** A decision by the payer, which has a date. */
    public boolean isDecided() {
        return this == APPROVED || this == DENIED;
    }
}
