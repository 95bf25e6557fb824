package org.hearth.staff;

import java.io.Serializable;
import java.time.Instant;

/** A program as administrators see it: open or closed, how many staff work in it, and its version. */
public record ProgramRow(
        long id, String name, boolean closed, Instant closedAt, String closedBy, long staffCount, long version)
        implements Serializable {}
