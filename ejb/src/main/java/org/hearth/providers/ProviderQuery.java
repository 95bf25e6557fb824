package org.hearth.providers;

import java.io.Serializable;
import org.hearth.engagement.LevelOfCare;

/**
 * A page of the directory: text searched in names and cities, the filters (each null for any), and the rows wanted.
 * The list is ordered by name, then id, so pages never overlap.
 *
 * @param text words in the name or the city
 * @param language a language code, see {@link ProviderLanguages}
 * @param coOccurringCare true for entries treating co-occurring mental-health conditions only; null for any
 * @param staleOnly only entries not confirmed for {@value TreatmentProvider#STALE_AFTER_DAYS} days
 * @param active true for entries in use, false for retired ones, null for both
 */
public record ProviderQuery(
        String text,
        LevelOfCare levelOfCare,
        OudMedication medication,
        Payment payment,
        String language,
        Population population,
        Boolean coOccurringCare,
        boolean staleOnly,
        Boolean active,
        int first,
        int max)
        implements Serializable {

    /** The most rows one page may ask for. */
    public static final int LONGEST_PAGE = 200;

    public ProviderQuery {
        text = text == null || text.isBlank() ? null : text.strip();
        language = language == null || language.isBlank() ? null : language.strip();
        first = Math.max(0, first);
        max = Math.min(Math.max(1, max), LONGEST_PAGE);
    }

    /** The first page of the entries in use, by name. */
    public static ProviderQuery inUse(int max) {
        return new ProviderQuery(null, null, null, null, null, null, null, false, true, 0, max);
    }
}
