package org.hearth.notes;

/**
 * The CRAFT procedures a counselor works through with a family (DESIGN.md section 2). Allowing natural
 * consequences is only recorded once a safety plan exists for a family with a safety flag.
 */
public enum CraftProcedure {
    MOTIVATING_FAMILY_MEMBER,
    FUNCTIONAL_ANALYSIS,
    POSITIVE_COMMUNICATION,
    REWARDING_NON_USE,
    WITHDRAWING_REWARDS,
    NATURAL_CONSEQUENCES,
    PROBLEM_SOLVING,
    SELF_CARE,
    TREATMENT_INVITATION,
    TREATMENT_READY
}
