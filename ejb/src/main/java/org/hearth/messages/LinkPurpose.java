package org.hearth.messages;

/** What a single-use link in a message does when its reader uses it. */
public enum LinkPurpose {
    /** "I'll be there": a reminder's appointment or meeting confirmed. */
    CONFIRM,
    /** "I can't come": cancelled by the family, at the time the link is used. */
    CANT_COME,
    /** "Take the seat": the group seat offered is accepted. */
    TAKE_SEAT,
    /** "No thanks": the seat offered passes to the next on the waitlist. */
    NO_THANKS,
    /** "Stop these messages": the member receives no more messages. */
    OPT_OUT
}
