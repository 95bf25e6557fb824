package org.hearth.notes;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import org.hearth.appointments.AppointmentKind;

/**
 * A held session whose note is not signed yet: due 72 hours after the session ended, overdue after that.
 * {@code noteId} is null until the counselor starts writing. {@code heldBy} names who held the session when a
 * supervisor gave its note to the caller; {@code familyOnCaseload} is false once the family left the caller's
 * caseload (the note is still theirs to finish), and {@code familyNowWith} then names its primary counselor.
 */
public record NoteDue(
        long appointmentId,
        Long noteId,
        long familyId,
        String familyName,
        String caseNumber,
        LocalDate sessionDate,
        String sessionStart,
        AppointmentKind kind,
        Instant due,
        boolean overdue,
        String heldBy,
        boolean familyOnCaseload,
        String familyNowWith)
        implements Serializable {}
