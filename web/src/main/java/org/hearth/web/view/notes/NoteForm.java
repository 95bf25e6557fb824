package org.hearth.web.view.notes;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.hearth.education.EducationTopic;
import org.hearth.family.StageOfChange;
import org.hearth.notes.ChangeTalkCategory;
import org.hearth.notes.CraftProcedure;
import org.hearth.notes.NoteContent;
import org.hearth.notes.NoteView;

/**
 * A session note's draft as the form holds it while the counselor writes: the DAP sections, the MI fields (OARS,
 * change talk with its lines, sustain talk and discord, a readiness ruler per attending member, the loved ones'
 * stages), the CRAFT procedures, the risk update, the education topics covered and the plan; turned into the {@link NoteContent} the service
 * saves and validates.
 */
public class NoteForm implements Serializable {

    private static final long serialVersionUID = 1L;

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
    private List<EducationTopic> education = new ArrayList<>();

    /**
     * The form filled with the note's content as saved: a ruler line for each attending member and a stage line
     * for each loved one.
     */
    static NoteForm of(NoteView note) {
        NoteForm form = new NoteForm();
        form.fill(note);
        return form;
    }

    private void fill(NoteView note) {
        NoteContent c = note.content();
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
        education = new ArrayList<>(c.educationTopics());
    }

    /** What the service saves: the lines without a category or stage left out. */
    NoteContent content() {
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
                nextSteps,
                education.isEmpty() ? Set.of() : EnumSet.copyOf(education));
    }

    public void addChangeTalk() {
        changeTalk.add(new ChangeTalkLine());
    }

    public void removeChangeTalk(ChangeTalkLine line) {
        changeTalk.remove(line);
    }

    public ChangeTalkCategory[] getCategories() {
        return ChangeTalkCategory.values();
    }

    public StageOfChange[] getStages() {
        return StageOfChange.values();
    }

    public EducationTopic[] getEducationTopics() {
        return EducationTopic.values();
    }

    public List<EducationTopic> getEducation() {
        return education;
    }

    public void setEducation(List<EducationTopic> education) {
        this.education = education;
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
}
