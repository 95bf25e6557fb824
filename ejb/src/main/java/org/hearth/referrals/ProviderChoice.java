package org.hearth.referrals;

import java.io.Serializable;
import java.util.Set;
import org.hearth.engagement.LevelOfCare;

/**
 * A provider a referral may go to, as the picker lists it: the ready plan's shortlist first, then the active
 * entries of the directory; {@code stale} when its details were not confirmed for 90 days.
 */
public record ProviderChoice(
        long id,
        String name,
        String city,
        String phone,
        Set<LevelOfCare> levelsOfCare,
        boolean onShortlist,
        boolean stale)
        implements Serializable {

    public ProviderChoice {
        levelsOfCare = Set.copyOf(levelsOfCare);
    }
}
