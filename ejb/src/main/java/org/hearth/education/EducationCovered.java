package org.hearth.education;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What a family has been taught: for each topic (in the checklist's order) the sessions whose note covered it,
 * oldest first, and whether it was never covered yet.
 */
@Schema(description = "The education topics a family has been taught, session by session")
public record EducationCovered(@Schema(required = true) long familyId, @Schema(required = true) List<Topic> topics)
        implements Serializable {

    /** The topics never covered yet, in the checklist's order. */
    public List<EducationTopic> notYetCovered() {
        return topics.stream()
                .filter(t -> t.sessions().isEmpty())
                .map(Topic::topic)
                .toList();
    }

    /** One topic and the sessions it was covered in. */
    public record Topic(
            @Schema(required = true) EducationTopic topic,
            @Schema(required = true, description = "the sessions whose note covered it, oldest first")
                    List<Session> sessions)
            implements Serializable {

        /** The last session it was covered in, or null. */
        public Session last() {
            return sessions.isEmpty() ? null : sessions.get(sessions.size() - 1);
        }
    }

    /**
     * A session whose note covered the topic: the session's day (in the clinic's zone), the note's author, and
     * whether the note is still a draft (a draft may change before it is signed).
     */
    public record Session(
            @Schema(required = true) long noteId,
            @Schema(required = true) LocalDate day,
            @Schema(required = true) String counselor,
            @Schema(required = true) boolean draft)
            implements Serializable {}
}
