package org.hearth.groups;

/** Whether a group session takes place. A moved or substituted session stays scheduled, marked as edited. */
public enum GroupSessionStatus {
    SCHEDULED,
    CANCELLED
}
