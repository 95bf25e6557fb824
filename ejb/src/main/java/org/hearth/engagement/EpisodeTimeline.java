package org.hearth.engagement;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An engagement episode's history read as time: where it stands now and since when, how long it spent in each
 * status, how long the loved one took to enter treatment. What the counselor's episode view and the outcome
 * reports show, computed once here from the status changes rather than stored beside them.
 *
 * <p>An episode opens {@link EpisodeStatus#REFUSING} on its opening day, then makes each change in order. A stint
 * in a status runs from the day of the change into it to the day of the next change (or to today for the current
 * one), so days are counted once and never twice: changes on the same day make stints of zero days. Repeated stints
 * in the same status (REFUSING again after a relapse) are summed.
 *
 * <p>Build one with {@link #of(LocalDate, List, LocalDate)}.
 */
public final class EpisodeTimeline {

    private final LocalDate openedOn;
    private final LocalDate today;
    private final EpisodeStatus current;
    private final LocalDate currentSince;
    private final Map<EpisodeStatus, Long> daysIn;
    private final LocalDate firstEnteredTreatmentOn;
    private final LocalDate lastEnteredTreatmentOn;
    private final LevelOfCare lastLevelOfCare;

    private EpisodeTimeline(
            LocalDate openedOn,
            LocalDate today,
            EpisodeStatus current,
            LocalDate currentSince,
            Map<EpisodeStatus, Long> daysIn,
            LocalDate firstEnteredTreatmentOn,
            LocalDate lastEnteredTreatmentOn,
            LevelOfCare lastLevelOfCare) {
        this.openedOn = openedOn;
        this.today = today;
        this.current = current;
        this.currentSince = currentSince;
        this.daysIn = daysIn;
        this.firstEnteredTreatmentOn = firstEnteredTreatmentOn;
        this.lastEnteredTreatmentOn = lastEnteredTreatmentOn;
        this.lastLevelOfCare = lastLevelOfCare;
    }

    /**
     * The timeline of an episode opened on {@code openedOn} that has made these changes, as it stands on
     * {@code today}. The caller passes the changes that stand (not voided ones), sorted by day; changes on the same
     * day are taken in the order given.
     *
     * <p>The service checks each move as it is recorded; this checks again, so a timeline is never built from a
     * history the episode could not have had.
     *
     * @throws IllegalArgumentException when a change is dated before the opening or before the change preceding
     *     it, when {@code today} is before the last of them, or when a change is a move {@link EpisodeTransitions}
     *     does not allow (the message names the move)
     */
    public static EpisodeTimeline of(LocalDate openedOn, List<StatusChange> changes, LocalDate today) {
        Objects.requireNonNull(openedOn, "a timeline needs the day the episode opened");
        Objects.requireNonNull(changes, "a timeline needs the status changes, even none");
        Objects.requireNonNull(today, "a timeline needs today");

        Map<EpisodeStatus, Long> daysIn = new EnumMap<>(EpisodeStatus.class);
        EpisodeStatus status = EpisodeStatus.REFUSING;
        LocalDate since = openedOn;
        LocalDate firstEntered = null;
        LocalDate lastEntered = null;
        LevelOfCare lastLevel = null;
        boolean moved = false;

        for (StatusChange change : changes) {
            Objects.requireNonNull(change, "a status change is missing");
            if (change.on().isBefore(since)) {
                String before = moved ? "the move before it to " + status : "the episode opened";
                throw new IllegalArgumentException("the move to " + change.to() + " on " + change.on()
                        + " is dated before " + before + " on " + since);
            }
            if (!EpisodeTransitions.isAllowed(status, change.to())) {
                throw new IllegalArgumentException(
                        "an episode cannot move from " + status + " to " + change.to() + " (on " + change.on() + ")");
            }
            daysIn.merge(status, ChronoUnit.DAYS.between(since, change.on()), Long::sum);
            status = change.to();
            since = change.on();
            moved = true;
            if (status == EpisodeStatus.ENTERED_TREATMENT) {
                if (firstEntered == null) {
                    firstEntered = since;
                }
                lastEntered = since;
                lastLevel = change.levelOfCare();
            }
        }
        if (today.isBefore(since)) {
            throw new IllegalArgumentException(
                    "today (" + today + ") is before the episode's last day on record (" + since + ")");
        }
        daysIn.merge(status, ChronoUnit.DAYS.between(since, today), Long::sum);

        return new EpisodeTimeline(
                openedOn,
                today,
                status,
                since,
                Collections.unmodifiableMap(daysIn),
                firstEntered,
                lastEntered,
                lastLevel);
    }

    /** The status the episode is in now. */
    public EpisodeStatus current() {
        return current;
    }

    /** The day the episode moved into its current status (the opening day if it never moved). */
    public LocalDate currentSince() {
        return currentSince;
    }

    /** Days from {@link #currentSince()} to today. */
    public long daysInCurrentStatus() {
        return ChronoUnit.DAYS.between(currentSince, today);
    }

    /**
     * Days spent in each status the episode has been in, repeated stints summed and the current one counted to
     * today; an unmodifiable {@link EnumMap} without the statuses it never was in. The days add up to
     * {@link #daysSinceOpened()}.
     */
    public Map<EpisodeStatus, Long> daysIn() {
        return daysIn;
    }

    /** Days from the opening to the first entry into treatment, or null if the loved one never entered it. */
    public Long daysToTreatmentEntry() {
        return firstEnteredTreatmentOn == null ? null : ChronoUnit.DAYS.between(openedOn, firstEnteredTreatmentOn);
    }

    /** Days from the opening to today. */
    public long daysSinceOpened() {
        return ChronoUnit.DAYS.between(openedOn, today);
    }

    /**
     * The day of the most recent entry into treatment, or null if none: where the retention checks and the
     * risk after detox are counted from.
     */
    public LocalDate lastEnteredTreatmentOn() {
        return lastEnteredTreatmentOn;
    }

    /** The level of care of the most recent entry into treatment, or null if none. */
    public LevelOfCare lastLevelOfCare() {
        return lastLevelOfCare;
    }
}
