package org.hearth.messages;

import java.time.Instant;

/**
 * Makes the single-use links of the message being written: each call keeps a new token's hash, bound to the
 * message and the purpose, and answers the absolute address that carries the token.
 */
public interface Links {

    /** A link that does {@code purpose} once, until {@code expiresAt}. */
    String link(LinkPurpose purpose, Instant expiresAt);

    /** The "Stop these messages" link every message ends with. */
    String optOut();
}
