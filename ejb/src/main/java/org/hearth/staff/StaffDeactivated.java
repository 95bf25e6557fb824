package org.hearth.staff;

import java.time.Instant;

/**
 * A staff member has just been deactivated, in the administrator's transaction. The features that hold work
 * of theirs observe it and end what must end at once (emergency accesses, calendar feeds, covering
 * assignments), noting here what they ended for the answer and the audit entry; the staff package needs to
 * know none of them.
 */
public final class StaffDeactivated {

    private final StaffMember member;
    private final Instant at;
    private final String by;
    private int emergencyAccessesEnded;
    private int calendarFeedsRevoked;
    private int coveringAssignmentsEnded;
    private long familiesStillPrimary;

    public StaffDeactivated(StaffMember member, Instant at, String by) {
        this.member = member;
        this.at = at;
        this.by = by;
    }

    public StaffMember member() {
        return member;
    }

    public Instant at() {
        return at;
    }

    /** The administrator's username. */
    public String by() {
        return by;
    }

    public void emergencyAccessesEnded(int count) {
        emergencyAccessesEnded += count;
    }

    public void calendarFeedsRevoked(int count) {
        calendarFeedsRevoked += count;
    }

    public void coveringAssignmentsEnded(int count) {
        coveringAssignmentsEnded += count;
    }

    public void familiesStillPrimary(long count) {
        familiesStillPrimary += count;
    }

    public int emergencyAccessesEnded() {
        return emergencyAccessesEnded;
    }

    public int calendarFeedsRevoked() {
        return calendarFeedsRevoked;
    }

    public int coveringAssignmentsEnded() {
        return coveringAssignmentsEnded;
    }

    public long familiesStillPrimary() {
        return familiesStillPrimary;
    }
}
