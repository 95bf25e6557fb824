package org.hearth.web.view.episodes;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.hearth.plans.ReadyPlans;

/**
 * The "Treatment ready" badge beside a family's episodes (families/record.xhtml): which of the family's episodes
 * have a ready plan, read once per request for the whole family, not once per episode.
 */
@Named
@RequestScoped
public class ReadyPlanBadges {

    @EJB
    private ReadyPlans plans;

    private final Map<Long, Set<Long>> readyByFamily = new HashMap<>();

    /** Whether the episode of the family has a ready plan while the loved one has not entered treatment. */
    public boolean isReady(long familyId, long episodeId) {
        return readyByFamily.computeIfAbsent(familyId, plans::readyEpisodesOf).contains(episodeId);
    }
}
