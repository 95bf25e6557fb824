package org.hearth.appointments;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import org.hearth.calendar.TakenTimes;
import org.hearth.calendar.TimeHolder;
import org.hearth.calendar.TimeSlot;
import org.hearth.family.FamilyMember;

/** The time family sessions hold: a session that is not cancelled or a no-show holds its counselor, room and members. */
@ApplicationScoped
public class AppointmentTimes implements TimeHolder {

    @PersistenceContext
    EntityManager em;

    @Override
    public Kind kind() {
        return Kind.FAMILY_SESSIONS;
    }

    @Override
    public void addTaken(TakenTimes taken, TakenTimes.Span span) {
        List<Appointment> appointments = em.createQuery(
                        "select distinct a from Appointment a join fetch a.counselor left join fetch a.room"
                                + " left join fetch a.members"
                                + " where a.status in :holding and a.startsAt < :to and a.endsAt > :from"
                                + " and a.startsAt > :earliest"
                                + " and a.id <> :self and (a.counselor.id in :staff or a.room.id = :room"
                                + " or exists (select m.id from a.members m where m.id in :members))"
                                + " order by a.startsAt",
                        Appointment.class)
                .setParameter("holding", AppointmentStatus.HOLDING_TIME)
                .setParameter("from", span.from())
                .setParameter("earliest", span.earliest())
                .setParameter("to", span.to())
                .setParameter("self", span.appointment())
                .setParameter("staff", span.staffIds())
                .setParameter("room", span.roomId())
                .setParameter("members", span.memberIds())
                .getResultList();
        for (Appointment a : appointments) {
            TimeSlot slot = new TimeSlot(a.getStartsAt(), a.getEndsAt());
            if (span.staffIds().contains(a.getCounselor().getId())) {
                taken.counselor(a.getCounselor().getDisplayName(), slot);
            }
            if (a.getRoom() != null && a.getRoom().getId() == span.roomId()) {
                taken.room(a.getRoom().getName(), slot);
            }
            a.getMembers().stream()
                    .filter(m -> span.memberIds().contains(m.getId()))
                    .map(FamilyMember::getFullName)
                    .forEach(name -> taken.memberInSession(name, slot));
        }
    }

    @Override
    public long countHolding(Instant from, Instant to) {
        return em.createQuery(
                        "select count(a) from Appointment a where a.status in :holding"
                                + " and a.startsAt >= :from and a.startsAt < :to",
                        Long.class)
                .setParameter("holding", AppointmentStatus.HOLDING_TIME)
                .setParameter("from", from)
                .setParameter("to", to)
                .getSingleResult();
    }
}
