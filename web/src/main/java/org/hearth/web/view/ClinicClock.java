package org.hearth.web.view;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Instant;

/** Instants as the clinic's clocks show them, for pages: {@code #{clinicClock.local(note.signedAt)}}. */
@Named
@RequestScoped
public class ClinicClock {

    @Inject
    private Dates dates;

    /** "Nov 26, 2026 10:00" ("26 nov 2026 10:00") in the clinic's time zone and the page's language; empty for none. */
    public String local(Instant instant) {
        return dates.at(instant);
    }
}
