package org.hearth.plans;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The one rule of readiness: a plan is ready when at least one shortlisted provider has a slot for the loved one
 * and that provider's pre-authorization is settled (approved, or none needed). Transport, who goes along and the
 * bag are steps worth finishing, listed among the missing ones, but they do not hold back "ready": a family can
 * drive and pack within the hour a yes comes; a slot and payment cannot be found that fast.
 */
public final class PlanReadiness {

    private PlanReadiness() {}

    /** What readiness needs to know of one shortlisted provider. */
    public record Entry(boolean interviewed, boolean slotAvailable, PreauthState preauth) {

        /** This provider alone makes the plan ready. */
        public boolean makesReady() {
            return slotAvailable && preauth != null && preauth.isSettled();
        }
    }

    /** Whether a plan with this shortlist is ready. */
    public static boolean isReady(List<Entry> shortlist) {
        return shortlist.stream().anyMatch(Entry::makesReady);
    }

    /**
     * The steps not done yet, in the order a family works through them: no provider shortlisted (then nothing
     * more is said of providers), none interviewed, no slot, pre-authorization not settled (for a provider with a
     * slot, or for any when none has one), no transport, nobody going along, the bag without its essential items
     * ({@link BagItem#ESSENTIAL}). Empty when everything is done.
     */
    public static List<MissingStep> missing(
            List<Entry> shortlist, TransportKind transport, String companions, Set<BagItem> bag) {
        List<MissingStep> missing = new ArrayList<>();
        if (shortlist.isEmpty()) {
            missing.add(MissingStep.NO_PROVIDER);
        } else {
            if (shortlist.stream().noneMatch(Entry::interviewed)) {
                missing.add(MissingStep.NONE_INTERVIEWED);
            }
            if (!isReady(shortlist)) {
                boolean anySlot = shortlist.stream().anyMatch(Entry::slotAvailable);
                if (!anySlot) {
                    missing.add(MissingStep.NO_SLOT);
                }
                boolean settled = shortlist.stream()
                        .filter(e -> !anySlot || e.slotAvailable())
                        .anyMatch(e -> e.preauth() != null && e.preauth().isSettled());
                if (!settled) {
                    missing.add(MissingStep.PREAUTH_NOT_SETTLED);
                }
            }
        }
        if (transport == null) {
            missing.add(MissingStep.NO_TRANSPORT);
        }
        if (companions == null || companions.isBlank()) {
            missing.add(MissingStep.NOBODY_GOING_ALONG);
        }
        if (bag == null || !bag.containsAll(BagItem.ESSENTIAL)) {
            missing.add(MissingStep.BAG_NOT_PACKED);
        }
        return missing;
    }
}
