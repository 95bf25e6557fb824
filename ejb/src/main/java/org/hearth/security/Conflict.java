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
    private final String record;

    public Conflict(Subject subject, List<Invalid.Reason> reasons) {
        super(subject + ": " + reasons);
        this.subject = subject;
        this.reasons = List.copyOf(reasons);
        this.record = null;
    }

    /** A conflict said in one English sentence written by the service. */
    public Conflict(Subject subject, String message) {
        super(message);
        this.subject = subject;
        this.reasons = List.of();
        this.record = null;
    }

    private Conflict(String record) {
        super("the " + record + " was changed by someone else meanwhile");
        this.subject = Subject.STALE;
        this.reasons = List.of();
        this.record = record;
    }

    /**
     * Someone else changed the record since the caller read it: the version the caller names is not the
     * record's. {@code record} names it as a person would ("family", "member", "clinic's hours", "group meeting");
     * the API's 409 and the page's message both say it.
     */
    public static Conflict stale(String record) {
        return new Conflict(record);
    }

    /** Throws {@link #stale} unless {@code version} is the record's current one ({@code null} counts as stale). */
    public static void requireVersion(Long version, long current, String record) {
        if (version == null || version.longValue() != current) {
            throw stale(record);
        }
    }

    public Subject getSubject() {
        return subject;
    }

    /** The record a stale version was read from ("family", "clinic's hours"), or {@code null} when not named. */
    public String getRecord() {
        return record;
    }

    /** What stands in the way, one reason each (who or which room is booked, and when); may be empty. */
    public List<Invalid.Reason> getReasons() {
        return reasons;
    }
}
