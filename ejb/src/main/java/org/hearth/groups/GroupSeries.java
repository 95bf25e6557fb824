package org.hearth.groups;

import java.io.Serializable;
import java.util.List;

/**
 * What defining a group or changing its rule did: the group as it now is, how many sessions were created
 * and removed, and the occurrences that got no session, each with its reasons.
 */
public record GroupSeries(
        SupportGroupView group, int sessionsCreated, int sessionsRemoved, List<SkippedOccurrence> skipped)
        implements Serializable {

    public GroupSeries {
        skipped = List.copyOf(skipped);
    }
}
