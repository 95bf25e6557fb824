package org.hearth.plans;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;

/**
 * An active directory entry offered for the shortlist, with how it fits the plan's needs; stale when its
 * details were not confirmed for 90 days.
 */
public record Suggestion(
        long providerId,
        String name,
        String city,
        String phone,
        Integer typicalWaitDays,
        LocalDate confirmedOn,
        boolean stale,
        ProviderFit fit)
        implements Serializable {

    /** One page of suggestions, best fit first, with how many there are in all. */
    public record Page(long total, List<Suggestion> rows) implements Serializable {

        public Page {
            rows = List.copyOf(rows);
        }
    }
}
