package org.hearth.notes;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;

/**
 * A signed group note as one family's record shows it: the group and meeting, the body with other families'
 * participants' names taken out, and the sections of this family's own members.
 */
public record FamilyGroupNote(
        long id,
        String groupName,
        LocalDate date,
        String startTime,
        String authorName,
        NoteStatus status,
        String body,
        List<Section> sections)
        implements Serializable {

    public FamilyGroupNote {
        sections = List.copyOf(sections);
    }

    /** One of the family's members' sections. */
    public record Section(String memberName, String text) implements Serializable {}
}
