package org.hearth.safetyplan;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The words the printed safety plan never carries, in English and Spanish: a diagnosis, a substance, a medicine that
 * names one, treatment or the program. The printed copy may be found by the loved one, so it must read as any
 * family's plan for staying safe. A word counts wherever a word starts with it ("drugs", "Drogas", "tratamientos"),
 * whatever its case and accents.
 */
public final class PrintedWords {

    /** The forbidden beginnings of words, written without accents. */
    public static final List<String> FORBIDDEN = List.of(
            // English
            "overdos",
            "drug",
            "opioid",
            "opiate",
            "heroin",
            "fentanyl",
            "addict",
            "substance",
            "treatment",
            "family program",
            "naloxone",
            "narcan",
            "methadone",
            "buprenorphine",
            "suboxone",
            "methamphetamine",
            "cocaine",
            "rehab",
            "detox",
            "diagnos",
            "disorder",
            // Spanish
            "sobredosis",
            "droga",
            "opioide",
            "opiaceo",
            "heroina",
            "fentanilo",
            "adiccion",
            "adicto",
            "sustancia",
            "tratamiento",
            "programa familiar",
            "programa para familias",
            "naloxona",
            "metadona",
            "buprenorfina",
            "metanfetamina",
            "cocaina",
            "desintoxicacion",
            "diagnostic",
            "trastorno");

    private static final Pattern WORDS = Pattern.compile("(?<![\\p{L}\\p{N}])("
            + String.join("|", FORBIDDEN.stream().map(Pattern::quote).toList()) + ")");

    private PrintedWords() {}

    /** The first forbidden word {@code text} holds (as written in {@link #FORBIDDEN}), or empty. */
    public static Optional<String> firstIn(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        Matcher m = WORDS.matcher(plain(text));
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /** Lower case, accents dropped, runs of white space made one space. */
    static String plain(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "")
                .replaceAll("\\s+", " ")
                .toLowerCase(Locale.ROOT);
    }
}
