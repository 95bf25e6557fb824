package org.hearth.notes;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.hearth.boundaries.ReviewingNote;
import org.hearth.boundaries.ReviewingNotes;
import org.hearth.time.ClinicTime;

/**
 * Tells the boundaries feature what it needs of a session note its reviews are made in: its family, its author,
 * whether it is still a draft, and the session's day (so boundaries never depend on notes).
 */
@ApplicationScoped
public class BoundaryReviewNotes implements ReviewingNotes {

    @PersistenceContext
    private EntityManager em;

    @Override
    public Optional<ReviewingNote> find(long noteId) {
        return em.createQuery(
                        "select n.id, n.family.id, n.author.id, n.status, n.appointment.startsAt from SessionNote n"
                                + " where n.id = :note",
                        Object[].class)
                .setParameter("note", noteId)
                .getResultStream()
                .findFirst()
                .map(r -> new ReviewingNote(
                        (Long) r[0],
                        (Long) r[1],
                        (Long) r[2],
                        r[3] == NoteStatus.DRAFT,
                        ((Instant) r[4]).atZone(ClinicTime.zone()).toLocalDate()));
    }

    @Override
    public Set<Long> draftsAmong(Collection<Long> noteIds) {
        if (noteIds.isEmpty()) {
            return Set.of();
        }
        return em.createQuery("select n.id from SessionNote n where n.id in :notes and n.status = :draft", Long.class)
                .setParameter("notes", noteIds)
                .setParameter("draft", NoteStatus.DRAFT)
                .getResultStream()
                .collect(Collectors.toSet());
    }
}
