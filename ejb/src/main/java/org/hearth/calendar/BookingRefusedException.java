package org.hearth.calendar;

import jakarta.ejb.ApplicationException;
import java.util.List;

/**
 * The time asked for breaks a rule of the clinic (in the past, a closure, outside opening hours, too
 * short or too long): bad input, answered with 400. Nothing is saved.
 */
@ApplicationException(rollback = true)
public class BookingRefusedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final List<ScheduleRefusal> refusals;

    public BookingRefusedException(List<ScheduleRefusal> refusals) {
        super("booking refused: " + refusals);
        this.refusals = List.copyOf(refusals);
    }

    public List<ScheduleRefusal> getRefusals() {
        return refusals;
    }
}
