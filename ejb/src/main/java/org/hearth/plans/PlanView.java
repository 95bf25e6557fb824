package org.hearth.plans;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * An episode's ready plan as the counselor reads it. Before anything was saved, the plan is the one Hearth
 * proposes ({@code saved} false, version 0): the needs prefilled from the intake, nothing shortlisted.
 *
 * @param suggested the level Hearth's rule suggests from the intake's ASAM ratings ({@link ProposedLevel})
 * @param notReady the steps not done yet ({@link PlanReadiness#missing})
 * @param windowOpenUntil the last day of a window of opportunity open today, or null
 * @param mayChange whether the caller may change the plan (the family's counselors)
 */
public record PlanView(
        long episodeId,
        long familyId,
        String lovedOneAlias,
        boolean saved,
        PlanNeeds needs,
        ProposedLevel suggested,
        List<Entry> shortlist,
        Preparations preparations,
        boolean ready,
        Instant readySince,
        List<MissingStep> notReady,
        LocalDate windowOpenUntil,
        boolean mayChange,
        long version)
        implements Serializable {

    public PlanView {
        shortlist = List.copyOf(shortlist);
        notReady = List.copyOf(notReady);
    }

    /** A window of opportunity is open today. */
    public boolean windowOpen() {
        return windowOpenUntil != null;
    }

    /**
     * One shortlisted provider: the directory's details (stale when not confirmed for 90 days), how it fits,
     * and what the family found out.
     *
     * @param makesReady this provider has a slot and its pre-authorization is settled
     */
    public record Entry(
            long id,
            int position,
            long providerId,
            String providerName,
            String city,
            String phone,
            String website,
            boolean providerActive,
            LocalDate confirmedOn,
            boolean stale,
            Integer typicalWaitDays,
            ProviderFit fit,
            Interview interview,
            boolean slotAvailable,
            String slotNote,
            Preauthorization preauth,
            boolean makesReady)
            implements Serializable {

        /** The family interviewed this provider. */
        public boolean interviewed() {
            return interview.interviewedOn() != null;
        }
    }
}
