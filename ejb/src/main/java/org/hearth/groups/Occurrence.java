package org.hearth.groups;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import org.hearth.calendar.TimeSlot;

/**
 * One meeting that a group's recurrence yields: the clinic's local date it falls on, and when it starts and
 * ends. It becomes a group session when the series is saved.
 */
public record Occurrence(LocalDate date, Instant start, Instant end) implements Serializable {

    /** The time it takes, for clash checks. */
    public TimeSlot slot() {
        return new TimeSlot(start, end);
    }
}
