package org.hearth.notes;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.io.Serializable;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.hearth.education.EducationTopic;
import org.hearth.family.StageOfChange;

/**
 * What a counselor writes in a session note: the DAP sections (rich text, cleaned to an allow-list when
 * saved), the motivational-interviewing part (target behaviour, OARS used, change talk by DARN-CAT, sustain
 * talk and discord, each attending member's readiness ruler and stage, each loved one's stage as the family
 * reports it), the CRAFT procedures practised, the risk update, homework and next steps, and the education topics
 * covered (in their declaration order). Every part may be
 * empty in a draft; signing needs the three DAP sections.
 */
public record NoteContent(
        @Size(max = 20000, message = "{note.text.length}") String data,
        @Size(max = 20000, message = "{note.text.length}") String assessment,
        @Size(max = 20000, message = "{note.text.length}") String plan,
        @Size(max = 500, message = "{note.target.length}") String targetBehaviour,
        boolean openQuestions,
        boolean affirmations,
        boolean reflections,
        boolean summaries,
        @Size(max = 40, message = "{note.changeTalk.many}") List<@Valid @NotNull ChangeTalk> changeTalk,
        @Size(max = 2000, message = "{note.short.length}") String sustainTalk,
        @Size(max = 2000, message = "{note.short.length}") String discord,
        List<@Valid @NotNull Ruler> rulers,
        List<@Valid @NotNull LovedOneStage> lovedOneStages,
        Set<CraftProcedure> craftProcedures,
        @Size(max = 2000, message = "{note.short.length}") String overdoseRisk,
        @Size(max = 2000, message = "{note.short.length}") String safetyUpdate,
        boolean safetyPlanAgreed,
        @Size(max = 2000, message = "{note.short.length}") String homework,
        @Size(max = 2000, message = "{note.short.length}") String nextSteps,
        Set<EducationTopic> educationTopics)
        implements Serializable {

    public NoteContent {
        changeTalk = changeTalk == null ? List.of() : List.copyOf(changeTalk);
        rulers = rulers == null ? List.of() : List.copyOf(rulers);
        lovedOneStages = lovedOneStages == null ? List.of() : List.copyOf(lovedOneStages);
        craftProcedures = craftProcedures == null || craftProcedures.isEmpty()
                ? Set.of()
                : Set.copyOf(EnumSet.copyOf(craftProcedures));
        educationTopics = educationTopics == null || educationTopics.isEmpty()
                ? Set.of()
                : Collections.unmodifiableSet(EnumSet.copyOf(educationTopics));
    }

    /** A note with nothing written yet. */
    public static NoteContent empty() {
        return new NoteContent(
                null, null, null, null, false, false, false, false, List.of(), null, null, List.of(), List.of(),
                Set.of(), null, null, false, null, null, Set.of());
    }

    /** Change talk heard: its DARN-CAT category, an optional short quote, and who said it (optional). */
    public record ChangeTalk(
            @NotNull(message = "{note.changeTalk.category.required}") ChangeTalkCategory category,
            @Size(max = 300, message = "{note.changeTalk.quote.length}") String quote,
            Long memberId)
            implements Serializable {}

    /** An attending member's readiness ruler (each 0-10, may be left out) and the stage observed. */
    public record Ruler(
            @NotNull(message = "{note.ruler.member.required}") Long memberId,
            @Min(value = 0, message = "{note.ruler.range}") @Max(value = 10, message = "{note.ruler.range}")
                    Integer importance,
            @Min(value = 0, message = "{note.ruler.range}") @Max(value = 10, message = "{note.ruler.range}")
                    Integer confidence,
            @Min(value = 0, message = "{note.ruler.range}") @Max(value = 10, message = "{note.ruler.range}")
                    Integer readiness,
            StageOfChange stage)
            implements Serializable {

        /** Nothing recorded for the member. */
        public boolean isEmpty() {
            return importance == null && confidence == null && readiness == null && stage == null;
        }
    }

    /** A loved one's stage of change, as the family reports it. */
    public record LovedOneStage(
            @NotNull(message = "{note.lovedOne.required}") Long lovedOneId,
            @NotNull(message = "{note.lovedOne.stage.required}") StageOfChange stage)
            implements Serializable {}
}
