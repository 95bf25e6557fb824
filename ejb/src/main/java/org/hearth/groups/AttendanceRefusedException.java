package org.hearth.groups;

import jakarta.ejb.ApplicationException;
import java.util.List;
import org.hearth.calendar.ScheduleRefusal;

/** Marks were sent for someone not on the session's roster: bad input, answered with 400. Nothing is saved. */
@ApplicationException(rollback = true)
public class AttendanceRefusedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final List<ScheduleRefusal> refusals;

    public AttendanceRefusedException(List<ScheduleRefusal> refusals) {
        super("attendance refused: " + refusals);
        this.refusals = List.copyOf(refusals);
    }

    public List<ScheduleRefusal> getRefusals() {
        return refusals;
    }
}
