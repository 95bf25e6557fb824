package org.hearth.providers;

import java.util.List;

/**
 * The languages a directory entry can name, as lower-case ISO 639-1 codes plus {@code asl} (American Sign
 * Language). A short closed list, so that every language shown has a name in English and Spanish on the pages;
 * a language not in it is refused by name rather than stored as a code nobody can read.
 */
public final class ProviderLanguages {

    /** The codes Hearth knows, in the order the pages offer them. */
    public static final List<String> CODES =
            List.of("en", "es", "asl", "vi", "zh", "ar", "ht", "pt", "fr", "ru", "ko", "tl", "pl", "so");

    private ProviderLanguages() {}

    public static boolean isKnown(String code) {
        return code != null && CODES.contains(code);
    }
}
