package org.hearth.groups;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;
import org.hearth.calendar.ScheduleRefusal;

/** An occurrence of a group's rule that got no session: its date and why (a closure, a clash, ...). */
public record SkippedOccurrence(LocalDate date, List<ScheduleRefusal> reasons) implements Serializable {

    public SkippedOccurrence {
        reasons = List.copyOf(reasons);
    }
}
