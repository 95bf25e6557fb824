package org.hearth.providers;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.Set;
import org.hearth.engagement.LevelOfCare;

/**
 * A directory entry as a person (or an import row) gives it. Validation lives in the service that takes it.
 *
 * @param languages lower-case ISO 639-1 codes ("en", "es") or "asl"
 * @param confirmedOn the day these details were last confirmed with the provider
 */
public record ProviderDetails(
        String name,
        String street,
        String city,
        String state,
        String zip,
        String phone,
        String website,
        Set<LevelOfCare> levelsOfCare,
        Set<OudMedication> medications,
        Set<Payment> payments,
        Set<String> languages,
        Set<Population> populations,
        boolean coOccurringCare,
        String intakeHours,
        Integer typicalWaitDays,
        LocalDate confirmedOn,
        String notes)
        implements Serializable {

    public ProviderDetails {
        levelsOfCare = levelsOfCare == null ? Set.of() : Set.copyOf(levelsOfCare);
        medications = medications == null ? Set.of() : Set.copyOf(medications);
        payments = payments == null ? Set.of() : Set.copyOf(payments);
        languages = languages == null ? Set.of() : Set.copyOf(languages);
        populations = populations == null ? Set.of() : Set.copyOf(populations);
    }
}
