package org.hearth.notes;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import org.hearth.appointments.AppointmentKind;

/**
 * One held session whose note is overdue, for a supervisor of the family's program: who held the session, who
 * writes its note now, and, when the family is no longer on the writer's caseload, whose it is now
 * ({@code familyNowWith}, null when it has no primary counselor). {@code noteId} is null when nobody started the
 * note; {@code noteVersion} is the version a reassignment must name (0 for a note not started).
 */
public record OverdueNote(
        long appointmentId,
        Long noteId,
        long noteVersion,
        long familyId,
        String caseNumber,
        String familyName,
        LocalDate sessionDate,
        String sessionStart,
        AppointmentKind kind,
        String heldByUsername,
        String heldByName,
        String writerUsername,
        String writerName,
        Instant due,
        boolean familyWithWriter,
        String familyNowWith)
        implements Serializable {}
