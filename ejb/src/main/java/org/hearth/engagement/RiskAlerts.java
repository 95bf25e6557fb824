package org.hearth.engagement;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;

/**
 * Which events raise an overdose risk alert on an episode, for the counselor to address with the family (naloxone
 * at home, overdose training, an early call):
 *
 * <ul>
 *   <li>a non-fatal overdose, the strongest sign of the next one (naloxone used counts as one: it reversed one);
 *   <li>a return to refusing soon after care that takes tolerance away ({@link LevelOfCare#lowersTolerance()}:
 *       detox, a residential stay): using again at the old dose is when overdoses kill.
 * </ul>
 *
 * <p>"Soon" is {@value #RETURN_AFTER_DETOX_WINDOW_DAYS} days from entering that care. The window is Hearth's
 * decision, not a clinical standard: tolerance falls within days of abstinence, and 30 days covers a detox or a
 * short residential stay and the weeks just after it, when the family is most likely to miss the danger.
 */
public final class RiskAlerts {

    /** Why a risk alert was raised. */
    public enum RiskReason {
        /** The loved one survived an overdose. */
        NON_FATAL_OVERDOSE,
        /** The loved one went back to refusing treatment right after care that lowered their tolerance. */
        RETURN_AFTER_DETOX
    }

    /** Days from entering tolerance-lowering care within which a return to refusing raises an alert (Hearth's). */
    public static final int RETURN_AFTER_DETOX_WINDOW_DAYS = 30;

    private RiskAlerts() {}

    /**
     * The reason this event raises a risk alert, or empty if it raises none.
     *
     * <p>A critical event ({@code event} given) raises one when it is a non-fatal overdose; the statuses are then
     * not looked at. A status change ({@code event} null) raises one when it moves from ENTERED_TREATMENT or
     * RETAINED_30 back to REFUSING at most {@value #RETURN_AFTER_DETOX_WINDOW_DAYS} days after entering care whose
     * level {@linkplain LevelOfCare#lowersTolerance() lowers tolerance}.
     *
     * @param event the critical event, or null for a status change
     * @param from the status before a status change; null for a critical event
     * @param to the status after a status change; null for a critical event
     * @param lastLevelOfCare the level of care of the most recent entry into treatment, or null if none
     * @param enteredOn the day of the most recent entry into treatment, or null if none
     * @param on the day of the event or status change
     */
    public static Optional<RiskReason> raisedBy(
            CriticalEventKind event,
            EpisodeStatus from,
            EpisodeStatus to,
            LevelOfCare lastLevelOfCare,
            LocalDate enteredOn,
            LocalDate on) {
        if (event != null) {
            // naloxone used is an overdose reversed: the same alert
            return event == CriticalEventKind.NON_FATAL_OVERDOSE || event == CriticalEventKind.NALOXONE_USED
                    ? Optional.of(RiskReason.NON_FATAL_OVERDOSE)
                    : Optional.empty();
        }
        Objects.requireNonNull(on, "a status change needs its day");
        boolean backToRefusing = to == EpisodeStatus.REFUSING
                && (from == EpisodeStatus.ENTERED_TREATMENT || from == EpisodeStatus.RETAINED_30);
        if (backToRefusing
                && lastLevelOfCare != null
                && lastLevelOfCare.lowersTolerance()
                && enteredOn != null
                && ChronoUnit.DAYS.between(enteredOn, on) <= RETURN_AFTER_DETOX_WINDOW_DAYS) {
            return Optional.of(RiskReason.RETURN_AFTER_DETOX);
        }
        return Optional.empty();
    }
}
