package org.hearth.engagement;

/** Why a loved one said no to treatment, as the family heard it; several may apply to one refusal. */
public enum RefusalReason {
    /** Afraid of going through withdrawal ("dope sickness"). */
    FEAR_OF_WITHDRAWAL,
    /** Does not see the use as a problem. */
    DENIAL,
    /** Ashamed, or afraid of what others will think or know. */
    STIGMA_OR_SHAME,
    /** Believes something untrue about treatment (for example that medication is "just another drug"). */
    MISINFORMATION,
    /** Cannot pay, or has no insurance that covers it. */
    FINANCIAL_OR_INSURANCE,
    /** Transport, work, childcare or a waiting list stands in the way. */
    LOGISTICAL,
    /** Tried treatment before and it did not work. */
    PAST_TREATMENT_FAILED,
    /** Another reason, described in the event's note. */
    OTHER
}
