package org.hearth.providers;

import java.io.Serializable;
import java.util.List;

/** One page of the directory and how many entries the whole search finds. */
public record ProviderPage(List<ProviderView> rows, long total) implements Serializable {

    public ProviderPage {
        rows = List.copyOf(rows);
    }
}
