package org.hearth.notes;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.hearth.appointments.AppointmentKind;

/**
 * A session note as its readers see it: the session it belongs to (date, kind, who attended), the content,
 * where it is in its life (draft, signed, returned, co-signed), whether it is still as signed
 * ({@code intact}: its content hash matches), when it is due, and its addenda.
 */
public record NoteView(
        long id,
        long appointmentId,
        long familyId,
        String familyName,
        String caseNumber,
        LocalDate sessionDate,
        String sessionStart,
        String sessionEnd,
        AppointmentKind kind,
        List<Person> members,
        List<Person> lovedOnes,
        String authorUsername,
        String authorName,
        String heldByUsername,
        String heldByName,
        String reassignedBy,
        Instant reassignedAt,
        String reassignReason,
        NoteStatus status,
        NoteContent content,
        Instant due,
        boolean overdue,
        Instant updatedAt,
        Instant signedAt,
        boolean intact,
        String cosignedBy,
        Instant cosignedAt,
        String returnedBy,
        Instant returnedAt,
        String returnComment,
        List<Addendum> addenda,
        boolean safetyFlag,
        boolean safetyPlanInPlace,
        long version)
        implements Serializable {

    public NoteView {
        members = List.copyOf(members);
        lovedOnes = List.copyOf(lovedOnes);
        addenda = List.copyOf(addenda);
    }

    /** Someone the note may speak of: an attending member or a loved one (by alias). */
    public record Person(long id, String name) implements Serializable {}

    /** An addendum, and whether it is still as written. */
    public record Addendum(long id, String authorName, Instant writtenAt, String body, boolean intact)
            implements Serializable {}

    /** A supervisor gave the note to another counselor than the one who held the session. */
    public boolean isReassigned() {
        return reassignedAt != null;
    }

    public boolean isDraft() {
        return status == NoteStatus.DRAFT;
    }
}
