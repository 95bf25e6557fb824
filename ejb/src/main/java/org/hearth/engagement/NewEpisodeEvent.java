package org.hearth.engagement;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.Set;
import org.hearth.family.StageOfChange;

/**
 * An event as the counselor records it. Which fields count depends on the kind: a treatment offer needs who
 * offered it and the answer (with at least one coded reason when refused); a status change its new status
 * (and for ENTERED_TREATMENT the level of care); a critical event, harm-reduction action or family strategy
 * its kind; a follow-up its date. The service names what is missing.
 */
public record NewEpisodeEvent(
        @NotNull(message = "{episode.event.kind.required}") EventKind kind,
        @NotNull(message = "{episode.event.on.required}") LocalDate on,
        EpisodeStatus toStatus,
        LevelOfCare levelOfCare,
        @Size(max = 200, message = "{episode.event.provider.length}") String provider,
        OfferedBy offeredBy,
        @Size(max = 500, message = "{episode.event.how.length}") String offerHow,
        OfferResponse response,
        Set<RefusalReason> refusalReasons,
        StageOfChange stage,
        CriticalEventKind criticalEvent,
        HarmReduction harmReduction,
        Long memberId,
        FamilyStrategy familyStrategy,
        LocalDate followUpOn,
        @Size(max = 2000, message = "{episode.event.note.length}") String note)
        implements Serializable {

    public NewEpisodeEvent {
        refusalReasons = refusalReasons == null ? Set.of() : Set.copyOf(refusalReasons);
    }
}
