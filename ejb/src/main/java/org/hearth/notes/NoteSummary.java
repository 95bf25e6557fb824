package org.hearth.notes;

import java.io.Serializable;
import java.time.LocalDate;
import org.hearth.appointments.AppointmentKind;

/** A family's note in its list: the session, its author and where the note stands. */
public record NoteSummary(
        long id,
        LocalDate sessionDate,
        String sessionStart,
        AppointmentKind kind,
        String authorName,
        NoteStatus status,
        boolean overdue)
        implements Serializable {}
