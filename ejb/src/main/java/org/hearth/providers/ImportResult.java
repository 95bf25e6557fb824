package org.hearth.providers;

import java.io.Serializable;
import java.util.List;

/** What an import did: how many entries it created and updated, and their ids in the file's order. */
public record ImportResult(int created, int updated, List<Long> providerIds) implements Serializable {

    public ImportResult {
        providerIds = List.copyOf(providerIds);
    }
}
