package org.hearth.engagement;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A window of opportunity: the days after a critical event (an overdose, an arrest, a lost job or home, a hospital
 * stay) when a loved one who refused treatment is most likely to say yes. CRAFT asks the family to have treatment
 * ready and to invite the loved one then. A critical event recorded while the loved one is not in treatment opens
 * the window until {@value #DAYS} days after the event and sets the follow-up within those days.
 *
 * <p>The window closes when a treatment offer is recorded on or after the event's day (the window was used), when
 * the loved one enters treatment or the episode closes, when the event that opened it is voided, or by itself once
 * its last day has passed (the attention list and the episode page only show a window whose last day is today or
 * later).
 */
public final class WindowOfOpportunity {

    /** Days after the critical event that the window stays open and by which the counselor follows up. */
    public static final int DAYS = 3;

    private WindowOfOpportunity() {}

    /** Whether an event of this kind, recorded while the loved one stands at {@code status}, opens a window. */
    public static boolean opens(CriticalEventKind event, EpisodeStatus status) {
        return event != null && beforeTreatment(status);
    }

    /** Whether a loved one at {@code status} is still on the way into treatment: refusing, ambivalent or preparing. */
    public static boolean beforeTreatment(EpisodeStatus status) {
        return status == EpisodeStatus.REFUSING
                || status == EpisodeStatus.AMBIVALENT
                || status == EpisodeStatus.PREPARING;
    }

    /** The last day of the window a critical event on {@code eventDay} opens. */
    public static LocalDate lastDay(LocalDate eventDay) {
        return Objects.requireNonNull(eventDay, "which day was the event?").plusDays(DAYS);
    }

    /**
     * The follow-up a critical event on {@code eventDay} sets: no later than {@value #DAYS} days after the event,
     * never before {@code today} (an event recorded late is followed up today), and never later than a follow-up
     * already due sooner ({@code current}, when it is today or later).
     */
    public static LocalDate followUp(LocalDate eventDay, LocalDate today, LocalDate current) {
        Objects.requireNonNull(today, "a follow-up needs today");
        LocalDate due = lastDay(eventDay);
        if (current != null && !current.isBefore(today) && current.isBefore(due)) {
            due = current;
        }
        return due.isBefore(today) ? today : due;
    }

    /** Whether a window whose last day is {@code lastDay} (null: none) is open on {@code today}. */
    public static boolean isOpen(LocalDate lastDay, LocalDate today) {
        return lastDay != null && !lastDay.isBefore(today);
    }
}
