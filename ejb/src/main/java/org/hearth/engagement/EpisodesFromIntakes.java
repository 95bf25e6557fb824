package org.hearth.engagement;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.hearth.family.IntakeCompleted;
import org.hearth.family.LovedOne;

/**
 * Opens an engagement episode, in the "refusing" stage, for each loved one of a completed intake who is not in
 * treatment, in the same transaction as the completion.
 */
@ApplicationScoped
public class EpisodesFromIntakes {

    @PersistenceContext
    EntityManager em;

    public void open(@Observes IntakeCompleted completed) {
        for (LovedOne lovedOne : completed.intake().getLovedOnes()) {
            if (!Boolean.TRUE.equals(lovedOne.getInTreatment())) {
                em.persist(EngagementEpisode.refusing(completed.family(), lovedOne, completed.by(), completed.at()));
            }
        }
    }
}
