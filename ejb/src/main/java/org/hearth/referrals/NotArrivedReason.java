package org.hearth.referrals;

/** Why a loved one who had said yes did not arrive at treatment, as the family tells it. */
public enum NotArrivedReason {
    /** The loved one no longer wanted to go. */
    CHANGED_MIND,
    /** Neither the family nor the provider could reach the loved one. */
    COULD_NOT_BE_REACHED,
    /** The loved one was using or in withdrawal on the day and would not or could not go. */
    USING_ON_THE_DAY,
    /** No one could take them, and no service was found. */
    NO_TRANSPORT,
    /** The insurer refused pre-authorization or the cost was too high. */
    PAYMENT_DENIED,
    /** The provider gave the slot away or had no bed after all. */
    SLOT_LOST,
    /** The loved one was arrested or jailed. */
    ARRESTED_OR_JAILED,
    /** The loved one was in hospital. */
    HOSPITALIZED,
    /** Another reason, said in the step's note. */
    OTHER
}
