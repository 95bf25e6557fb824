package org.hearth.groups;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import org.hearth.messages.LinkAnswer;
import org.hearth.messages.LinkPurpose;
import org.hearth.messages.OutboxMessage;

/** "Take the seat" and "No thanks" in a seat offer's message: answered by {@link SeatOffers}. */
@ApplicationScoped
public class SeatOfferAnswer implements LinkAnswer {

    @Inject
    private SeatOffers offers;

    @Override
    public Set<LinkPurpose> purposes() {
        return EnumSet.of(LinkPurpose.TAKE_SEAT, LinkPurpose.NO_THANKS);
    }

    @Override
    public String answer(LinkPurpose purpose, OutboxMessage message, Instant now) {
        if (!OutboxMessage.ENROLLMENT.equals(message.getSubjectType())) {
            return SeatOffers.NO_LONGER_OFFERED;
        }
        return switch (purpose) {
            case TAKE_SEAT -> offers.take(message.getSubjectId(), now);
            case NO_THANKS -> offers.decline(message.getSubjectId(), now);
            default -> throw new IllegalArgumentException("a seat offer has no " + purpose + " link");
        };
    }
}
