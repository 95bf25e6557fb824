package org.hearth.resources;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.Set;

/**
 * A directory entry as a person gives it. Checked by {@link ResourceRules} in the service that takes it.
 *
 * @param description what it is, in a sentence or two
 * @param hours when it meets or is open, as people say it ("Tuesdays 7 pm", "24/7")
 * @param languages lower-case codes, see {@link ResourceRules#LANGUAGES}
 * @param confirmedOn the day these details were last confirmed
 */
public record ResourceDetails(
        String name,
        ResourceKind kind,
        String description,
        String address,
        String phone,
        String website,
        String hours,
        Set<String> languages,
        ResourceSetting setting,
        LocalDate confirmedOn)
        implements Serializable {

    public ResourceDetails {
        languages = languages == null ? Set.of() : Set.copyOf(languages);
    }

    /** The same details, confirmed on {@code day}. */
    public ResourceDetails confirmedOn(LocalDate day) {
        return new ResourceDetails(name, kind, description, address, phone, website, hours, languages, setting, day);
    }
}
