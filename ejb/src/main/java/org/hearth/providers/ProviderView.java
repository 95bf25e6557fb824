package org.hearth.providers;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.hearth.engagement.LevelOfCare;

/**
 * A directory entry as pages and the API show it: its details, whether it is retired, whether its details are
 * stale (not confirmed for {@value TreatmentProvider#STALE_AFTER_DAYS} days by the clinic's today), and the version
 * a change must name. Sets come in a fixed order (the enums' order; languages as {@link ProviderLanguages#CODES}).
 */
public record ProviderView(
        long id,
        long version,
        String locatorId,
        String name,
        String street,
        String city,
        String state,
        String zip,
        String phone,
        String website,
        List<LevelOfCare> levelsOfCare,
        List<OudMedication> medications,
        List<Payment> payments,
        List<String> languages,
        List<Population> populations,
        boolean coOccurringCare,
        String intakeHours,
        Integer typicalWaitDays,
        LocalDate confirmedOn,
        boolean stale,
        boolean active,
        String notes)
        implements Serializable {

    public ProviderView {
        levelsOfCare = List.copyOf(levelsOfCare);
        medications = List.copyOf(medications);
        payments = List.copyOf(payments);
        languages = List.copyOf(languages);
        populations = List.copyOf(populations);
    }

    /** The entry as it stands, stale or not by {@code today}. */
    public static ProviderView of(TreatmentProvider provider, LocalDate today) {
        return new ProviderView(
                provider.getId(),
                provider.getVersion(),
                provider.getLocatorId(),
                provider.getName(),
                provider.getStreet(),
                provider.getCity(),
                provider.getState(),
                provider.getZip(),
                provider.getPhone(),
                provider.getWebsite(),
                provider.getLevelsOfCare().stream().sorted().toList(),
                provider.getMedications().stream().sorted().toList(),
                provider.getPayments().stream().sorted().toList(),
                provider.getLanguages().stream()
                        .sorted((a, b) -> Integer.compare(languageOrder(a), languageOrder(b)))
                        .toList(),
                provider.getPopulations().stream().sorted().toList(),
                provider.isCoOccurringCare(),
                provider.getIntakeHours(),
                provider.getTypicalWaitDays(),
                provider.getConfirmedOn(),
                provider.isStale(today),
                provider.isActive(),
                provider.getNotes());
    }

    /** The details as a form edits them. */
    public ProviderDetails details() {
        return new ProviderDetails(
                name,
                street,
                city,
                state,
                zip,
                phone,
                website,
                Set.copyOf(levelsOfCare),
                Set.copyOf(medications),
                Set.copyOf(payments),
                Set.copyOf(languages),
                Set.copyOf(populations),
                coOccurringCare,
                intakeHours,
                typicalWaitDays,
                confirmedOn,
                notes);
    }

    private static int languageOrder(String code) {
        int known = ProviderLanguages.CODES.indexOf(code);
        return known < 0 ? Integer.MAX_VALUE : known;
    }
}
