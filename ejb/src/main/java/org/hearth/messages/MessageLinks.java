package org.hearth.messages;

import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The links of one message being written ({@link Links}): each one a new token, of which only the hash is kept, in
 * the transaction of the attempt. When the attempt fails they are deleted with {@link #discard()}, so no token of a
 * message never sent stays usable.
 */
final class MessageLinks implements Links {

    /** How long the "Stop these messages" link works. */
    static final Duration OPT_OUT_LIFETIME = Duration.ofDays(90);

    private final EntityManager em;
    private final OutboxMessage message;
    private final Instant now;
    private final String baseUrl;
    private final List<MessageLink> made = new ArrayList<>();

    MessageLinks(EntityManager em, OutboxMessage message, Instant now, String baseUrl) {
        this.em = em;
        this.message = message;
        this.now = now;
        this.baseUrl = baseUrl;
    }

    @Override
    public String link(LinkPurpose purpose, Instant expiresAt) {
        String token = LinkTokens.newToken();
        MessageLink link = new MessageLink(message, purpose, LinkTokens.hash(token), now, expiresAt);
        em.persist(link);
        made.add(link);
        return address(baseUrl, token);
    }

    @Override
    public String optOut() {
        return link(LinkPurpose.OPT_OUT, now.plus(OPT_OUT_LIFETIME));
    }

    /** Deletes the links made for this attempt: it failed, the message is not sent with them. */
    void discard() {
        made.forEach(em::remove);
        made.clear();
    }

    /** The public address of a link's page. */
    static String address(String baseUrl, String token) {
        return baseUrl + "/m/" + token;
    }
}
