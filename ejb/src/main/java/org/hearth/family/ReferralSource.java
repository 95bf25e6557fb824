package org.hearth.family;

/** How a family came to the program. */
public enum ReferralSource {
    SELF,
    FAMILY_OR_FRIEND,
    HEALTHCARE_PROVIDER,
    HOSPITAL_OR_EMERGENCY,
    COURT_OR_LEGAL,
    SCHOOL_OR_EMPLOYER,
    COMMUNITY_ORGANIZATION,
    HOTLINE_OR_WEBSITE,
    OTHER
}
