package org.hearth.notes;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;

/**
 * Takes people's names out of a text by who they are, not by what a name looks like: built from the
 * members' recorded names, it replaces every whole-word mention of a hidden person - the full name, or any
 * part of it (first, last, each part of a multi-part or hyphenated name, of any length) - with that person's
 * placeholder. Matching ignores case and accents ("jose" is "José"), reads "Maria's" as "Maria" with "'s",
 * and never matches inside a longer word ("Al" is not taken out of "Alice" or "also"). Where the words could
 * as well name someone the reader may read (a surname the reader's family shares), they are left: the
 * longest match wins, and a kept person wins a tie. Rich text is redacted in its text only, never in its tags.
 */
public final class MemberRedaction {

    /** In a group note: a participant of another family. */
    public static final String ANOTHER_PARTICIPANT = "[another participant]";

    /** In a disclosure: a member of the same family other than the one whose record it is. */
    public static final String ANOTHER_FAMILY_MEMBER = "[another family member]";

    /** A word: letters, marks and digits, with apostrophes inside it ("O'Brien") or closing it ("James'"). */
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{M}\\p{N}]+(?:['’ʼ][\\p{L}\\p{M}\\p{N}]+)*['’ʼ]?");

    /** What may stand between the words of one name: spaces and hyphens. */
    private static final Pattern WITHIN_NAME = Pattern.compile("[\\s\\-‐‑]+");

    /** What splits a recorded name into its parts. */
    private static final Pattern NAME_PARTS = Pattern.compile("[^\\p{L}\\p{M}\\p{N}'’ʼ]+");

    private static final String KEPT = "";

    /** Each run of name parts (folded) to its placeholder, or {@link #KEPT}. */
    private final Map<List<String>, String> names;

    private final int longest;

    private MemberRedaction(Map<List<String>, String> names) {
        this.names = Map.copyOf(names);
        this.longest = names.keySet().stream().mapToInt(List::size).max().orElse(0);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Collects the people to hide and those to keep, from their recorded names. */
    public static final class Builder {

        private final Map<List<String>, String> names = new HashMap<>();

        private Builder() {}

        /** A person the reader may read by name (the reader, or their own family in a group note). */
        public Builder keep(String recordedName) {
            runsOf(recordedName).forEach(run -> names.put(run, KEPT));
            return this;
        }

        /**
         * A person to hide behind {@code placeholder}. Words a kept person also has stay; words two hidden
         * people share take the placeholder of the one hidden first.
         */
        public Builder hide(String recordedName, String placeholder) {
            if (placeholder == null || placeholder.isBlank()) {
                throw new IllegalArgumentException("a hidden name needs a placeholder to stand in for it");
            }
            runsOf(recordedName).forEach(run -> names.putIfAbsent(run, placeholder));
            return this;
        }

        public MemberRedaction build() {
            return new MemberRedaction(names);
        }

        /** Every run of consecutive parts of the name: "Ana María Cruz" gives "ana", "ana maria", ... */
        private static List<List<String>> runsOf(String recordedName) {
            List<String> parts = new ArrayList<>();
            if (recordedName != null) {
                for (String part : NAME_PARTS.split(recordedName.strip())) {
                    String folded = fold(part);
                    if (!folded.isEmpty()) {
                        parts.add(folded);
                    }
                }
            }
            List<List<String>> runs = new ArrayList<>();
            for (int from = 0; from < parts.size(); from++) {
                for (int to = from + 1; to <= parts.size(); to++) {
                    runs.add(List.copyOf(parts.subList(from, to)));
                }
            }
            return runs;
        }
    }

    /** Whether there is anyone to hide. */
    public boolean hidesAnyone() {
        return names.values().stream().anyMatch(p -> !p.equals(KEPT));
    }

    /** The plain text with the hidden people's names replaced; null stays null. */
    public String text(String text) {
        if (text == null || !hidesAnyone()) {
            return text;
        }
        List<int[]> words = new ArrayList<>();
        Matcher word = WORD.matcher(text);
        while (word.find()) {
            words.add(new int[] {word.start(), word.end()});
        }
        StringBuilder out = new StringBuilder(text.length());
        int copied = 0;
        int i = 0;
        while (i < words.size()) {
            Match match = longestAt(text, words, i);
            if (match == null) {
                i++;
                continue;
            }
            if (!match.placeholder().equals(KEPT)) {
                out.append(text, copied, words.get(i)[0]).append(match.placeholder());
                copied = match.end();
            }
            i += match.length();
        }
        return out.append(text, copied, text.length()).toString();
    }

    /** The rich text with the hidden people's names replaced in its text, its markup untouched; null stays null. */
    public String html(String html) {
        if (html == null || !hidesAnyone()) {
            return html;
        }
        Document document = Jsoup.parseBodyFragment(html);
        document.outputSettings().prettyPrint(false);
        redact(document.body());
        return document.body().html();
    }

    private void redact(Element element) {
        for (var node : element.childNodes()) {
            if (node instanceof TextNode text) {
                text.text(text(text.getWholeText()));
            } else if (node instanceof Element child) {
                redact(child);
            }
        }
    }

    /** A run of words naming someone: how many words, where its name ends, and what replaces it. */
    private record Match(int length, int end, String placeholder) {}

    private Match longestAt(String text, List<int[]> words, int first) {
        int most = Math.min(longest, words.size() - first);
        // the run may only go on across spaces and hyphens, as within one name
        int reach = 1;
        while (reach < most
                && WITHIN_NAME
                        .matcher(text.substring(words.get(first + reach - 1)[1], words.get(first + reach)[0]))
                        .matches()) {
            reach++;
        }
        for (int length = reach; length >= 1; length--) {
            List<String> run = new ArrayList<>(length);
            for (int k = first; k < first + length - 1; k++) {
                run.add(fold(text.substring(words.get(k)[0], words.get(k)[1])));
            }
            int[] last = words.get(first + length - 1);
            String lastWord = text.substring(last[0], last[1]);
            // the possessive's ending stays in the text: "Maria's" reads "[another family member]'s"
            int ending = possessiveSuffix(lastWord);
            run.add(fold(lastWord.substring(0, lastWord.length() - ending)));
            String placeholder = names.get(run);
            if (placeholder == null && ending > 0) {
                ending = 0;
                run.set(length - 1, fold(lastWord));
                placeholder = names.get(run);
            }
            if (placeholder != null) {
                return new Match(length, last[1] - ending, placeholder);
            }
        }
        return null;
    }

    /** The length of a possessive ending: "'s" in "Maria's", "'" in "James'"; 0 if none. */
    private static int possessiveSuffix(String word) {
        int n = word.length();
        if (n > 2 && isApostrophe(word.charAt(n - 2)) && (word.charAt(n - 1) == 's' || word.charAt(n - 1) == 'S')) {
            return 2;
        }
        if (n > 1 && isApostrophe(word.charAt(n - 1))) {
            return 1;
        }
        return 0;
    }

    private static boolean isApostrophe(char c) {
        return c == '\'' || c == '’' || c == 'ʼ';
    }

    /** A word as compared: lower case, without accents or apostrophes ("O’Brién" and "obrien" are one). */
    static String fold(String word) {
        String lower = word.toLowerCase(Locale.ROOT)
                .replace("ß", "ss")
                .replace("æ", "ae")
                .replace("œ", "oe")
                .replace('ø', 'o')
                .replace('ł', 'l')
                .replace('đ', 'd')
                .replace('ı', 'i');
        return Normalizer.normalize(lower, Normalizer.Form.NFD).replaceAll("[\\p{M}'’ʼ]", "");
    }
}
