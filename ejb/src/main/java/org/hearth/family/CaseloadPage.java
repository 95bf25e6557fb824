package org.hearth.family;

import java.io.Serializable;
import java.util.List;

/** One page of a caseload and how many families the whole list has. */
public record CaseloadPage(List<CaseloadRow> rows, long total) implements Serializable {

    public CaseloadPage {
        rows = List.copyOf(rows);
    }
}
