package org.hearth.engagement;

/** Something the family did, with the counselor's help, to make treatment more likely. */
public enum FamilyStrategy {
    /** The family agreed a boundary and how they will keep it. */
    BOUNDARY_AGREED,
    /** The family stopped money or support that made using easier. */
    FINANCIAL_SUPPORT_STOPPED,
    /** The family rehearsed a CRAFT invitation to treatment with the counselor. */
    CRAFT_INVITATION_REHEARSED,
    /** The family planned an intervention. */
    INTERVENTION_PLANNED,
    /** The family held an intervention. */
    INTERVENTION_HELD,
    /** A family member joined a support group (Al-Anon, Nar-Anon or the like). */
    SUPPORT_GROUP_JOINED
}
