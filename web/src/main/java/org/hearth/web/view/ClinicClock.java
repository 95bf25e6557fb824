package org.hearth.web.view;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import org.hearth.time.ClinicTime;

/** Instants as the clinic's clocks show them, for pages: {@code #{clinicClock.local(note.signedAt)}}. */
@Named
@ApplicationScoped
public class ClinicClock {

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    /** "2026-11-26 10:00" in the clinic's time zone; empty for none. */
    public String local(Instant instant) {
        return instant == null ? "" : LOCAL.format(instant.atZone(ClinicTime.zone()));
    }
}
