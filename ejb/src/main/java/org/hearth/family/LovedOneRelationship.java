package org.hearth.family;

/** Who the loved one is to the family. */
public enum LovedOneRelationship {
    SON_OR_DAUGHTER,
    PARTNER_OR_SPOUSE,
    PARENT,
    SIBLING,
    GRANDCHILD,
    OTHER_RELATIVE,
    FRIEND
}
