package org.hearth.time;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.spi.CDI;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * "Today" and "now" as the clinic lives them: the current instant, and the date in the clinic's time zone
 * ({@code HEARTH_CLINIC_TIME_ZONE}, or the system property {@code hearth.clinic.time-zone}; America/New_York when
 * unset), whatever zone the server's JVM runs in. A covering assignment that ends today ends
 * at the clinic's midnight for pages, the API and the reports alike, because all of them ask this clock.
 *
 * <p>Injected into the services; {@link #current()} serves the few plain classes that are not managed.
 */
@ApplicationScoped
public class ClinicClock {

    private static final ZoneId ZONE = configuredZone();

    private static volatile Clock source = Clock.systemUTC();

    /** The current instant. */
    public Instant now() {
        return source.instant();
    }

    /** The clinic's date now. */
    public LocalDate today() {
        return LocalDate.ofInstant(now(), zone());
    }

    /** The clinic's time zone. */
    public ZoneId zone() {
        return ZONE;
    }

    /** The clinic's time zone, for code that needs no instant (a local time typed, a date shown). */
    public static ZoneId clinicZone() {
        return ZONE;
    }

    private static ZoneId configuredZone() {
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

    /** This clock as a {@link Clock} in the clinic's zone, for code that takes one. */
    public Clock asClock() {
        return source.withZone(zone());
    }

    /** The clock of the running application, for classes that are not injected. */
    public static ClinicClock current() {
        try {
            return CDI.current().select(ClinicClock.class).get();
        } catch (IllegalStateException noContainer) {
            return new ClinicClock();
        }
    }

    /**
     * Sets the instant source, for tests and drills that must see a given moment (say, a minute before the
     * clinic's midnight); {@code null} goes back to the system clock. Nothing in the application calls it.
     */
    public static void travelTo(Clock clock) {
        source = clock == null ? Clock.systemUTC() : clock;
    }
}
