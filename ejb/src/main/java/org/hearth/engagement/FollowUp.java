package org.hearth.engagement;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * When Hearth next expects to hear about an episode: a follow-up {@value #DEFAULT_DAYS} days after the last
 * event unless the counselor sets another day, and the retention checks 30 and 90 days after entering treatment
 * that move an episode to {@link EpisodeStatus#RETAINED_30} and {@link EpisodeStatus#RETAINED_90}.
 *
 * <p>Hearth only says a check is due; the counselor confirms with the family that the loved one is still in
 * treatment before the episode moves.
 */
public final class FollowUp {

    /** Days from an episode's last event to its next follow-up, unless the counselor sets another day. */
    public static final int DEFAULT_DAYS = 14;

    /** Days from entering treatment to the first retention check. */
    private static final int FIRST_RETENTION_CHECK_DAYS = 30;

    /** Days from entering treatment to the second retention check. */
    private static final int SECOND_RETENTION_CHECK_DAYS = 90;

    private FollowUp() {}

    /** The default day of the next follow-up after an event on {@code lastEvent}: {@value #DEFAULT_DAYS} days on. */
    public static LocalDate after(LocalDate lastEvent) {
        return Objects.requireNonNull(lastEvent, "after which event?").plusDays(DEFAULT_DAYS);
    }

    /** The days of the two retention checks after entering treatment on {@code enteredOn}: 30 and 90 days on. */
    public static List<LocalDate> retentionChecks(LocalDate enteredOn) {
        Objects.requireNonNull(enteredOn, "entered treatment when?");
        return List.of(enteredOn.plusDays(FIRST_RETENTION_CHECK_DAYS), enteredOn.plusDays(SECOND_RETENTION_CHECK_DAYS));
    }

    /**
     * The retention status an episode is due to be checked for today, or null if none: RETAINED_30 for an episode
     * still at ENTERED_TREATMENT 30 days or more after entering it, RETAINED_90 for one at RETAINED_30 90 days or
     * more after. One step at a time: an episode never confirmed at 30 days is asked about 30 days first, even
     * after 90, because the table of moves ({@link EpisodeTransitions}) goes through RETAINED_30.
     *
     * @param enteredOn the day of the most recent entry into treatment
     */
    public static EpisodeStatus retentionStatusDue(LocalDate enteredOn, LocalDate today, EpisodeStatus current) {
        Objects.requireNonNull(enteredOn, "entered treatment when?");
        Objects.requireNonNull(today, "a check needs today");
        Objects.requireNonNull(current, "a check needs the episode's status");
        if (current == EpisodeStatus.ENTERED_TREATMENT
                && !today.isBefore(enteredOn.plusDays(FIRST_RETENTION_CHECK_DAYS))) {
            return EpisodeStatus.RETAINED_30;
        }
        if (current == EpisodeStatus.RETAINED_30 && !today.isBefore(enteredOn.plusDays(SECOND_RETENTION_CHECK_DAYS))) {
            return EpisodeStatus.RETAINED_90;
        }
        return null;
    }

    /** Where a retention check stands: confirmed, due now (or overdue), or still ahead. */
    public enum CheckState {
        DONE,
        DUE,
        AHEAD
    }

    /** One retention check of a treatment entry: the status it confirms, the day it falls on, where it stands. */
    public record RetentionCheck(EpisodeStatus confirms, LocalDate dueOn, CheckState state) implements Serializable {}

    /**
     * The two retention checks of the most recent treatment entry (on {@code enteredOn}) as the episode page
     * shows them, for a loved one now at {@code current}: none outside treatment (before entry, or after a
     * return to refusing or a closing status); otherwise the 30-day and 90-day checks, each done once the
     * status it confirms was reached, due from its day on ({@link #retentionStatusDue}), ahead before that.
     */
    public static List<RetentionCheck> retentionChecks(LocalDate enteredOn, EpisodeStatus current, LocalDate today) {
        Objects.requireNonNull(current, "checks need the episode's status");
        if (enteredOn == null
                || (current != EpisodeStatus.ENTERED_TREATMENT
                        && current != EpisodeStatus.RETAINED_30
                        && current != EpisodeStatus.RETAINED_90)) {
            return List.of();
        }
        List<LocalDate> days = retentionChecks(enteredOn);
        EpisodeStatus due = retentionStatusDue(enteredOn, today, current);
        return List.of(
                new RetentionCheck(
                        EpisodeStatus.RETAINED_30, days.get(0), stateOf(EpisodeStatus.RETAINED_30, current, due)),
                new RetentionCheck(
                        EpisodeStatus.RETAINED_90, days.get(1), stateOf(EpisodeStatus.RETAINED_90, current, due)));
    }

    private static CheckState stateOf(EpisodeStatus confirms, EpisodeStatus current, EpisodeStatus due) {
        if (current.compareTo(confirms) >= 0) {
            return CheckState.DONE;
        }
        return confirms == due ? CheckState.DUE : CheckState.AHEAD;
    }
}
