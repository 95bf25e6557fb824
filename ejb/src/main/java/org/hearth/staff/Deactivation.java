package org.hearth.staff;

import java.io.Serializable;

/**
 * What deactivating a staff member ended at once: their open emergency accesses, their calendar feed, their
 * covering assignments not yet over. Families they are still the primary counselor of are counted, not changed:
 * their program's supervisors choose who takes each one over.
 */
public record Deactivation(
        StaffRow staff,
        int emergencyAccessesEnded,
        int calendarFeedsRevoked,
        int coveringAssignmentsEnded,
        long familiesStillPrimary)
        implements Serializable {}
