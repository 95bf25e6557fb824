package org.hearth.staff;

import java.io.Serializable;
import java.util.List;

/** One page of the staff list and how many staff members the whole list has. */
public record StaffPage(List<StaffRow> rows, long total) implements Serializable {

    public StaffPage {
        rows = List.copyOf(rows);
    }
}
