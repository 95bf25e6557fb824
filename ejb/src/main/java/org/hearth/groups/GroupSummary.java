package org.hearth.groups;

import java.io.Serializable;

/** A support group as the list of groups shows it: seats, waitlist and its next meeting (local time). */
public record GroupSummary(
        long id,
        String name,
        GroupKind kind,
        String language,
        String programName,
        String roomName,
        String facilitators,
        int capacity,
        long seatsTaken,
        long waitlisted,
        String nextSessionAt)
        implements Serializable {}
