package org.hearth.referrals;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.hearth.engagement.EpisodeStatus;
import org.hearth.engagement.LevelOfCare;
import org.hearth.engagement.StalledReferral;

/**
 * A referral as its readers see it: the provider, the level of care, where the episode stood when it was made,
 * its steps in the order they happened, whether it stalled and why, and the step that usually comes next.
 * Intake times are the clinic's local time.
 */
public record ReferralView(
        long id,
        long episodeId,
        long providerId,
        String providerName,
        String providerPhone,
        LevelOfCare levelOfCare,
        long offerEventId,
        LocalDate acceptedOn,
        Instant startedAt,
        String startedBy,
        EpisodeStatus statusBefore,
        boolean planReadyAtAcceptance,
        LocalDateTime intakeAt,
        Instant lastStepAt,
        ReferralOutcome outcome,
        LocalDate outcomeOn,
        NotArrivedReason notArrivedReason,
        StalledReferral stalled,
        ReferralStepKind nextStep,
        List<Step> steps,
        long version)
        implements Serializable {

    public ReferralView {
        steps = List.copyOf(steps);
    }

    /** Whether the referral still takes steps. */
    public boolean open() {
        return outcome == ReferralOutcome.OPEN;
    }

    /** One step, with who recorded it (their name) and when. */
    public record Step(
            long id,
            ReferralStepKind kind,
            Instant occurredAt,
            LocalDateTime intakeAt,
            NotArrivedReason reason,
            String note,
            String recordedBy,
            Instant recordedAt)
            implements Serializable {}
}
