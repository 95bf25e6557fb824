package org.hearth.plans;

import java.io.Serializable;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * The day's preparations: how the loved one gets there ({@code transportWho}: who drives, or the service's name
 * and phone), who goes along, and the bag's checklist with a note.
 */
public record Preparations(
        TransportKind transportKind, String transportWho, String companions, Set<BagItem> bag, String bagNote)
        implements Serializable {

    public Preparations {
        // in the checklist's order, as pages list it
        bag = bag == null || bag.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(bag));
    }
}
