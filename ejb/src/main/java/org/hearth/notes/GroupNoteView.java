package org.hearth.notes;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A group note as its writer and the program's supervisors read it: the meeting, the body, every attending
 * member's section (named), where it stands and whether it is still as signed.
 */
public record GroupNoteView(
        long id,
        long sessionId,
        long groupId,
        String groupName,
        LocalDate date,
        String startTime,
        String authorUsername,
        String authorName,
        NoteStatus status,
        String body,
        List<Section> sections,
        Instant signedAt,
        boolean intact,
        long version)
        implements Serializable {

    public GroupNoteView {
        sections = List.copyOf(sections);
    }

    /** An attending member's section, with their name (for the writer and supervisors only). */
    public record Section(long memberId, String memberName, String text) implements Serializable {}

    public boolean isDraft() {
        return status == NoteStatus.DRAFT;
    }
}
