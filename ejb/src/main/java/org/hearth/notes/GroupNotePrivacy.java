package org.hearth.notes;

import java.util.List;

/**
 * What one family may read of a group note: the group's body with every other family's participant taken out
 * by {@link MemberRedaction} (the full name and every part of it, of any length, as whole words, in any case
 * and with or without accents), and the sections of its own members only. Names are replaced, not deleted, so
 * the text still reads: "[another participant]".
 */
public final class GroupNotePrivacy {

    public static final String OTHER = MemberRedaction.ANOTHER_PARTICIPANT;

    private GroupNotePrivacy() {}

    /** One participant of the meeting: their family and name. */
    public record Participant(long memberId, long familyId, String fullName) {}

    /** A member's section of the note. */
    public record Section(long memberId, long familyId, String text) {}

    /**
     * The body as {@code familyId} may read it: other families' participants' names replaced. The family's
     * own participants are kept, so a name part they share with someone else is theirs to read.
     */
    public static String bodyFor(long familyId, String body, List<Participant> participants) {
        MemberRedaction.Builder redaction = MemberRedaction.builder();
        participants.stream().filter(p -> p.familyId() == familyId).forEach(p -> redaction.keep(p.fullName()));
        participants.stream().filter(p -> p.familyId() != familyId).forEach(p -> redaction.hide(p.fullName(), OTHER));
        return redaction.build().html(body);
    }

    /** The sections of the family's own members, in the order given. */
    public static List<Section> sectionsFor(long familyId, List<Section> sections) {
        return sections.stream().filter(s -> s.familyId() == familyId).toList();
    }
}
