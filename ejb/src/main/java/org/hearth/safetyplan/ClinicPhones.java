package org.hearth.safetyplan;

/**
 * The clinic's numbers every safety plan carries besides the crisis line 988: {@code HEARTH_CLINIC_PHONE} (the
 * office) and {@code HEARTH_CLINIC_AFTER_HOURS_PHONE} (or the system properties {@code hearth.clinic.phone} and
 * {@code hearth.clinic.after-hours-phone}). Unset, the line is left off the plan and the page says which setting
 * is missing.
 */
public final class ClinicPhones {

    private ClinicPhones() {}

    /** The clinic's office number, or null when not set. */
    public static String office() {
        return setting("hearth.clinic.phone", "HEARTH_CLINIC_PHONE");
    }

    /** The clinic's after-hours number, or null when not set. */
    public static String afterHours() {
        return setting("hearth.clinic.after-hours-phone", "HEARTH_CLINIC_AFTER_HOURS_PHONE");
    }

    private static String setting(String property, String variable) {
        String value = System.getProperty(property, System.getenv(variable));
        return value == null || value.isBlank() ? null : value.strip();
    }
}
