package org.hearth.engagement;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hearth.family.StageOfChange;

/**
 * A loved one's episode as the counselor reads it: where they stand and since when, the derived figures
 * (days since intake, in the current status, in each status, to treatment entry), the next follow-up, a
 * high risk not yet addressed, the moves allowed now, and every event, newest first, voided ones included.
 */
public record EpisodeView(
        long id,
        long familyId,
        String familyName,
        String lovedOneAlias,
        EpisodeStatus status,
        LocalDate statusSince,
        long daysSinceIntake,
        long daysInStatus,
        Map<EpisodeStatus, Long> daysIn,
        Long daysToTreatmentEntry,
        LocalDate nextFollowUpOn,
        boolean followUpOverdue,
        RiskAlerts.RiskReason highRisk,
        Set<EpisodeStatus> allowedMoves,
        List<Event> events,
        long version)
        implements Serializable {

    public EpisodeView {
        daysIn = Map.copyOf(daysIn);
        allowedMoves = Set.copyOf(allowedMoves);
        events = List.copyOf(events);
    }

    /** One event as the timeline shows it. */
    public record Event(
            long id,
            EventKind kind,
            LocalDate on,
            EpisodeStatus fromStatus,
            EpisodeStatus toStatus,
            LevelOfCare levelOfCare,
            String provider,
            OfferedBy offeredBy,
            String offerHow,
            OfferResponse response,
            Set<RefusalReason> refusalReasons,
            StageOfChange stage,
            CriticalEventKind criticalEvent,
            HarmReduction harmReduction,
            Long memberId,
            FamilyStrategy familyStrategy,
            LocalDate followUpOn,
            String note,
            String recordedBy,
            Instant recordedAt,
            boolean voided,
            String voidedBy,
            Instant voidedAt,
            String voidReason)
            implements Serializable {

        public Event {
            refusalReasons = Set.copyOf(refusalReasons);
        }
    }
}
