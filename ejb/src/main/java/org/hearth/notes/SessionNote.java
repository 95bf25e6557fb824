package org.hearth.notes;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.hearth.appointments.Appointment;
import org.hearth.education.EducationTopic;
import org.hearth.family.Family;
import org.hearth.family.StageOfChange;
import org.hearth.staff.StaffMember;

/**
 * The note of one family session, written by the counselor who held it. While a {@link NoteStatus#DRAFT} it
 * is saved as often as the counselor likes; {@link #sign} makes it final: the signing time and the hash of
 * its content ({@link NoteText#hash}) are kept, and the database refuses any later change to the content
 * (V9 triggers). A supervisor then co-signs it or returns it with a comment.
 */
@Entity
@Table(name = "session_note")
public class SessionNote {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "appointment_id", updatable = false)
    private Appointment appointment;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "family_id", updatable = false)
    private Family family;

    /** Who writes the note: the counselor who held the session, or the one a supervisor gave the draft to. */
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "author_id")
    private StaffMember author;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private NoteStatus status = NoteStatus.DRAFT;

    @Column(name = "data_text")
    private String data;

    @Column(name = "assessment_text")
    private String assessment;

    @Column(name = "plan_text")
    private String plan;

    @Column(name = "target_behaviour")
    private String targetBehaviour;

    @Column(name = "oars_open_questions", nullable = false)
    private boolean openQuestions;

    @Column(name = "oars_affirmations", nullable = false)
    private boolean affirmations;

    @Column(name = "oars_reflections", nullable = false)
    private boolean reflections;

    @Column(name = "oars_summaries", nullable = false)
    private boolean summaries;

    @ElementCollection
    @CollectionTable(name = "note_change_talk", joinColumns = @JoinColumn(name = "note_id"))
    @OrderColumn(name = "position")
    private List<ChangeTalkRow> changeTalk = new ArrayList<>();

    @Column(name = "sustain_talk")
    private String sustainTalk;

    @Column(name = "discord")
    private String discord;

    @ElementCollection
    @CollectionTable(name = "note_readiness", joinColumns = @JoinColumn(name = "note_id"))
    private List<RulerRow> rulers = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "note_loved_one_stage", joinColumns = @JoinColumn(name = "note_id"))
    private List<LovedOneStageRow> lovedOneStages = new ArrayList<>();

    /** The CRAFT procedures practised, as their names separated by commas, in declaration order. */
    @Column(name = "craft_procedures", nullable = false)
    private String craftProcedures = "";

    /** The education topics covered (V33), part of the content: final once signed, like the other parts. */
    @ElementCollection
    @CollectionTable(name = "note_education_topic", joinColumns = @JoinColumn(name = "note_id"))
    @Enumerated(EnumType.STRING)
    @Column(name = "topic")
    private Set<EducationTopic> educationTopics = new HashSet<>();

    @Column(name = "overdose_risk")
    private String overdoseRisk;

    @Column(name = "safety_update")
    private String safetyUpdate;

    @Column(name = "safety_plan_agreed", nullable = false)
    private boolean safetyPlanAgreed;

    @Column(name = "homework")
    private String homework;

    @Column(name = "next_steps")
    private String nextSteps;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "signed_at")
    private Instant signedAt;

    @Column(name = "content_hash")
    private String contentHash;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "cosigned_by")
    private StaffMember cosignedBy;

    @Column(name = "cosigned_at")
    private Instant cosignedAt;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "returned_by")
    private StaffMember returnedBy;

    @Column(name = "returned_at")
    private Instant returnedAt;

    @Column(name = "return_comment")
    private String returnComment;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "reassigned_by")
    private StaffMember reassignedBy;

    @Column(name = "reassigned_at")
    private Instant reassignedAt;

    @Column(name = "reassign_reason")
    private String reassignReason;

    @Version
    private long version;

    protected SessionNote() {}

    SessionNote(Appointment appointment, StaffMember author, Instant now) {
        this.appointment = appointment;
        this.family = appointment.getFamily();
        this.author = author;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /**
     * A supervisor gives the unsigned note to another counselor, who writes and signs it from now on. The session
     * keeps the counselor who held it; the note keeps who gave it, when and why. What was drafted stays.
     */
    void reassignTo(StaffMember writer, StaffMember supervisor, String reason, Instant now) {
        if (status != NoteStatus.DRAFT) {
            throw new IllegalStateException("a signed note keeps its author");
        }
        author = writer;
        reassignedBy = supervisor;
        reassignedAt = now;
        reassignReason = reason;
        updatedAt = now;
    }

    /** Replaces the draft's content (rich text already cleaned). */
    void write(NoteContent content, Instant now) {
        if (status != NoteStatus.DRAFT) {
            throw new IllegalStateException("a signed note is final");
        }
        data = content.data();
        assessment = content.assessment();
        plan = content.plan();
        targetBehaviour = content.targetBehaviour();
        openQuestions = content.openQuestions();
        affirmations = content.affirmations();
        reflections = content.reflections();
        summaries = content.summaries();
        changeTalk.clear();
        content.changeTalk().forEach(t -> changeTalk.add(new ChangeTalkRow(t.category(), t.quote(), t.memberId())));
        sustainTalk = content.sustainTalk();
        discord = content.discord();
        rulers.clear();
        content.rulers().stream()
                .filter(r -> !r.isEmpty())
                .forEach(r -> rulers.add(
                        new RulerRow(r.memberId(), r.importance(), r.confidence(), r.readiness(), r.stage())));
        lovedOneStages.clear();
        content.lovedOneStages().forEach(s -> lovedOneStages.add(new LovedOneStageRow(s.lovedOneId(), s.stage())));
        craftProcedures = content.craftProcedures().isEmpty()
                ? ""
                : EnumSet.copyOf(content.craftProcedures()).stream()
                        .map(Enum::name)
                        .collect(Collectors.joining(","));
        overdoseRisk = content.overdoseRisk();
        safetyUpdate = content.safetyUpdate();
        safetyPlanAgreed = content.safetyPlanAgreed();
        homework = content.homework();
        nextSteps = content.nextSteps();
        if (!Set.copyOf(educationTopics).equals(content.educationTopics())) {
            educationTopics.clear();
            educationTopics.addAll(content.educationTopics());
        }
        updatedAt = now;
    }

    /** Makes the note final, keeping when it was signed and the hash of what it says. */
    void sign(Instant now) {
        // as the database keeps it, so the hash computed now is the one computed from the stored row later
        signedAt = now.truncatedTo(ChronoUnit.MILLIS);
        updatedAt = now;
        status = NoteStatus.SIGNED;
        contentHash = NoteText.hash(this);
    }

    void cosign(StaffMember supervisor, Instant now) {
        status = NoteStatus.CO_SIGNED;
        cosignedBy = supervisor;
        cosignedAt = now;
    }

    void returnToAuthor(StaffMember supervisor, String comment, Instant now) {
        status = NoteStatus.RETURNED;
        returnedBy = supervisor;
        returnedAt = now;
        returnComment = comment;
    }

    /** The author answered the return in an addendum: the note waits for co-signing again. */
    void answered() {
        status = NoteStatus.SIGNED;
    }

    /** The content as written, for the form and the view. */
    public NoteContent content() {
        return new NoteContent(
                data,
                assessment,
                plan,
                targetBehaviour,
                openQuestions,
                affirmations,
                reflections,
                summaries,
                changeTalk.stream()
                        .map(t -> new NoteContent.ChangeTalk(t.category, t.quote, t.memberId))
                        .toList(),
                sustainTalk,
                discord,
                rulers.stream()
                        .map(r -> new NoteContent.Ruler(r.memberId, r.importance, r.confidence, r.readiness, r.stage))
                        .toList(),
                lovedOneStages.stream()
                        .map(s -> new NoteContent.LovedOneStage(s.lovedOneId, s.stage))
                        .toList(),
                getCraftProcedures(),
                overdoseRisk,
                safetyUpdate,
                safetyPlanAgreed,
                homework,
                nextSteps,
                getEducationTopics());
    }

    public Set<CraftProcedure> getCraftProcedures() {
        if (craftProcedures.isEmpty()) {
            return Set.of();
        }
        return EnumSet.copyOf(Arrays.stream(craftProcedures.split(","))
                .map(CraftProcedure::valueOf)
                .toList());
    }

    /** The education topics covered, in their declaration order. */
    public Set<EducationTopic> getEducationTopics() {
        return educationTopics.isEmpty() ? Set.of() : EnumSet.copyOf(educationTopics);
    }

    public Long getId() {
        return id;
    }

    public Appointment getAppointment() {
        return appointment;
    }

    public Family getFamily() {
        return family;
    }

    public StaffMember getAuthor() {
        return author;
    }

    public NoteStatus getStatus() {
        return status;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public Instant getSignedAt() {
        return signedAt;
    }

    public String getContentHash() {
        return contentHash;
    }

    public StaffMember getCosignedBy() {
        return cosignedBy;
    }

    public Instant getCosignedAt() {
        return cosignedAt;
    }

    public StaffMember getReturnedBy() {
        return returnedBy;
    }

    public Instant getReturnedAt() {
        return returnedAt;
    }

    public String getReturnComment() {
        return returnComment;
    }

    public long getVersion() {
        return version;
    }

    public StaffMember getReassignedBy() {
        return reassignedBy;
    }

    public Instant getReassignedAt() {
        return reassignedAt;
    }

    public String getReassignReason() {
        return reassignReason;
    }

    /** One change-talk line of a note. */
    @Embeddable
    public static class ChangeTalkRow {

        @Enumerated(EnumType.STRING)
        @Column(name = "category", nullable = false)
        private ChangeTalkCategory category;

        @Column(name = "quote")
        private String quote;

        @Column(name = "member_id")
        private Long memberId;

        protected ChangeTalkRow() {}

        ChangeTalkRow(ChangeTalkCategory category, String quote, Long memberId) {
            this.category = category;
            this.quote = quote;
            this.memberId = memberId;
        }
    }

    /** One member's readiness ruler in a note. */
    @Embeddable
    public static class RulerRow {

        @Column(name = "member_id", nullable = false)
        private Long memberId;

        @Column(name = "importance")
        private Integer importance;

        @Column(name = "confidence")
        private Integer confidence;

        @Column(name = "readiness")
        private Integer readiness;

        @Enumerated(EnumType.STRING)
        @Column(name = "stage")
        private StageOfChange stage;

        protected RulerRow() {}

        RulerRow(Long memberId, Integer importance, Integer confidence, Integer readiness, StageOfChange stage) {
            this.memberId = memberId;
            this.importance = importance;
            this.confidence = confidence;
            this.readiness = readiness;
            this.stage = stage;
        }
    }

    /** One loved one's stage in a note. */
    @Embeddable
    public static class LovedOneStageRow {

        @Column(name = "loved_one_id", nullable = false)
        private Long lovedOneId;

        @Enumerated(EnumType.STRING)
        @Column(name = "stage", nullable = false)
        private StageOfChange stage;

        protected LovedOneStageRow() {}

        LovedOneStageRow(Long lovedOneId, StageOfChange stage) {
            this.lovedOneId = lovedOneId;
            this.stage = stage;
        }
    }
}
