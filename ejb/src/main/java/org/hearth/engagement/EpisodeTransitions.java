package org.hearth.engagement;

import static org.hearth.engagement.EpisodeStatus.AMBIVALENT;
import static org.hearth.engagement.EpisodeStatus.CLOSED_OTHER;
import static org.hearth.engagement.EpisodeStatus.DECEASED;
import static org.hearth.engagement.EpisodeStatus.DISENGAGED;
import static org.hearth.engagement.EpisodeStatus.ENTERED_TREATMENT;
import static org.hearth.engagement.EpisodeStatus.MOVED_AWAY;
import static org.hearth.engagement.EpisodeStatus.PREPARING;
import static org.hearth.engagement.EpisodeStatus.REFUSING;
import static org.hearth.engagement.EpisodeStatus.RETAINED_30;
import static org.hearth.engagement.EpisodeStatus.RETAINED_90;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Which moves an engagement episode may make from one {@link EpisodeStatus} to the next. One table, so the
 * service, the timeline and the views agree:
 *
 * <table>
 *   <caption>Allowed moves (closing = DISENGAGED, MOVED_AWAY, DECEASED, CLOSED_OTHER)</caption>
 *   <tr><th>from</th><th>to</th></tr>
 *   <tr><td>REFUSING</td><td>AMBIVALENT, PREPARING, ENTERED_TREATMENT, closing</td></tr>
 *   <tr><td>AMBIVALENT</td><td>REFUSING, PREPARING, ENTERED_TREATMENT, closing</td></tr>
 *   <tr><td>PREPARING</td><td>REFUSING, AMBIVALENT, ENTERED_TREATMENT, closing</td></tr>
 *   <tr><td>ENTERED_TREATMENT</td><td>RETAINED_30, REFUSING, closing</td></tr>
 *   <tr><td>RETAINED_30</td><td>RETAINED_90, REFUSING, closing</td></tr>
 *   <tr><td>RETAINED_90</td><td>REFUSING, closing</td></tr>
 *   <tr><td>DISENGAGED, MOVED_AWAY, CLOSED_OTHER</td><td>REFUSING</td></tr>
 *   <tr><td>DECEASED</td><td>nothing</td></tr>
 * </table>
 *
 * <p>Why: before treatment a loved one moves back and forth between refusing, ambivalence and preparing, and
 * may accept treatment on the spot from any of them. After entry the episode only moves forward through the
 * retention checks, or back to REFUSING on a relapse or dropout: the same episode goes on, so the family's history
 * stays in one place. A closed episode reopens as REFUSING when the family comes back, except after a death.
 * Moving to the status the episode already has is never a move.
 */
public final class EpisodeTransitions {

    private static final Set<EpisodeStatus> CLOSING = EnumSet.of(DISENGAGED, MOVED_AWAY, DECEASED, CLOSED_OTHER);

    private static final Map<EpisodeStatus, Set<EpisodeStatus>> ALLOWED = table();

    private EpisodeTransitions() {}

    /** The statuses an episode may move to from {@code from}: an unmodifiable set, empty after DECEASED. */
    public static Set<EpisodeStatus> allowedFrom(EpisodeStatus from) {
        return ALLOWED.get(Objects.requireNonNull(from, "from which status?"));
    }

    /** Whether an episode may move from {@code from} to {@code to}; never to the status it already has. */
    public static boolean isAllowed(EpisodeStatus from, EpisodeStatus to) {
        Objects.requireNonNull(to, "to which status?");
        return allowedFrom(from).contains(to);
    }

    /** Whether this status closes the episode: DISENGAGED, MOVED_AWAY, DECEASED or CLOSED_OTHER. */
    public static boolean isClosing(EpisodeStatus status) {
        return CLOSING.contains(Objects.requireNonNull(status, "which status?"));
    }

    /** Whether an episode in this status is open, that is not closed. */
    public static boolean isOpen(EpisodeStatus status) {
        return !isClosing(status);
    }

    private static Map<EpisodeStatus, Set<EpisodeStatus>> table() {
        Map<EpisodeStatus, Set<EpisodeStatus>> table = new EnumMap<>(EpisodeStatus.class);
        table.put(REFUSING, orClosing(AMBIVALENT, PREPARING, ENTERED_TREATMENT));
        table.put(AMBIVALENT, orClosing(REFUSING, PREPARING, ENTERED_TREATMENT));
        table.put(PREPARING, orClosing(REFUSING, AMBIVALENT, ENTERED_TREATMENT));
        table.put(ENTERED_TREATMENT, orClosing(RETAINED_30, REFUSING));
        table.put(RETAINED_30, orClosing(RETAINED_90, REFUSING));
        table.put(RETAINED_90, orClosing(REFUSING));
        for (EpisodeStatus closed : EnumSet.of(DISENGAGED, MOVED_AWAY, CLOSED_OTHER)) {
            table.put(closed, Collections.unmodifiableSet(EnumSet.of(REFUSING)));
        }
        table.put(DECEASED, Collections.unmodifiableSet(EnumSet.noneOf(EpisodeStatus.class)));
        return Collections.unmodifiableMap(table);
    }

    private static Set<EpisodeStatus> orClosing(EpisodeStatus first, EpisodeStatus... rest) {
        Set<EpisodeStatus> to = EnumSet.of(first, rest);
        to.addAll(CLOSING);
        return Collections.unmodifiableSet(to);
    }
}
