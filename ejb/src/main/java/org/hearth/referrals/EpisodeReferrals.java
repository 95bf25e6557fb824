package org.hearth.referrals;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;
import org.hearth.engagement.CriticalEventKind;
import org.hearth.engagement.EpisodeStatus;
import org.hearth.engagement.LevelOfCare;
import org.hearth.engagement.OfferedBy;

/**
 * One episode's referrals, newest first, with what the page needs around them: the accepted offers not referred
 * yet, the level of care the ready plan proposes (null when there is no plan or it proposes none), and the window
 * of opportunity when one is open (its last day, the critical event that opened it and that event's day).
 */
public record EpisodeReferrals(
        long episodeId,
        EpisodeStatus status,
        LocalDate windowOpenUntil,
        CriticalEventKind windowEvent,
        LocalDate windowEventOn,
        LevelOfCare proposedLevel,
        List<AcceptedOffer> offersToRefer,
        List<ReferralView> referrals)
        implements Serializable {

    public EpisodeReferrals {
        offersToRefer = List.copyOf(offersToRefer);
        referrals = List.copyOf(referrals);
    }

    /** An accepted treatment offer with no referral made from it yet. */
    public record AcceptedOffer(long eventId, LocalDate on, OfferedBy offeredBy) implements Serializable {}
}
