package org.hearth.web.view.notes;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hearth.family.StageOfChange;
import org.hearth.notes.ChangeTalkCategory;
import org.hearth.notes.CraftProcedure;
import org.hearth.notes.NoteContent;
import org.hearth.notes.NoteStatus;
import org.hearth.notes.NoteText;
import org.hearth.notes.NoteView;
import org.hearth.notes.SessionNotes;
import org.hearth.time.ClinicClock;
import org.hearth.web.security.CurrentStaff;
import org.hearth.web.view.Confirmations;
import org.hearth.web.view.Failures;

/**
 * notes/note.xhtml?id= (a held session's note, made by notes/open.xhtml the first time): the author
 * writes the draft, saved as they type and on "Save the draft", and signs it; afterwards the note reads as
 * signed, with its addenda; a supervisor co-signs it or returns it with a comment.
 */
@Named
@ViewScoped
public class NoteBacking implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final DateTimeFormatter SAVED = DateTimeFormatter.ofPattern("HH:mm:ss");

    @EJB
    private SessionNotes notes;

    @Inject
    private CurrentStaff currentStaff;

    private Long id;
    private NoteView note;

    private String data;
    private String assessment;
    private String plan;
    private String targetBehaviour;
    private boolean openQuestions;
    private boolean affirmations;
    private boolean reflections;
    private boolean summaries;
    private List<ChangeTalkLine> changeTalk = new ArrayList<>();
    private String sustainTalk;
    private String discord;
    private List<RulerLine> rulers = new ArrayList<>();
    private List<LovedOneLine> lovedOnes = new ArrayList<>();
    private List<CraftProcedure> craft = new ArrayList<>();
    private String overdoseRisk;
    private String safetyUpdate;
    private boolean safetyPlanAgreed;
    private String homework;
    private String nextSteps;
    private String savedAt;
    private String addendum;
    private String returnComment;

    public void load() {
        try {
            note = notes.read(id == null ? -1 : id);
            id = note.id();
            fill(note.content());
        } catch (RuntimeException e) {
            if (Failures.causeOf(e) instanceof org.hearth.notes.NoteRefusedException) {
                Failures.show(e, "note-form", Map.of());
                return;
            }
            Failures.answerLoad(e);
        }
    }

    /** Saves the draft quietly while the counselor writes; a refusal shows at the top. */
    /**
     * Saves the draft as the counselor writes (the page's autosaveNote, which leaves the page's messages alone so
     * a refusal just shown stays on screen); only a failed save updates the messages, to say why.
     */
    public void autosave() {
        if (isEditable() && !save(false)) {
            jakarta.faces.context.FacesContext.getCurrentInstance()
                    .getPartialViewContext()
                    .getRenderIds()
                    .add("messages");
        }
    }

    public void saveDraft() {
        save(true);
    }

    public void sign() {
        if (!save(false)) {
            return;
        }
        try {
            note = notes.sign(note.id(), note.version());
            Confirmations.show("notes.signed");
        } catch (RuntimeException e) {
            Failures.show(e, "note-form", Map.of());
        }
    }

    public void addAddendum() {
        try {
            note = notes.addAddendum(note.id(), addendum);
            addendum = null;
            Confirmations.show("notes.addendum.added");
        } catch (RuntimeException e) {
            Failures.show(e, "addendum-form", Map.of("text", "addendum"));
        }
    }

    public void cosign() {
        try {
            note = notes.cosign(note.id(), note.version());
            Confirmations.show("notes.cosigned");
        } catch (RuntimeException e) {
            Failures.show(e, "review-form", Map.of());
        }
    }

    public void returnToAuthor() {
        try {
            note = notes.returnToAuthor(note.id(), returnComment, note.version());
            returnComment = null;
            Confirmations.show("notes.returned");
        } catch (RuntimeException e) {
            Failures.show(e, "review-form", Map.of("comment", "return-comment"));
        }
    }

    public void addChangeTalk() {
        changeTalk.add(new ChangeTalkLine());
    }

    public void removeChangeTalk(ChangeTalkLine line) {
        changeTalk.remove(line);
    }

    private boolean save(boolean confirm) {
        try {
            note = notes.saveDraft(note.id(), content(), note.version());
            savedAt = SAVED.format(LocalTime.now(ClinicClock.current().asClock()));
            if (confirm) {
                Confirmations.show("notes.saved");
            }
            return true;
        } catch (RuntimeException e) {
            Failures.show(e, "note-form", Map.of());
            return false;
        }
    }

    private NoteContent content() {
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
                        .filter(l -> l.category != null)
                        .map(l -> new NoteContent.ChangeTalk(l.category, l.quote, l.memberId))
                        .toList(),
                sustainTalk,
                discord,
                rulers.stream()
                        .map(r -> new NoteContent.Ruler(r.memberId, r.importance, r.confidence, r.readiness, r.stage))
                        .toList(),
                lovedOnes.stream()
                        .filter(l -> l.stage != null)
                        .map(l -> new NoteContent.LovedOneStage(l.lovedOneId, l.stage))
                        .toList(),
                craft.isEmpty() ? Set.of() : EnumSet.copyOf(craft),
                overdoseRisk,
                safetyUpdate,
                safetyPlanAgreed,
                homework,
                nextSteps);
    }

    private void fill(NoteContent c) {
        data = c.data();
        assessment = c.assessment();
        plan = c.plan();
        targetBehaviour = c.targetBehaviour();
        openQuestions = c.openQuestions();
        affirmations = c.affirmations();
        reflections = c.reflections();
        summaries = c.summaries();
        changeTalk = new ArrayList<>();
        for (NoteContent.ChangeTalk t : c.changeTalk()) {
            ChangeTalkLine line = new ChangeTalkLine();
            line.category = t.category();
            line.quote = t.quote();
            line.memberId = t.memberId();
            changeTalk.add(line);
        }
        sustainTalk = c.sustainTalk();
        discord = c.discord();
        rulers = new ArrayList<>();
        for (NoteView.Person member : note.members()) {
            RulerLine line = new RulerLine(member);
            c.rulers().stream()
                    .filter(r -> r.memberId().equals(member.id()))
                    .findFirst()
                    .ifPresent(r -> {
                        line.importance = r.importance();
                        line.confidence = r.confidence();
                        line.readiness = r.readiness();
                        line.stage = r.stage();
                    });
            rulers.add(line);
        }
        lovedOnes = new ArrayList<>();
        for (NoteView.Person lovedOne : note.lovedOnes()) {
            LovedOneLine line = new LovedOneLine(lovedOne);
            c.lovedOneStages().stream()
                    .filter(s -> s.lovedOneId().equals(lovedOne.id()))
                    .findFirst()
                    .ifPresent(s -> line.stage = s.stage());
            lovedOnes.add(line);
        }
        craft = new ArrayList<>(c.craftProcedures());
        overdoseRisk = c.overdoseRisk();
        safetyUpdate = c.safetyUpdate();
        safetyPlanAgreed = c.safetyPlanAgreed();
        homework = c.homework();
        nextSteps = c.nextSteps();
    }

    /** The signed-in counselor wrote this draft and may go on. */
    public boolean isEditable() {
        return note != null
                && note.status() == NoteStatus.DRAFT
                && note.authorUsername().equals(currentStaff.getProfile().username());
    }

    public boolean isAuthor() {
        return note != null
                && note.authorUsername().equals(currentStaff.getProfile().username());
    }

    /** A supervisor (of the family's program: the service decides) may co-sign or return a signed note. */
    public boolean isReviewable() {
        return note != null && note.status() == NoteStatus.SIGNED && currentStaff.hasRole("supervisor") && !isAuthor();
    }

    /** "Allowing natural consequences" waits for a safety plan when the family is flagged. */
    public boolean isNaturalConsequencesBlocked() {
        return note != null && note.safetyFlag() && !note.safetyPlanInPlace() && !safetyPlanAgreed;
    }

    /** A section's rich text, cleaned again for showing (it was cleaned when saved). */
    public String shown(String html) {
        return html == null ? null : NoteText.clean(html);
    }

    /** The member's name, for a change-talk line of a signed note. */
    public String memberName(Long memberId) {
        if (memberId == null || note == null) {
            return null;
        }
        return note.members().stream()
                .filter(m -> m.id() == memberId)
                .map(NoteView.Person::name)
                .findFirst()
                .orElse(null);
    }

    /** The OARS skills the signed note records, in the reader's language, or empty. */
    public String getOarsUsed() {
        if (note == null) {
            return "";
        }
        java.util.ResourceBundle i18n = jakarta.faces.context.FacesContext.getCurrentInstance()
                .getApplication()
                .getResourceBundle(jakarta.faces.context.FacesContext.getCurrentInstance(), "i18n");
        NoteContent c = note.content();
        List<String> used = new ArrayList<>();
        if (c.openQuestions()) {
            used.add(i18n.getString("notes.oars.open"));
        }
        if (c.affirmations()) {
            used.add(i18n.getString("notes.oars.affirm"));
        }
        if (c.reflections()) {
            used.add(i18n.getString("notes.oars.reflect"));
        }
        if (c.summaries()) {
            used.add(i18n.getString("notes.oars.summary"));
        }
        return String.join(" · ", used);
    }

    public ChangeTalkCategory[] getCategories() {
        return ChangeTalkCategory.values();
    }

    public StageOfChange[] getStages() {
        return StageOfChange.values();
    }

    public CraftProcedure[] getCraftProcedures() {
        return CraftProcedure.values();
    }

    public List<Integer> getRulerValues() {
        List<Integer> values = new ArrayList<>();
        for (int i = 0; i <= 10; i++) {
            values.add(i);
        }
        return values;
    }

    /** One change-talk line of the form. */
    public static class ChangeTalkLine implements Serializable {

        private static final long serialVersionUID = 1L;

        private ChangeTalkCategory category;
        private String quote;
        private Long memberId;

        public ChangeTalkCategory getCategory() {
            return category;
        }

        public void setCategory(ChangeTalkCategory category) {
            this.category = category;
        }

        public String getQuote() {
            return quote;
        }

        public void setQuote(String quote) {
            this.quote = quote;
        }

        public Long getMemberId() {
            return memberId;
        }

        public void setMemberId(Long memberId) {
            this.memberId = memberId;
        }
    }

    /** An attending member's ruler and stage in the form. */
    public static class RulerLine implements Serializable {

        private static final long serialVersionUID = 1L;

        private final long memberId;
        private final String name;
        private Integer importance;
        private Integer confidence;
        private Integer readiness;
        private StageOfChange stage;

        RulerLine(NoteView.Person member) {
            this.memberId = member.id();
            this.name = member.name();
        }

        public long getMemberId() {
            return memberId;
        }

        public String getName() {
            return name;
        }

        public Integer getImportance() {
            return importance;
        }

        public void setImportance(Integer importance) {
            this.importance = importance;
        }

        public Integer getConfidence() {
            return confidence;
        }

        public void setConfidence(Integer confidence) {
            this.confidence = confidence;
        }

        public Integer getReadiness() {
            return readiness;
        }

        public void setReadiness(Integer readiness) {
            this.readiness = readiness;
        }

        public StageOfChange getStage() {
            return stage;
        }

        public void setStage(StageOfChange stage) {
            this.stage = stage;
        }
    }

    /** A loved one's stage, as the family reports it, in the form. */
    public static class LovedOneLine implements Serializable {

        private static final long serialVersionUID = 1L;

        private final long lovedOneId;
        private final String alias;
        private StageOfChange stage;

        LovedOneLine(NoteView.Person lovedOne) {
            this.lovedOneId = lovedOne.id();
            this.alias = lovedOne.name();
        }

        public long getLovedOneId() {
            return lovedOneId;
        }

        public String getAlias() {
            return alias;
        }

        public StageOfChange getStage() {
            return stage;
        }

        public void setStage(StageOfChange stage) {
            this.stage = stage;
        }
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public NoteView getNote() {
        return note;
    }

    public String getData() {
        return data;
    }

    public void setData(String data) {
        this.data = data;
    }

    public String getAssessment() {
        return assessment;
    }

    public void setAssessment(String assessment) {
        this.assessment = assessment;
    }

    public String getPlan() {
        return plan;
    }

    public void setPlan(String plan) {
        this.plan = plan;
    }

    public String getTargetBehaviour() {
        return targetBehaviour;
    }

    public void setTargetBehaviour(String targetBehaviour) {
        this.targetBehaviour = targetBehaviour;
    }

    public boolean isOpenQuestions() {
        return openQuestions;
    }

    public void setOpenQuestions(boolean openQuestions) {
        this.openQuestions = openQuestions;
    }

    public boolean isAffirmations() {
        return affirmations;
    }

    public void setAffirmations(boolean affirmations) {
        this.affirmations = affirmations;
    }

    public boolean isReflections() {
        return reflections;
    }

    public void setReflections(boolean reflections) {
        this.reflections = reflections;
    }

    public boolean isSummaries() {
        return summaries;
    }

    public void setSummaries(boolean summaries) {
        this.summaries = summaries;
    }

    public List<ChangeTalkLine> getChangeTalk() {
        return changeTalk;
    }

    public String getSustainTalk() {
        return sustainTalk;
    }

    public void setSustainTalk(String sustainTalk) {
        this.sustainTalk = sustainTalk;
    }

    public String getDiscord() {
        return discord;
    }

    public void setDiscord(String discord) {
        this.discord = discord;
    }

    public List<RulerLine> getRulers() {
        return rulers;
    }

    public List<LovedOneLine> getLovedOnes() {
        return lovedOnes;
    }

    public List<CraftProcedure> getCraft() {
        return craft;
    }

    public void setCraft(List<CraftProcedure> craft) {
        this.craft = craft;
    }

    public String getOverdoseRisk() {
        return overdoseRisk;
    }

    public void setOverdoseRisk(String overdoseRisk) {
        this.overdoseRisk = overdoseRisk;
    }

    public String getSafetyUpdate() {
        return safetyUpdate;
    }

    public void setSafetyUpdate(String safetyUpdate) {
        this.safetyUpdate = safetyUpdate;
    }

    public boolean isSafetyPlanAgreed() {
        return safetyPlanAgreed;
    }

    public void setSafetyPlanAgreed(boolean safetyPlanAgreed) {
        this.safetyPlanAgreed = safetyPlanAgreed;
    }

    public String getHomework() {
        return homework;
    }

    public void setHomework(String homework) {
        this.homework = homework;
    }

    public String getNextSteps() {
        return nextSteps;
    }

    public void setNextSteps(String nextSteps) {
        this.nextSteps = nextSteps;
    }

    public String getSavedAt() {
        return savedAt;
    }

    public String getAddendum() {
        return addendum;
    }

    public void setAddendum(String addendum) {
        this.addendum = addendum;
    }

    public String getReturnComment() {
        return returnComment;
    }

    public void setReturnComment(String returnComment) {
        this.returnComment = returnComment;
    }
}
