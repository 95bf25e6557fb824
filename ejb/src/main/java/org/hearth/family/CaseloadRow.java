package org.hearth.family;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import org.hearth.time.ClinicClock;
import org.hearth.time.ClinicTime;

/**
 * A family as it appears on a caseload list: the safety flag, whether the intake is still to be completed,
 * and the days since the last contact with the family (null before any contact). The next appointment
 * comes with scheduling (issue 4).
 */
public record CaseloadRow(
        long id,
        String caseNumber,
        String familyName,
        FamilyStatus status,
        boolean intakeIncomplete,
        boolean safetyFlag,
        LocalDate lastContactOn,
        Long daysSinceLastContact,
        Instant nextAppointment,
        String nextAppointmentAt,
        boolean treatmentReady)
        implements Serializable {

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    /**
     * The row as the caseload query selects it; the days are counted from today. {@code treatmentReady}: a loved
     * one of the family not yet in treatment has a ready plan (issue 24).
     */
    public CaseloadRow(
            long id,
            String caseNumber,
            String familyName,
            FamilyStatus status,
            boolean intakeIncomplete,
            boolean safetyFlag,
            LocalDate lastContactOn,
            Instant nextAppointment,
            boolean treatmentReady) {
        this(
                id,
                caseNumber,
                familyName,
                status,
                intakeIncomplete,
                safetyFlag,
                lastContactOn,
                lastContactOn == null
                        ? null
                        : ChronoUnit.DAYS.between(
                                lastContactOn, ClinicClock.current().today()),
                nextAppointment,
                nextAppointment == null ? null : LOCAL.format(nextAppointment.atZone(ClinicTime.zone())),
                treatmentReady);
    }

    /** A row without its next session (families waiting for a counselor). */
    public CaseloadRow(
            long id,
            String caseNumber,
            String familyName,
            FamilyStatus status,
            boolean intakeIncomplete,
            boolean safetyFlag,
            LocalDate lastContactOn) {
        this(id, caseNumber, familyName, status, intakeIncomplete, safetyFlag, lastContactOn, null, false);
    }
}
