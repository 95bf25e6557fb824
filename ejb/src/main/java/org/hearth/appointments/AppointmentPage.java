package org.hearth.appointments;

import java.io.Serializable;
import java.util.List;

/** One page of a day's sessions and how many sessions the whole day has. */
public record AppointmentPage(List<AppointmentView> rows, long total) implements Serializable {

    public AppointmentPage {
        rows = List.copyOf(rows);
    }
}
