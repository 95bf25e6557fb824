package org.hearth.messages;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;

/**
 * The clinic's street address that reminders give: {@code HEARTH_CLINIC_ADDRESS} (or the system property
 * {@code hearth.clinic.address}). Unset, reminders leave the address line out, and the server log says so once.
 */
public final class ClinicAddress {

    private static final Logger LOG = Logger.getLogger(ClinicAddress.class.getName());
    private static final AtomicBoolean WARNED = new AtomicBoolean();

    private ClinicAddress() {}

    /** The address, when set. */
    public static Optional<String> configured() {
        String value = System.getProperty("hearth.clinic.address", System.getenv("HEARTH_CLINIC_ADDRESS"));
        if (value == null || value.isBlank()) {
            if (WARNED.compareAndSet(false, true)) {
                LOG.warning("Reminders give no address: set HEARTH_CLINIC_ADDRESS to the clinic's street address.");
            }
            return Optional.empty();
        }
        return Optional.of(value.strip());
    }
}
