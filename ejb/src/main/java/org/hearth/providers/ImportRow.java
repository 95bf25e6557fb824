package org.hearth.providers;

import java.io.Serializable;
import java.util.List;

/**
 * What one row of an import will do: create an entry, update the entry with the same locator id (and confirm it
 * today), or nothing because of its problems.
 *
 * @param providerId the entry an update changes, null otherwise
 * @param retired whether the entry an update changes is retired (it stays retired)
 */
public record ImportRow(
        int row,
        String locatorId,
        String name,
        String city,
        Action action,
        Long providerId,
        boolean retired,
        List<ImportProblem> problems)
        implements Serializable {

    /** What the row does. */
    public enum Action {
        CREATE,
        UPDATE,
        ERROR
    }

    public ImportRow {
        problems = List.copyOf(problems);
    }
}
