package org.hearth.notes;

import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What one family may read of a group note: the group's body with every other participant's name taken out
 * (full name, and each part of it of three letters or more, as whole words, in any case), and the sections
 * of its own members only. Names are replaced, not deleted, so the text still reads: "[another participant]".
 */
public final class GroupNotePrivacy {

    public static final String OTHER = "[another participant]";

    private GroupNotePrivacy() {}

    /** One participant of the meeting: their family and name. */
    public record Participant(long memberId, long familyId, String fullName) {}

    /** A member's section of the note. */
    public record Section(long memberId, long familyId, String text) {}

    /** The body as {@code familyId} may read it: other families' participants' names replaced. */
    public static String bodyFor(long familyId, String body, List<Participant> participants) {
        if (body == null) {
            return null;
        }
        Set<String> own = participants.stream()
                .filter(p -> p.familyId() == familyId)
                .flatMap(p -> java.util.Arrays.stream(p.fullName().split("\\s+")))
                .map(String::toLowerCase)
                .collect(java.util.stream.Collectors.toSet());
        List<String> others = participants.stream()
                .filter(p -> p.familyId() != familyId)
                .flatMap(p -> java.util.stream.Stream.concat(
                        java.util.stream.Stream.of(p.fullName().strip()),
                        java.util.Arrays.stream(p.fullName().split("\\s+"))))
                .filter(name -> name.length() >= 3)
                // a surname the reader's own family shares is theirs to read
                .filter(name -> name.contains(" ") || !own.contains(name.toLowerCase()))
                .distinct()
                .sorted(Comparator.comparing(String::length).reversed())
                .toList();
        String text = body;
        for (String name : others) {
            Pattern word = Pattern.compile(
                    "(?<![\\p{L}\\p{N}])" + Pattern.quote(name) + "(?![\\p{L}\\p{N}])",
                    Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
            text = word.matcher(text).replaceAll(Matcher.quoteReplacement(OTHER));
        }
        return text;
    }

    /** The sections of the family's own members, in the order given. */
    public static List<Section> sectionsFor(long familyId, List<Section> sections) {
        return sections.stream().filter(s -> s.familyId() == familyId).toList();
    }
}
