package org.hearth.report;

import java.io.Serializable;
import java.util.List;

/**
 * The figures of the path from "yes" to the first day of treatment (issue 24), counted by {@link ProgramFigures}.
 *
 * @param referrals the referrals made in the range and what became of them
 * @param lostByReason the referrals of {@code referrals} that ended "did not arrive", by coded reason, ranked
 * @param entriesByProvider arrivals through a referral in the range, by provider, ranked
 * @param offersAfterCriticalEvent treatment offers of the range made within 14 days after a critical event of the
 *     same episode (whole), and how many of them were accepted (part)
 */
public record TreatmentPath(
        ReferralOutcomes referrals,
        List<ReasonTally> lostByReason,
        List<ProviderEntries> entriesByProvider,
        Share offersAfterCriticalEvent)
        implements Serializable {

    /** Nothing on the path: no referral, no offer after a critical event. */
    public static final TreatmentPath NONE =
            new TreatmentPath(ReferralOutcomes.NONE, List.of(), List.of(), new Share(0, 0));

    public TreatmentPath {
        lostByReason = List.copyOf(lostByReason);
        entriesByProvider = List.copyOf(entriesByProvider);
    }
}
