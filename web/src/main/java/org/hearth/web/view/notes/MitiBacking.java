package org.hearth.web.view.notes;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.hearth.notes.MitiCounts;
import org.hearth.notes.MitiGlobals;
import org.hearth.notes.MitiReviewView;
import org.hearth.notes.MitiReviews;
import org.hearth.security.Conflict;
import org.hearth.web.security.CurrentStaff;
import org.hearth.web.view.Confirmations;
import org.hearth.web.view.Failures;

/**
 * notes/miti.xhtml?session=: code a held session against MITI 4.2.1 (a supervisor, or the counselor as a
 * self-review) and see its summary scores against the fair and good thresholds, with the session's other
 * reviews.
 */
@Named
@ViewScoped
public class MitiBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private MitiReviews reviews;

    @Inject
    private CurrentStaff currentStaff;

    private Long session;
    private List<MitiReviewView> ofSession = List.of();
    private MitiReviewView mine;
    private int questions;
    private int simpleReflections;
    private int complexReflections;
    private int affirm;
    private int seekingCollaboration;
    private int emphasizingAutonomy;
    private int persuade;
    private int persuadeWithPermission;
    private int confront;
    private int givingInformation;
    private Integer cultivatingChangeTalk;
    private Integer softeningSustainTalk;
    private Integer partnership;
    private Integer empathy;
    private String comment;

    public void load() {
        try {
            ofSession = reviews.ofSession(session == null ? -1 : session);
        } catch (RuntimeException e) {
            Failures.answerLoad(e);
            return;
        }
        String me = currentStaff.getProfile().username();
        ofSession.stream()
                .filter(r -> r.reviewerUsername().equals(me))
                .findFirst()
                .ifPresent(this::fill);
    }

    public void save() {
        try {
            mine = reviews.record(
                    session,
                    new MitiCounts(
                            questions,
                            simpleReflections,
                            complexReflections,
                            affirm,
                            seekingCollaboration,
                            emphasizingAutonomy,
                            persuade,
                            persuadeWithPermission,
                            confront,
                            givingInformation),
                    new MitiGlobals(cultivatingChangeTalk, softeningSustainTalk, partnership, empathy),
                    comment,
                    mine == null ? null : mine.version());
            ofSession = reviews.ofSession(session);
            Confirmations.show("miti.saved");
        } catch (RuntimeException e) {
            Failures.show(e, "miti-form", Map.of());
            if (Failures.causeOf(e) instanceof Conflict conflict && conflict.getSubject() == Conflict.Subject.STALE) {
                // the coding as typed stays in the form; the list shows the review as it is now, and saving again
                // replaces that one
                ofSession = reviews.ofSession(session);
                String me = currentStaff.getProfile().username();
                mine = ofSession.stream()
                        .filter(r -> r.reviewerUsername().equals(me))
                        .findFirst()
                        .orElse(null);
            }
        }
    }

    private void fill(MitiReviewView r) {
        mine = r;
        MitiCounts c = r.counts();
        questions = c.questions();
        simpleReflections = c.simpleReflections();
        complexReflections = c.complexReflections();
        affirm = c.affirm();
        seekingCollaboration = c.seekingCollaboration();
        emphasizingAutonomy = c.emphasizingAutonomy();
        persuade = c.persuade();
        persuadeWithPermission = c.persuadeWithPermission();
        confront = c.confront();
        givingInformation = c.givingInformation();
        MitiGlobals g = r.globals();
        cultivatingChangeTalk = g.cultivatingChangeTalk();
        softeningSustainTalk = g.softeningSustainTalk();
        partnership = g.partnership();
        empathy = g.empathy();
        comment = r.comment();
    }

    /** A ratio as the page shows it: R:Q to two decimals, %CR as a whole percent; a dash when not applicable. */
    public String ratio(BigDecimal value, boolean percent) {
        return MitiRatios.shown(value, percent);
    }

    public List<Integer> getGlobalValues() {
        return List.of(1, 2, 3, 4, 5);
    }

    public Long getSession() {
        return session;
    }

    public void setSession(Long session) {
        this.session = session;
    }

    public List<MitiReviewView> getOfSession() {
        return ofSession;
    }

    public MitiReviewView getMine() {
        return mine;
    }

    public int getQuestions() {
        return questions;
    }

    public void setQuestions(int questions) {
        this.questions = questions;
    }

    public int getSimpleReflections() {
        return simpleReflections;
    }

    public void setSimpleReflections(int simpleReflections) {
        this.simpleReflections = simpleReflections;
    }

    public int getComplexReflections() {
        return complexReflections;
    }

    public void setComplexReflections(int complexReflections) {
        this.complexReflections = complexReflections;
    }

    public int getAffirm() {
        return affirm;
    }

    public void setAffirm(int affirm) {
        this.affirm = affirm;
    }

    public int getSeekingCollaboration() {
        return seekingCollaboration;
    }

    public void setSeekingCollaboration(int seekingCollaboration) {
        this.seekingCollaboration = seekingCollaboration;
    }

    public int getEmphasizingAutonomy() {
        return emphasizingAutonomy;
    }

    public void setEmphasizingAutonomy(int emphasizingAutonomy) {
        this.emphasizingAutonomy = emphasizingAutonomy;
    }

    public int getPersuade() {
        return persuade;
    }

    public void setPersuade(int persuade) {
        this.persuade = persuade;
    }

    public int getPersuadeWithPermission() {
        return persuadeWithPermission;
    }

    public void setPersuadeWithPermission(int persuadeWithPermission) {
        this.persuadeWithPermission = persuadeWithPermission;
    }

    public int getConfront() {
        return confront;
    }

    public void setConfront(int confront) {
        this.confront = confront;
    }

    public int getGivingInformation() {
        return givingInformation;
    }

    public void setGivingInformation(int givingInformation) {
        this.givingInformation = givingInformation;
    }

    public Integer getCultivatingChangeTalk() {
        return cultivatingChangeTalk;
    }

    public void setCultivatingChangeTalk(Integer cultivatingChangeTalk) {
        this.cultivatingChangeTalk = cultivatingChangeTalk;
    }

    public Integer getSofteningSustainTalk() {
        return softeningSustainTalk;
    }

    public void setSofteningSustainTalk(Integer softeningSustainTalk) {
        this.softeningSustainTalk = softeningSustainTalk;
    }

    public Integer getPartnership() {
        return partnership;
    }

    public void setPartnership(Integer partnership) {
        this.partnership = partnership;
    }

    public Integer getEmpathy() {
        return empathy;
    }

    public void setEmpathy(Integer empathy) {
        this.empathy = empathy;
    }

    public String getComment() {
        return comment;
    }

    public void setComment(String comment) {
        this.comment = comment;
    }
}
