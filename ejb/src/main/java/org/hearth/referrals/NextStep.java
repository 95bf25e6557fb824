package org.hearth.referrals;

import java.util.Collection;
import java.util.List;

/**
 * The step a referral usually takes next, for the page's tracker: contact the provider, book the intake, make the
 * warm hand-off call, confirm transport, then the arrival. Steps may be recorded in another order; this only names
 * the first of the usual steps not taken yet.
 */
public final class NextStep {

    /** The usual steps before arrival, in order. */
    public static final List<ReferralStepKind> USUAL = List.of(
            ReferralStepKind.PROVIDER_CONTACTED,
            ReferralStepKind.INTAKE_BOOKED,
            ReferralStepKind.WARM_HANDOFF,
            ReferralStepKind.TRANSPORT_CONFIRMED);

    private NextStep() {}

    /** The first usual step not in {@code taken}, or {@link ReferralStepKind#ARRIVED} once all were taken. */
    public static ReferralStepKind after(Collection<ReferralStepKind> taken) {
        return USUAL.stream().filter(k -> !taken.contains(k)).findFirst().orElse(ReferralStepKind.ARRIVED);
    }
}
