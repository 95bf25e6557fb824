package org.hearth.messages;

/**
 * The clinic's address that messages give: {@code HEARTH_CLINIC_ADDRESS} (or the system property
 * {@code hearth.clinic.address}). Unset, messages say only "at the clinic".
 */
public final class ClinicAddress {

    private ClinicAddress() {}

    /** The address on one line, or null when not set. */
    public static String address() {
        String value = System.getProperty("hearth.clinic.address", System.getenv("HEARTH_CLINIC_ADDRESS"));
        return value == null || value.isBlank() ? null : value.strip();
    }
}
