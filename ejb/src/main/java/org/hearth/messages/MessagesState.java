package org.hearth.messages;

/**
 * Where a member stands with messages, in one word: the first reason, in this order, that no message is sent to
 * them, or {@link #BY_EMAIL} when messages are sent. The parts are those of {@link Outbox#mayMessage}.
 */
public enum MessagesState {
    /** Reminders and offers are sent by email. */
    BY_EMAIL,
    /** The member is marked not safe to mail: nothing is sent, whatever they chose. */
    NOT_SAFE_TO_MAIL,
    /** The member stopped messages with the link in one ("Stop these messages"). */
    STOPPED_BY_LINK,
    /** Staff stopped messages at the member's word. */
    STOPPED_AT_WORD,
    /** The member does not take part in the program. */
    NOT_TAKING_PART,
    /** The member has no email address. */
    NO_EMAIL;

    /** The state of a member from the parts {@link Outbox#mayMessage} reads. */
    public static MessagesState of(
            String email, boolean participates, boolean safeToMail, boolean optedOut, boolean byLink) {
        if (!safeToMail) {
            return NOT_SAFE_TO_MAIL;
        }
        if (optedOut) {
            return byLink ? STOPPED_BY_LINK : STOPPED_AT_WORD;
        }
        if (!participates) {
            return NOT_TAKING_PART;
        }
        if (email == null || email.isBlank()) {
            return NO_EMAIL;
        }
        return BY_EMAIL;
    }

    /** Whether messages are stopped by the member's own choice. */
    public boolean stopped() {
        return this == STOPPED_BY_LINK || this == STOPPED_AT_WORD;
    }
}
