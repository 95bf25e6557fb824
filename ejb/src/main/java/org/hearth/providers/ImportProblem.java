package org.hearth.providers;

import java.io.Serializable;
import org.hearth.security.Invalid;

/**
 * Why a row of an import (or the whole file) cannot be imported.
 *
 * @param row the row of the file as a spreadsheet numbers it (the header is row 1), or 0 for the file as a whole
 * @param column the column at fault as the file names it ({@code zip}, {@code MD}), or null for the whole row
 */
public record ImportProblem(int row, String column, Invalid.Reason reason) implements Serializable {

    /** The problem in English, for the API and the audit trail: "row 4, zip: ...". */
    public String englishText() {
        return reason.englishText();
    }
}
