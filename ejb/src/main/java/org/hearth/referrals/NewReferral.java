package org.hearth.referrals;

import jakarta.validation.constraints.NotNull;
import java.io.Serializable;
import org.hearth.engagement.LevelOfCare;

/**
 * A referral as the counselor makes it: from which accepted offer (an event of the episode's timeline), to which
 * provider of the directory, at which level of care (when left out, the level the ready plan proposes).
 */
public record NewReferral(
        @NotNull(message = "{referral.offer.required}") Long offerEventId,
        @NotNull(message = "{referral.provider.required}") Long providerId,
        LevelOfCare levelOfCare)
        implements Serializable {}
