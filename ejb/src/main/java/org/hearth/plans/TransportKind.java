package org.hearth.plans;

/** How the loved one gets to the provider on the day. */
public enum TransportKind {
    /** A family member drives. */
    FAMILY_DRIVES,
    /** A transport service (a medical ride, a taxi voucher). */
    SERVICE,
    /** The provider picks the loved one up. */
    PROVIDER_PICKUP,
    /** Bus, train or subway. */
    PUBLIC_TRANSIT
}
