package org.hearth.schedule;

import java.time.DateTimeException;
import java.time.ZoneId;

/**
 * The clinic's time zone, configured once ({@code HEARTH_CLINIC_TIME_ZONE}, or the system property
 * {@code hearth.clinic.time-zone}; America/New_York when unset). Times are stored as instants; opening
 * hours, closures and what staff type are local times in this zone.
 */
public final class ClinicTime {

    private static final ZoneId ZONE = configured();

    private ClinicTime() {}

    public static ZoneId zone() {
        return ZONE;
    }

    private static ZoneId configured() {
        String value = System.getProperty("hearth.clinic.time-zone", System.getenv("HEARTH_CLINIC_TIME_ZONE"));
        if (value == null || value.isBlank()) {
            return ZoneId.of("America/New_York");
        }
        try {
            return ZoneId.of(value.trim());
        } catch (DateTimeException e) {
            throw new IllegalStateException(
                    "HEARTH_CLINIC_TIME_ZONE is not a time zone: '" + value + "' (use a name like America/Chicago)", e);
        }
    }
}
