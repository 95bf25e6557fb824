package org.hearth.groups;

/** Why a member left a group or its waitlist. */
public enum LeaveReason {
    /** Taken off by the front desk or a facilitator (the member asked, stopped coming, ...). */
    LEFT,
    /** Said "No thanks" to the seat offered: the seat passed to the next on the waitlist. */
    DECLINED_OFFER,
    /** Let the seat offered pass its deadline: it passed to the next; the front desk can enroll them again. */
    OFFER_EXPIRED
}
