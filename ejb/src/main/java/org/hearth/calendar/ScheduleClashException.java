package org.hearth.calendar;

import jakarta.ejb.ApplicationException;
import java.util.List;

/**
 * The counselor, the room or an attending member is already booked at that time: answered with 409,
 * naming each clash (who or which room, and when). Nothing is saved.
 */
@ApplicationException(rollback = true)
public class ScheduleClashException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final List<ScheduleRefusal> clashes;

    public ScheduleClashException(List<ScheduleRefusal> clashes) {
        super("schedule clash: " + clashes);
        this.clashes = List.copyOf(clashes);
    }

    public List<ScheduleRefusal> getClashes() {
        return clashes;
    }
}
