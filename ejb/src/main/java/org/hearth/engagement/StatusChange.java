package org.hearth.engagement;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One move of an engagement episode: on this day it went to this status. A move into treatment says which
 * {@link LevelOfCare}, because what the loved one entered decides the follow-up and the overdose risk after it
 * ends; no other move has one.
 *
 * @param on the day of the move
 * @param to the status the episode moved to
 * @param levelOfCare the care entered, given exactly when {@code to} is {@link EpisodeStatus#ENTERED_TREATMENT}
 */
public record StatusChange(LocalDate on, EpisodeStatus to, LevelOfCare levelOfCare) {

    public StatusChange {
        Objects.requireNonNull(on, "a status change needs its day");
        Objects.requireNonNull(to, "a status change needs the status moved to");
        if (to == EpisodeStatus.ENTERED_TREATMENT && levelOfCare == null) {
            throw new IllegalArgumentException("entering treatment on " + on + " needs the level of care entered");
        }
        if (to != EpisodeStatus.ENTERED_TREATMENT && levelOfCare != null) {
            throw new IllegalArgumentException(
                    "only entering treatment has a level of care, not the move to " + to + " on " + on);
        }
    }

    /** The move into treatment at this level of care. */
    public static StatusChange enteredTreatment(LocalDate on, LevelOfCare levelOfCare) {
        return new StatusChange(on, EpisodeStatus.ENTERED_TREATMENT, levelOfCare);
    }

    /** A move to any status but {@link EpisodeStatus#ENTERED_TREATMENT}. */
    public static StatusChange to(EpisodeStatus to, LocalDate on) {
        return new StatusChange(on, to, null);
    }
}
