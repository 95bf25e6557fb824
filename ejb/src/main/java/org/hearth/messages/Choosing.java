package org.hearth.messages;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.List;
import org.hearth.family.FamilyMember;

/**
 * A member's choice changed, by their own link or by staff at their word, written once for both: the member's row is
 * locked first, so two changes at once (two staff, or staff and the link) are made one after the other and the first
 * choice of a member is inserted once. Stopping withdraws the member's pending messages in the same transaction.
 */
final class Choosing {

    /** Why a message was withdrawn when its member stopped messages. */
    static final String STOPPED = "the member stopped messages";

    private Choosing() {}

    /** The member's choice, locked with the member (null: they never chose). */
    static MessageChoice lockedChoiceOf(EntityManager em, FamilyMember member) {
        em.lock(member, LockModeType.PESSIMISTIC_WRITE);
        return em.find(MessageChoice.class, member.getId());
    }

    /** Records the choice (the member locked by {@link #lockedChoiceOf}); answers how many messages were withdrawn. */
    static int choose(
            EntityManager em,
            FamilyMember member,
            MessageChoice current,
            boolean optedOut,
            Instant now,
            String changedBy,
            String memberWord) {
        MessageChoice choice = current;
        if (choice == null) {
            choice = new MessageChoice(member.getId());
            choice.change(optedOut, now, changedBy, memberWord);
            em.persist(choice);
        } else {
            choice.change(optedOut, now, changedBy, memberWord);
        }
        int withdrawn = 0;
        if (optedOut) {
            List<OutboxMessage> pending = em.createQuery(
                            "select m from OutboxMessage m where m.member = :member and m.status = :pending",
                            OutboxMessage.class)
                    .setParameter("member", member)
                    .setParameter("pending", MessageStatus.PENDING)
                    .getResultList();
            pending.forEach(m -> m.withdraw(STOPPED, now));
            withdrawn = pending.size();
        }
        em.flush();
        return withdrawn;
    }

    /**
     * The version a client sends back to change the choice: 0 while the member never chose, then one more than the
     * row's, so a client who read "never chose" is refused once someone has chosen meanwhile.
     */
    static long versionOf(MessageChoice choice) {
        return choice == null ? 0 : choice.getVersion() + 1;
    }
}
