package org.hearth.report;

import java.io.Serializable;
import java.util.List;
import org.hearth.resources.ResourceKind;

/**
 * Community resources given to the scope's families in the range (issue 25, resources), by the day given.
 *
 * @param given resources given (one per resource and member, or per resource for the family as a whole)
 * @param families families given at least one
 * @param byKind the resources given by the directory entry's kind, ranked
 */
public record ResourcesGiven(long given, long families, List<Tally<ResourceKind>> byKind) implements Serializable {

    /** Nothing given. */
    public static final ResourcesGiven NONE = new ResourcesGiven(0, 0, List.of());

    public ResourcesGiven {
        byKind = List.copyOf(byKind);
    }
}
