package org.hearth.messages;

import java.time.Instant;
import java.util.Set;

/**
 * Does what a used link asks, for the features that own the links' subjects: a CDI bean per feature, picked by
 * {@link #purposes()}. Called in the transaction that marks the link used, without a signed-in user.
 */
public interface LinkAnswer {

    Set<LinkPurpose> purposes();

    /**
     * Does {@code purpose} for the message's subject at {@code now}, and says what happened in a code the public page
     * shows in the member's language ({@code messages.answer.<code>} in the bundle), such as {@code confirmed} or
     * {@code too-late}. Must change nothing when it answers that it could not.
     */
    String answer(LinkPurpose purpose, OutboxMessage message, Instant now);
}
