package org.hearth.engagement;

/** Who put a treatment offer to the loved one. */
public enum OfferedBy {
    /** A family member, as rehearsed in CRAFT (an invitation, not an ultimatum). */
    FAMILY_INVITATION,
    /** The family's counselor at Hearth. */
    COUNSELOR,
    /** A planned intervention by family and friends. */
    INTERVENTION,
    /** Another provider: a doctor, an emergency department, a court or a program. */
    OTHER_PROVIDER
}
