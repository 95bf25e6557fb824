package org.hearth.wellbeing;

import java.time.LocalDate;

/**
 * When a participating member's next measure of an instrument is due: a member never measured with it is due
 * from the family's intake (the day it was completed, or the day the family was registered while the intake is
 * under way); then {@value #EVERY_DAYS} days after their last measure of it.
 */
public final class DueRule {

    /** Measures are repeated every four weeks. */
    public static final int EVERY_DAYS = 28;

    private DueRule() {}

    /** The day the next measure is due, from the family's start and the member's last measure of it (or null). */
    public static LocalDate dueOn(LocalDate familyStart, LocalDate lastTaken) {
        return lastTaken == null ? familyStart : lastTaken.plusDays(EVERY_DAYS);
    }

    /** The family's start for the rule: the intake's completion day, else the day the family was registered. */
    public static LocalDate familyStart(LocalDate intakeCompletedOn, LocalDate openedOn) {
        return intakeCompletedOn != null ? intakeCompletedOn : openedOn;
    }
}
