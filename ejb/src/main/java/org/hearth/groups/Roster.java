package org.hearth.groups;

import java.io.Serializable;
import java.util.List;

/**
 * A session's roster with the marks recorded so far, and the version of its attendance: marks are recorded from
 * the version read, so two people marking the same session from one roster cannot overwrite each other unseen.
 */
public record Roster(long version, List<RosterEntry> entries) implements Serializable {}
