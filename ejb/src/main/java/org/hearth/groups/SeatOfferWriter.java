package org.hearth.groups;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Optional;
import org.hearth.messages.ClinicAddress;
import org.hearth.messages.Letter;
import org.hearth.messages.LetterWriter;
import org.hearth.messages.Letters;
import org.hearth.messages.LinkPurpose;
import org.hearth.messages.Links;
import org.hearth.messages.MessageKind;
import org.hearth.messages.OutboxMessage;
import org.hearth.time.ClinicClock;

/**
 * Writes a seat offer's message at sending time ({@link SeatOfferLetter}): the group's weekday and time from its
 * first meeting still ahead, the offer's deadline, "Take the seat" and "No thanks" links that expire at the
 * deadline. Empty (the message is withdrawn) when the seat is no longer offered to the member - taken, declined,
 * expired, or they left - or the group has no meeting ahead.
 */
@ApplicationScoped
public class SeatOfferWriter implements LetterWriter {

    @PersistenceContext
    private EntityManager em;

    @Inject
    private ClinicClock clock;

    @Override
    public MessageKind kind() {
        return MessageKind.SEAT_OFFER;
    }

    @Override
    public Optional<Letter> write(OutboxMessage message, Links links) {
        Enrollment enrollment = em.find(Enrollment.class, message.getSubjectId());
        Instant now = clock.now();
        if (enrollment == null
                || enrollment.getStatus() != EnrollmentStatus.OFFERED
                || enrollment.offerExpiredAt(now)
                || !enrollment.getMember().getId().equals(message.getMember().getId())) {
            return Optional.empty();
        }
        Optional<GroupSession> first = em.createQuery(
                        "select s from GroupSession s where s.group = :group and s.status = :scheduled"
                                + " and s.startsAt > :now order by s.startsAt, s.id",
                        GroupSession.class)
                .setParameter("group", enrollment.getGroup())
                .setParameter("scheduled", GroupSessionStatus.SCHEDULED)
                .setParameter("now", now)
                .setMaxResults(1)
                .getResultStream()
                .findFirst();
        if (first.isEmpty()) {
            return Optional.empty();
        }
        Instant deadline = enrollment.getOfferExpiresAt();
        return Optional.of(new SeatOfferLetter(
                        Letters.languageOf(enrollment.getMember()),
                        first.get().getStartsAt().atZone(clock.zone()),
                        deadline.atZone(clock.zone()),
                        ClinicAddress.configured(),
                        links.link(LinkPurpose.TAKE_SEAT, deadline),
                        links.link(LinkPurpose.NO_THANKS, deadline))
                .letter());
    }
}
