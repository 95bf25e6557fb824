package org.hearth.safetyplan;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.Optional;

/**
 * When the safety plan is due for review. While the family's safety flag stands, a plan is reviewed at least every
 * {@value #DAYS} days: due {@value #DAYS} days after its last version or its last review, whichever is later; a
 * flagged family with no written plan is due at once (today). Without a standing flag nothing is due.
 *
 * @param dueOn the day the review is due
 * @param overdue whether that day has passed
 * @param noPlan whether there is no written plan yet (it is to be written, not reviewed)
 */
public record ReviewDue(LocalDate dueOn, boolean overdue, boolean noPlan) implements Serializable {

    /** Days between reviews while the flag stands. */
    public static final int DAYS = 90;

    /**
     * The review due, if any: {@code lastChecked} is the day of the plan's last version or review (null: no plan).
     */
    public static Optional<ReviewDue> of(boolean flagStands, LocalDate lastChecked, LocalDate today) {
        if (!flagStands) {
            return Optional.empty();
        }
        if (lastChecked == null) {
            return Optional.of(new ReviewDue(today, false, true));
        }
        LocalDate due = lastChecked.plusDays(DAYS);
        return Optional.of(new ReviewDue(due, due.isBefore(today), false));
    }
}
