package org.hearth.referrals;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;

/**
 * A step as the counselor records it: its kind, the day it happened (and the time, when known: without one, a step
 * of today is taken as now and an earlier one at noon), the intake's day and time in the clinic's time for
 * {@link ReferralStepKind#INTAKE_BOOKED}, the coded reason for {@link ReferralStepKind#DID_NOT_ARRIVE}, a note, and
 * the referral's version the counselor read.
 */
public record NewReferralStep(
        @NotNull(message = "{referral.step.kind.required}") ReferralStepKind kind,
        @NotNull(message = "{referral.step.on.required}") LocalDate on,
        LocalTime at,
        LocalDateTime intakeAt,
        NotArrivedReason reason,
        @Size(max = 1000, message = "{referral.step.note.length}") String note,
        Long version)
        implements Serializable {}
