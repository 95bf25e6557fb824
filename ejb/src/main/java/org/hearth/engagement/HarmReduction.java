package org.hearth.engagement;

/** A harm-reduction step taken with the family, to keep the loved one alive while they are not in treatment. */
public enum HarmReduction {
    /** The family was given a naloxone kit. */
    NALOXONE_KIT_GIVEN,
    /** The family was trained to recognise and respond to an overdose. */
    OVERDOSE_TRAINING,
    /** The family was given fentanyl test strips. */
    FENTANYL_TEST_STRIPS,
    /** The family was referred to syringe services for the loved one. */
    SYRINGE_SERVICES_REFERRAL
}
