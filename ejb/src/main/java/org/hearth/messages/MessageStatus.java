package org.hearth.messages;

/** Where a message in the outbox stands. */
public enum MessageStatus {
    /** Waiting for its due time, or for its next attempt after a failure. */
    PENDING,
    /** Accepted by the mail server. */
    SENT,
    /** Not sent, and never will be: refused for good by the mail server, or out of attempts or of time. */
    FAILED,
    /** Taken back before it was sent: its session was cancelled or moved, the member left, opted out, ... */
    WITHDRAWN
}
