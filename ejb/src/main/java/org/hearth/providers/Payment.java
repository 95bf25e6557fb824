package org.hearth.providers;

/** A way of paying for treatment that a provider accepts, or that a loved one would use. */
public enum Payment {
    MEDICAID,
    MEDICARE,
    PRIVATE_INSURANCE,
    SLIDING_FEE,
    FREE
}
