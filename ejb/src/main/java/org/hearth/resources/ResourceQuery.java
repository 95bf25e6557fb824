package org.hearth.resources;

import java.io.Serializable;

/**
 * A page of the directory: words searched in names, the filters (each null for any), and the rows wanted. The list
 * is ordered by name, then id, so pages never overlap.
 *
 * @param text words in the name
 * @param language a language code, see {@link ResourceRules#LANGUAGES}
 * @param needsCheckingOnly only entries not confirmed for {@value CommunityResource#STALE_AFTER_DAYS} days
 * @param active true for entries in use, false for retired ones, null for both
 */
public record ResourceQuery(
        String text, ResourceKind kind, String language, boolean needsCheckingOnly, Boolean active, int first, int max)
        implements Serializable {

    /** The most rows one page may ask for. */
    public static final int LONGEST_PAGE = 200;

    public ResourceQuery {
        text = text == null || text.isBlank() ? null : text.strip();
        language = language == null || language.isBlank() ? null : language.strip();
        first = Math.max(0, first);
        max = Math.min(Math.max(1, max), LONGEST_PAGE);
    }

    /** Entries in use whose name holds {@code text} (any, when null), first page of {@code max}. */
    public static ResourceQuery inUse(String text, ResourceKind kind, int max) {
        return new ResourceQuery(text, kind, null, false, true, 0, max);
    }
}
