package org.hearth.messages;

/** What a message is for. Each kind has one {@link LetterWriter}, which writes its text at sending time. */
public enum MessageKind {
    /** A reminder of a family session (subject: the Appointment), sent at each of the clinic's reminder leads. */
    SESSION_REMINDER,
    /** A reminder of a group meeting (subject: the SupportGroup; about: the meeting's start). */
    MEETING_REMINDER,
    /** A freed group seat offered to the first on the waitlist (subject: the Enrollment; about: the deadline). */
    SEAT_OFFER
}
