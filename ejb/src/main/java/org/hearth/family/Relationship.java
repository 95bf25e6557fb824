package org.hearth.family;

/** How a family member, or a loved one, is related to the person the family worries about. */
public enum Relationship {
    PARENT,
    PARTNER_OR_SPOUSE,
    CHILD,
    SIBLING,
    GRANDPARENT,
    OTHER
}
