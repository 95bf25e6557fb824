package org.hearth.plans;

/** A step of the ready plan not done yet, in the order a family works through them. */
public enum MissingStep {
    NO_PROVIDER,
    NONE_INTERVIEWED,
    NO_SLOT,
    PREAUTH_NOT_SETTLED,
    NO_TRANSPORT,
    NOBODY_GOING_ALONG,
    BAG_NOT_PACKED
}
