package org.hearth.appointments;

/** The kinds of family session (DESIGN.md section 3). */
public enum AppointmentKind {
    INTAKE_SESSION,
    FAMILY_THERAPY,
    MEMBER_SESSION,
    CRAFT_SESSION
}
