package org.hearth.time;

import java.time.ZoneId;

/**
 * The clinic's time zone, as {@link ClinicClock} reads it once from the configuration. Times are stored as
 * instants; opening hours, closures and what staff type are local times in this zone.
 */
public final class ClinicTime {

    private ClinicTime() {}

    public static ZoneId zone() {
        return ClinicClock.clinicZone();
    }
}
