package org.hearth.messages;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.hearth.audit.AuditAction;
import org.hearth.audit.AuditEvent;
import org.hearth.audit.AuditOutcome;
import org.hearth.audit.AuditTrail;
import org.hearth.time.ClinicClock;

/**
 * The single-use links in messages, as their public page ({@code /m/<token>}) uses them, without sign-in: the token
 * is the key, and only its hash is looked up. Reading a link changes nothing (mail scanners open links); using it,
 * by the page's one button, does what it says once, through the {@link LinkAnswer} of its purpose, in one
 * transaction that locks the link, and is audited with the family's id. A used or expired link says so and changes
 * nothing; an unknown one answers the same as a token never made.
 *
 * <p>Links of one message are independent: using "I'll be there" leaves "I can't come" usable (the member may change
 * their mind), unless the answer itself refuses it.
 */
@Stateless
@PermitAll
public class LinkUses {

    /** The audit trail's name for a link's user, who has no account. */
    public static final String ACTOR = "message-link";

    /** The code shown when nothing answers a link's purpose ({@code messages.answer.unavailable}). */
    public static final String UNAVAILABLE = "unavailable";

    /** Where a link stands. */
    public enum State {
        USABLE,
        /** Used by this very request: its answer is the outcome. */
        ANSWERED,
        /** Used before: the page says so, and what it did then. */
        USED,
        EXPIRED
    }

    /**
     * A link as its page shows it: what it does, the time its message is about (the appointment, the offer's
     * deadline), the member's language, and where it stands (when used: when, and the answer's code).
     */
    public record LinkView(
            LinkPurpose purpose,
            Instant aboutAt,
            ZoneId zone,
            Locale language,
            State state,
            Instant usedAt,
            String outcome) {}

    @PersistenceContext
    private EntityManager em;

    @Inject
    private ClinicClock clock;

    @Inject
    private AuditTrail audit;

    @Inject
    @Any
    private Instance<LinkAnswer> answers;

    /** The link with this token, as it stands; empty for a token that is not one of ours. Changes nothing. */
    public Optional<LinkView> look(String token) {
        return find(token, false).map(link -> view(link, clock.now()));
    }

    /**
     * Uses the link: does what it asks once, and answers the link as it then stands (ANSWERED, with the answer's code);
     * a link already used or expired is answered as it stands, unchanged. Empty for an unknown token.
     */
    public Optional<LinkView> use(String token) {
        Optional<MessageLink> found = find(token, true);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        MessageLink link = found.get();
        Instant now = clock.now();
        LinkView before = view(link, now);
        if (before.state() != State.USABLE) {
            return Optional.of(before);
        }
        OutboxMessage message = link.getMessage();
        Optional<LinkAnswer> answer = answers.stream()
                .filter(a -> a.purposes().contains(link.getPurpose()))
                .findFirst();
        if (answer.isEmpty()) {
            // nothing in this version answers it: the link stays usable
            return Optional.of(new LinkView(
                    before.purpose(),
                    before.aboutAt(),
                    before.zone(),
                    before.language(),
                    State.USABLE,
                    null,
                    UNAVAILABLE));
        }
        String code = answer.get().answer(link.getPurpose(), message, now);
        link.use(now, code);
        audit.recordAs(
                ACTOR,
                new AuditEvent(
                        AuditAction.USE_MESSAGE_LINK,
                        "OutboxMessage",
                        String.valueOf(message.getId()),
                        message.getFamilyId(),
                        AuditOutcome.ALLOWED,
                        link.getPurpose() + ": " + code));
        LinkView used = view(link, now);
        return Optional.of(new LinkView(
                used.purpose(),
                used.aboutAt(),
                used.zone(),
                used.language(),
                State.ANSWERED,
                used.usedAt(),
                used.outcome()));
    }

    private Optional<MessageLink> find(String token, boolean lock) {
        if (!LinkTokens.wellFormed(token)) {
            return Optional.empty();
        }
        var query = em.createQuery("select l from MessageLink l where l.tokenHash = :hash", MessageLink.class)
                .setParameter("hash", LinkTokens.hash(token));
        if (lock) {
            query.setLockMode(LockModeType.PESSIMISTIC_WRITE);
        }
        List<MessageLink> links = query.getResultList();
        return links.stream().findFirst();
    }

    private LinkView view(MessageLink link, Instant now) {
        OutboxMessage message = link.getMessage();
        State state =
                link.getUsedAt() != null ? State.USED : link.getExpiresAt().isAfter(now) ? State.USABLE : State.EXPIRED;
        return new LinkView(
                link.getPurpose(),
                message.getAboutAt(),
                clock.zone(),
                Letters.languageOf(message.getMember()),
                state,
                link.getUsedAt(),
                link.getOutcome());
    }
}
