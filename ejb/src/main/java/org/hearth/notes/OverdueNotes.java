package org.hearth.notes;

import java.io.Serializable;
import java.time.Instant;

/** A counselor's held sessions whose note is overdue (more than 72 hours after the session), for a supervisor. */
public record OverdueNotes(String counselorUsername, String counselorName, long overdue, Instant oldestDue)
        implements Serializable {}
