package org.hearth.providers;

import java.io.Serializable;
import java.util.List;

/**
 * What an import would do, row by row, before anything is saved; {@code fileProblems} are about the file as a
 * whole (a missing column, a file that is not CSV). The import can be made only when no row and not the file has a
 * problem: it is all or nothing.
 */
public record ImportPreview(List<ImportRow> rows, List<ImportProblem> fileProblems) implements Serializable {

    public ImportPreview {
        rows = List.copyOf(rows);
        fileProblems = List.copyOf(fileProblems);
    }

    public long creates() {
        return rows.stream().filter(r -> r.action() == ImportRow.Action.CREATE).count();
    }

    public long updates() {
        return rows.stream().filter(r -> r.action() == ImportRow.Action.UPDATE).count();
    }

    public long rowsWithProblems() {
        return rows.stream().filter(r -> r.action() == ImportRow.Action.ERROR).count();
    }

    /** Every problem, the file's first, then row by row. */
    public List<ImportProblem> problems() {
        return java.util.stream.Stream.concat(
                        fileProblems.stream(), rows.stream().flatMap(r -> r.problems().stream()))
                .toList();
    }

    /** Whether the import may be made: rows to import and no problem at all. */
    public boolean importable() {
        return fileProblems.isEmpty() && !rows.isEmpty() && rowsWithProblems() == 0;
    }
}
