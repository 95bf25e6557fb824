package org.hearth.engagement;

/** How the loved one answered a treatment offer. */
public enum OfferResponse {
    /** Said no. */
    REFUSED,
    /** Said not now, or wanted time to think. */
    DEFERRED,
    /** Said yes. */
    ACCEPTED
}
