package org.hearth.staff;

import java.io.Serializable;

/**
 * A page of the administrators' staff list: a search in names, usernames and emails, whether to show active
 * staff, deactivated staff or both ({@code active} null), the order, and the rows wanted.
 */
public record StaffQuery(String search, Boolean active, StaffSort sort, boolean descending, int first, int max)
        implements Serializable {

    /** The most rows one page may ask for. */
    public static final int LONGEST_PAGE = 200;

    /** The orders the list offers; each ends on the record's id so that pages never overlap. */
    public enum StaffSort {
        NAME,
        USERNAME,
        LAST_SIGN_IN,
        STATUS
    }

    public StaffQuery {
        search = search == null || search.isBlank() ? null : search.strip();
        sort = sort == null ? StaffSort.NAME : sort;
        first = Math.max(0, first);
        max = Math.min(Math.max(1, max), LONGEST_PAGE);
    }

    /** The first page of everyone, by name. */
    public static StaffQuery everyone(int max) {
        return new StaffQuery(null, null, StaffSort.NAME, false, 0, max);
    }
}
