package org.hearth.groups;

/** A member's answer about one group meeting, given by a link in its reminder. */
public enum MeetingAnswer {
    /** "I'll be there". */
    CONFIRMED,
    /** "I can't come": cancelled by the family in advance. */
    CANT_COME
}
