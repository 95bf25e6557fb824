package org.hearth.resources;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One resource given, as the family's record lists it.
 *
 * @param memberId the member it was given to, or null for the family as a whole
 * @param memberName that member's name, or null
 * @param givenBy the username of the counselor who recorded it
 */
public record GiftView(
        long id,
        long resourceId,
        String resourceName,
        ResourceKind kind,
        boolean resourceActive,
        Long memberId,
        String memberName,
        LocalDate givenOn,
        GivenHow how,
        String givenBy,
        Instant recordedAt)
        implements Serializable {

    static GiftView of(ResourceGift g) {
        CommunityResource r = g.getResource();
        return new GiftView(
                g.getId(),
                r.getId(),
                r.getName(),
                r.getKind(),
                r.isActive(),
                g.getMember() == null ? null : g.getMember().getId(),
                g.getMember() == null ? null : g.getMember().getFullName(),
                g.getGivenOn(),
                g.getHow(),
                g.getGivenBy(),
                g.getRecordedAt());
    }
}
