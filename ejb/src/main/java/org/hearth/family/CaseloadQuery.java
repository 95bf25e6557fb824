package org.hearth.family;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.io.Serializable;

/**
 * One page of a caseload: optionally only one status, optionally a search on family name or case
 * number, sorted by one column, from the {@code first} row.
 */
public record CaseloadQuery(
        FamilyStatus status,
        @Size(max = 100) String search,
        @NotNull CaseloadSort sort,
        boolean descending,
        @Min(0) int first,
        @Min(1) @Max(200) int pageSize)
        implements Serializable {

    /** The first page, by case number, 25 rows. */
    public static CaseloadQuery firstPage() {
        return new CaseloadQuery(null, null, CaseloadSort.CASE_NUMBER, false, 0, 25);
    }

    /** The columns a caseload can be sorted by, in the database. */
    public enum CaseloadSort {
        CASE_NUMBER("f.caseNumber"),
        FAMILY_NAME("lower(f.name)"),
        STATUS("f.status");

        final String expression;

        CaseloadSort(String expression) {
            this.expression = expression;
        }
    }
}
