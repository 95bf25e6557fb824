package org.hearth.resources;

/** What a community resource is, as the directory codes it; pages show {@code ResourceKind.<NAME>}. */
public enum ResourceKind {
    /** Mutual help for families: Al-Anon, Nar-Anon, SMART Recovery Family &amp; Friends, Learn to Cope. */
    FAMILY_MUTUAL_HELP,
    /** Mutual help for the loved one: NA, AA, SMART Recovery. */
    LOVED_ONE_MUTUAL_HELP,
    /** A meeting held online. */
    ONLINE_MEETING,
    /** Where naloxone can be picked up. */
    NALOXONE_PICKUP,
    /** Syringe services. */
    SYRINGE_SERVICES,
    /** A crisis line. */
    CRISIS_LINE,
    /** A faith or community group. */
    FAITH_OR_COMMUNITY,
    /** Anything else. */
    OTHER
}
