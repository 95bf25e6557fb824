package org.hearth.notes;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import org.hearth.appointments.AppointmentKind;

/**
 * A MITI review as read: the session (no family name: a review is about the counselor's practice), who was
 * coded and by whom, the counts and globals as coded, and the summary scores with their bands; the version a
 * correction names.
 */
public record MitiReviewView(
        long id,
        long appointmentId,
        LocalDate sessionDate,
        AppointmentKind kind,
        String counselorUsername,
        String counselorName,
        String reviewerUsername,
        String reviewerName,
        boolean selfReview,
        MitiCounts counts,
        MitiGlobals globals,
        MitiSummary summary,
        String comment,
        Instant reviewedAt,
        long version)
        implements Serializable {}
