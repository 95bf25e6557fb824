package org.hearth.messages;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Set;
import org.hearth.audit.AuditAction;
import org.hearth.audit.AuditEvent;
import org.hearth.audit.AuditOutcome;
import org.hearth.audit.AuditTrail;
import org.hearth.family.FamilyMember;

/**
 * "Stop these messages", the link in every message: the member receives no more messages (their choice recorded as
 * changed by "link") and their pending ones are withdrawn, in the transaction that marks the link used. Only staff,
 * at the member's word, start them again ({@link MessageChoices#change}). Audited on the family.
 */
@ApplicationScoped
public class OptOutAnswer implements LinkAnswer {

    /** The code the public page shows ({@code messages.answer.opted-out}). */
    public static final String OPTED_OUT = "opted-out";

    @PersistenceContext
    private EntityManager em;

    @EJB
    private AuditTrail audit;

    @Override
    public Set<LinkPurpose> purposes() {
        return Set.of(LinkPurpose.OPT_OUT);
    }

    @Override
    public String answer(LinkPurpose purpose, OutboxMessage message, Instant now) {
        FamilyMember member = em.find(FamilyMember.class, message.getMember().getId());
        MessageChoice current = Choosing.lockedChoiceOf(em, member);
        int withdrawn = Choosing.choose(em, member, current, true, now, MessageChoiceView.BY_LINK, null);
        audit.recordAs(
                LinkUses.ACTOR,
                new AuditEvent(
                        AuditAction.STOP_MESSAGES_BY_LINK,
                        "FamilyMember",
                        String.valueOf(member.getId()),
                        message.getFamilyId(),
                        AuditOutcome.ALLOWED,
                        "stopped by the link in message " + message.getId() + "; " + withdrawn + " pending withdrawn"));
        return OPTED_OUT;
    }
}
