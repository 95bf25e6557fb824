package org.hearth.engagement;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Map;
import java.util.stream.Collectors;
import org.hearth.family.Family;
import org.hearth.family.LovedOneEpisodes;

/** Each loved one's episode status, for the family record. */
@ApplicationScoped
public class EpisodeStatusesOfFamily implements LovedOneEpisodes {

    @PersistenceContext
    EntityManager em;

    @Override
    public Map<Long, String> statusesOf(Family family) {
        return em
                .createQuery("select e from EngagementEpisode e where e.family = :family", EngagementEpisode.class)
                .setParameter("family", family)
                .getResultList()
                .stream()
                .collect(Collectors.toMap(
                        e -> e.getLovedOne().getId(), e -> e.getStatus().name(), (a, b) -> b));
    }
}
