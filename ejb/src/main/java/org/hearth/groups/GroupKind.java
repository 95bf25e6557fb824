package org.hearth.groups;

/** What a support group is for (DESIGN.md section 3). */
public enum GroupKind {
    CRAFT_SKILLS,
    PARENTS,
    SPANISH_FAMILY,
    PARTNERS,
    SELF_CARE
}
