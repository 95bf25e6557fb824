package org.hearth.security;

import java.util.List;

/**
 * The change cannot be made because of where the records stand, not because of what was typed: someone is
 * already booked then, the group is full, the intake is already completed, the username belongs to another
 * account. Answered 409, naming what stands in the way.
 */
public final class Conflict extends Refusal {

    private static final long serialVersionUID = 1L;

    /** What stands in the way. */
    public enum Subject {
        /** The counselor, the room or a member is already booked at that time. */
        CLASH,
        /** The member cannot be enrolled in the group. */
        ENROLLMENT,
        /** The record is where it cannot be changed (a completed intake, a closed family). */
        LOCKED,
        /** The username is already linked to another identity-provider account. */
        IDENTITY,
        /** Someone else changed the record since the caller read it (a stale version): load it again. */
        STALE
    }

    private final Subject subject;
    private final List<Invalid.Reason> reasons;

    public Conflict(Subject subject, List<Invalid.Reason> reasons) {
        super(subject + ": " + reasons);
        this.subject = subject;
        this.reasons = List.copyOf(reasons);
    }

    /** A conflict said in one English sentence written by the service. */
    public Conflict(Subject subject, String message) {
        super(message);
        this.subject = subject;
        this.reasons = List.of();
    }

    public Subject getSubject() {
        return subject;
    }

    /** What stands in the way, one reason each (who or which room is booked, and when); may be empty. */
    public List<Invalid.Reason> getReasons() {
        return reasons;
    }
}
