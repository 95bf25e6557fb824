package org.hearth.family;

import java.util.Map;

/**
 * What the family record shows beside each loved one of the work done with them elsewhere: the status of
 * their engagement episode (its name, a message key's last part: {@code EpisodeStatus.REFUSING}), by the loved
 * one's id. The engagement feature supplies it, so the family package needs to know nothing of episodes.
 */
public interface LovedOneEpisodes {

    Map<Long, String> statusesOf(Family family);
}
