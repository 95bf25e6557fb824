package org.hearth.engagement;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hearth.family.StageOfChange;
import org.hearth.family.Substance;

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
        LovedOneFacts lovedOne,
        List<Member> members,
        List<FollowUp.RetentionCheck> retentionChecks,
        List<StagePoint> stages,
        Set<EpisodeStatus> allowedMoves,
        List<Event> events,
        long version)
        implements Serializable {

    public EpisodeView {
        daysIn = Map.copyOf(daysIn);
        members = List.copyOf(members);
        retentionChecks = List.copyOf(retentionChecks);
        stages = List.copyOf(stages);
        allowedMoves = Set.copyOf(allowedMoves);
        events = List.copyOf(events);
    }

    /**
     * What the intake knows of the loved one that bears on risk: the substances, known overdoses, and the
     * overdose risk factors the family answered yes to (their names, e.g. {@code fentanyl}); whether naloxone
     * is in the home (null: not asked).
     */
    public record LovedOneFacts(
            List<Substance> substances,
            Integer knownOverdoses,
            List<String> overdoseRiskFactors,
            Boolean naloxoneInHome)
            implements Serializable {

        public LovedOneFacts {
            substances = List.copyOf(substances);
            overdoseRiskFactors = List.copyOf(overdoseRiskFactors);
        }
    }

    /** A family member, for choosing whom a naloxone kit or training went to. */
    public record Member(long id, String fullName) implements Serializable {}

    /** Where the loved one's stage of change was put, by whom: the family at intake or in a signed session note, or the counselor on the timeline. */
    public enum StageSource {
        INTAKE,
        SESSION_NOTE,
        OBSERVED
    }

    /** One reading of the loved one's stage of change, for the chart. */
    public record StagePoint(LocalDate on, StageOfChange stage, StageSource source) implements Serializable {}

    /** The name of the member an event concerns (a naloxone kit given to), or null. */
    public String memberName(Long memberId) {
        return memberId == null
                ? null
                : members.stream()
                        .filter(m -> m.id() == memberId)
                        .map(Member::fullName)
                        .findFirst()
                        .orElse(null);
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
