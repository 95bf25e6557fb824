package org.hearth.resources;

import java.io.Serializable;
import java.util.List;

/** One page of the directory and how many entries the whole search finds. */
public record ResourcePage(List<ResourceView> rows, long total) implements Serializable {

    public ResourcePage {
        rows = List.copyOf(rows);
    }
}
