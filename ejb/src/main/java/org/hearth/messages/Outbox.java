package org.hearth.messages;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.hearth.family.FamilyMember;
import org.hearth.time.ClinicClock;

/**
 * The outbox: features write a message here in the transaction of the booking or change that causes it, and take
 * back the pending ones when the session is cancelled or moved, in theirs. Nothing here checks roles: it is called
 * only by feature services, after they have checked theirs, and only inside their transaction.
 *
 * <p>Who may be messaged is decided here only ({@link #mayMessage}): a member with an email, who takes part, is
 * marked safe to mail, and has not chosen to receive no messages.
 */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class Outbox {

    @PersistenceContext
    private EntityManager em;

    @Inject
    private ClinicClock clock;

    /** Whether {@code member} may be sent messages now. */
    public boolean mayMessage(FamilyMember member) {
        return member.getEmail() != null
                && !member.getEmail().isBlank()
                && member.isParticipates()
                && member.isSafeToMail()
                && !optedOut(member.getId());
    }

    /** Whether the member has chosen to receive no messages. */
    public boolean optedOut(long memberId) {
        MessageChoice choice = em.find(MessageChoice.class, memberId);
        return choice != null && choice.isOptedOut();
    }

    /**
     * Writes a message due at {@code dueAt} (sent at once when that has passed), when the member may be messaged;
     * empty otherwise.
     */
    public Optional<OutboxMessage> write(
            MessageKind kind,
            FamilyMember member,
            String subjectType,
            long subjectId,
            Instant aboutAt,
            Integer leadMinutes,
            Instant dueAt) {
        if (!mayMessage(member)) {
            return Optional.empty();
        }
        OutboxMessage message =
                new OutboxMessage(kind, member, subjectType, subjectId, aboutAt, leadMinutes, dueAt, clock.now());
        em.persist(message);
        return Optional.of(message);
    }

    /**
     * Writes the message unless the same one (kind, subject, member, time and lead) is already in the outbox and not
     * withdrawn: for work that may run on several servers at once, such as planning group meetings' reminders.
     * True when it was written.
     */
    public boolean writeOnce(
            MessageKind kind,
            FamilyMember member,
            String subjectType,
            long subjectId,
            Instant aboutAt,
            Integer leadMinutes,
            Instant dueAt) {
        if (!mayMessage(member)) {
            return false;
        }
        Timestamp now = Timestamp.from(clock.now());
        int written = em.createNativeQuery(
                        """
                        insert into outbox_message (kind, status, family_id, member_id, subject_type, subject_id,
                            about_at, lead_minutes, due_at, next_attempt_at, created_at)
                        values (?1, 'PENDING', ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8, ?9)
                        on conflict do nothing
                        """)
                .setParameter(1, kind.name())
                .setParameter(2, member.getFamily().getId())
                .setParameter(3, member.getId())
                .setParameter(4, subjectType)
                .setParameter(5, subjectId)
                .setParameter(6, Timestamp.from(aboutAt))
                .setParameter(7, leadMinutes)
                .setParameter(8, Timestamp.from(dueAt))
                .setParameter(9, now)
                .executeUpdate();
        return written == 1;
    }

    /** Withdraws the subject's pending messages (every member, every time); answers how many. */
    public int withdraw(String subjectType, long subjectId, String why) {
        return withdrawAll(pending(subjectType, subjectId), why);
    }

    /** Withdraws the subject's pending messages about the time {@code aboutAt} (one meeting of a group). */
    public int withdraw(String subjectType, long subjectId, Instant aboutAt, String why) {
        return withdrawAll(
                pending(subjectType, subjectId).stream()
                        .filter(m -> m.getAboutAt().equals(aboutAt))
                        .toList(),
                why);
    }

    /** Withdraws the subject's pending messages to one member (who left the group). */
    public int withdrawFor(String subjectType, long subjectId, long memberId, String why) {
        return withdrawAll(
                pending(subjectType, subjectId).stream()
                        .filter(m -> m.getMember().getId() == memberId)
                        .toList(),
                why);
    }

    /** The subject's pending messages, oldest first. */
    public List<OutboxMessage> pending(String subjectType, long subjectId) {
        return em.createQuery(
                        """
                        select m from OutboxMessage m
                        where m.subjectType = :type and m.subjectId = :id and m.status = :pending
                        order by m.id""",
                        OutboxMessage.class)
                .setParameter("type", subjectType)
                .setParameter("id", subjectId)
                .setParameter("pending", MessageStatus.PENDING)
                .getResultList();
    }

    private int withdrawAll(List<OutboxMessage> messages, String why) {
        Instant now = clock.now();
        messages.forEach(m -> m.withdraw(why, now));
        return messages.size();
    }
}
