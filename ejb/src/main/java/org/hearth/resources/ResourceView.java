package org.hearth.resources;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * A directory entry as pages and the API show it: its details, whether it is retired, whether it needs checking
 * (not confirmed for {@value CommunityResource#STALE_AFTER_DAYS} days by the clinic's today), and the version a
 * change must name. Languages come in the order of {@link ResourceRules#LANGUAGES}.
 */
public record ResourceView(
        long id,
        long version,
        String name,
        ResourceKind kind,
        String description,
        String address,
        String phone,
        String website,
        String hours,
        List<String> languages,
        ResourceSetting setting,
        LocalDate confirmedOn,
        boolean needsChecking,
        boolean active)
        implements Serializable {

    public ResourceView {
        languages = List.copyOf(languages);
    }

    /** The entry as it stands, needing a check or not by {@code today}. */
    public static ResourceView of(CommunityResource r, LocalDate today) {
        return new ResourceView(
                r.getId(),
                r.getVersion(),
                r.getName(),
                r.getKind(),
                r.getDescription(),
                r.getAddress(),
                r.getPhone(),
                r.getWebsite(),
                r.getHours(),
                r.getLanguages().stream()
                        .sorted((a, b) ->
                                Integer.compare(ResourceRules.languageOrder(a), ResourceRules.languageOrder(b)))
                        .toList(),
                r.getSetting(),
                r.getConfirmedOn(),
                r.needsChecking(today),
                r.isActive());
    }

    /** The details as a form edits them. */
    public ResourceDetails details() {
        return new ResourceDetails(
                name, kind, description, address, phone, website, hours, Set.copyOf(languages), setting, confirmedOn);
    }
}
