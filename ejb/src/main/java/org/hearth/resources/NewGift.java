package org.hearth.resources;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;

/**
 * Resources given to a family, as a counselor records it.
 *
 * @param resourceIds the directory entries given (in use), in the order chosen
 * @param memberIds the members of the family they were given to; empty for the family as a whole
 * @param givenOn the day given, not after the clinic's today
 * @param how how they reached the family
 */
public record NewGift(List<Long> resourceIds, List<Long> memberIds, LocalDate givenOn, GivenHow how)
        implements Serializable {

    public NewGift {
        resourceIds = resourceIds == null
                ? List.of()
                : resourceIds.stream().filter(id -> id != null).distinct().toList();
        memberIds = memberIds == null
                ? List.of()
                : memberIds.stream().filter(id -> id != null).distinct().toList();
    }
}
