package org.hearth.groups;

import jakarta.ejb.ApplicationException;
import org.hearth.calendar.ScheduleRefusal;

/**
 * The member cannot join the group as asked (already in it or on its waitlist, or its enrollment is closed
 * and it has started): answered with 409, naming the reason. Nothing is saved.
 */
@ApplicationException(rollback = true)
public class EnrollmentRefusedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final ScheduleRefusal refusal;

    public EnrollmentRefusedException(ScheduleRefusal refusal) {
        super("enrollment refused: " + refusal);
        this.refusal = refusal;
    }

    public ScheduleRefusal getRefusal() {
        return refusal;
    }
}
