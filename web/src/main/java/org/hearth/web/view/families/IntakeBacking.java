package org.hearth.web.view.families;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import org.hearth.family.AsamDimension;
import org.hearth.family.IntakeForm;
import org.hearth.family.IntakeState;
import org.hearth.family.IntakeView;
import org.hearth.family.Intakes;
import org.hearth.family.LovedOneForm;
import org.hearth.family.LovedOneRelationship;
import org.hearth.family.Medication;
import org.hearth.family.MemberReadiness;
import org.hearth.family.Route;
import org.hearth.family.StageOfChange;
import org.hearth.family.Substance;
import org.hearth.web.security.CurrentStaff;
import org.hearth.web.view.Confirmations;
import org.hearth.web.view.Failures;

/**
 * families/intake.xhtml?id=: the intake, one step at a time. Moving between steps saves the draft, so a
 * counselor interrupted by a call resumes where they were. Read-only once completed, and for supervisors.
 */
@Named
@ViewScoped
public class IntakeBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The steps, in order; each has a title in the bundle: families.intake.step.NAME. */
    public enum Step {
        CONCERN,
        LOVED_ONES,
        SAFETY,
        ASAM,
        READINESS,
        CONSENT
    }

    @EJB
    private Intakes intakes;

    @Inject
    private CurrentStaff currentStaff;

    private Long id;
    private IntakeView view;
    private IntakeForm form;
    private Step step = Step.CONCERN;
    private boolean stale;

    public void load() {
        try {
            show(intakes.read(id));
        } catch (RuntimeException e) {
            Failures.answerLoad(e);
        }
    }

    private void show(IntakeView loaded) {
        view = loaded;
        form = loaded.form();
        for (IntakeView.Participant participant : loaded.participants()) {
            boolean present = form.getReadiness().stream().anyMatch(r -> r.getMemberId() == participant.memberId());
            if (!present) {
                form.getReadiness().add(new MemberReadiness(participant.memberId(), null, null, null));
            }
        }
        if (form.getLovedOnes().isEmpty() && !isReadOnly()) {
            form.getLovedOnes().add(new LovedOneForm());
        }
    }

    /** Saves the draft; true when saved. */
    private boolean save() {
        // an untouched loved-one row is not an answer: leave it out rather than refuse its missing alias
        form.getLovedOnes().removeIf(lovedOne -> lovedOne != null && lovedOne.isBlank());
        try {
            show(intakes.saveDraft(id, form));
            stale = false;
            return true;
        } catch (RuntimeException e) {
            stale = Failures.isStale(e);
            Failures.show(e, "intake-form", Map.of());
            return false;
        }
    }

    /** After a conflict: the intake as last saved by someone else, in place of what was typed (asked for). */
    public void loadLatest() {
        show(intakes.read(id));
        stale = false;
        Confirmations.show("conflict.latestLoaded");
    }

    /** The last save was refused because someone else saved the intake meanwhile. */
    public boolean isStale() {
        return stale;
    }

    public void saveDraft() {
        if (save()) {
            Confirmations.show("families.intake.saved");
        }
    }

    public void goTo(Step target) {
        if (isReadOnly() || save()) {
            step = target;
        }
    }

    public void next() {
        goTo(Step.values()[Math.min(step.ordinal() + 1, Step.values().length - 1)]);
    }

    public void back() {
        goTo(Step.values()[Math.max(step.ordinal() - 1, 0)]);
    }

    public void complete() {
        if (!save()) {
            return;
        }
        try {
            show(intakes.complete(id, form.getVersion()));
            Confirmations.show("families.intake.completed");
        } catch (RuntimeException e) {
            stale = Failures.isStale(e);
            Failures.show(e, "intake-form", Map.of());
        }
    }

    public void addLovedOne() {
        form.getLovedOnes().add(new LovedOneForm());
    }

    public void removeLovedOne(int index) {
        if (form.getLovedOnes().size() > 1) {
            form.getLovedOnes().remove(index);
        }
    }

    /** Completed intakes are read-only; supervisors read; only a counselor records. */
    public boolean isReadOnly() {
        return view == null || view.state() == IntakeState.COMPLETED || !currentStaff.hasRole("counselor");
    }

    public String participantName(Long memberId) {
        return view.participants().stream()
                .filter(p -> p.memberId() == memberId)
                .map(IntakeView.Participant::fullName)
                .findFirst()
                .orElse("");
    }

    public boolean isParticipant(Long memberId) {
        return view.participants().stream().anyMatch(p -> p.memberId() == memberId);
    }

    public Step[] getSteps() {
        return Step.values();
    }

    public AsamDimension[] getAsamDimensions() {
        return AsamDimension.values();
    }

    public Substance[] getSubstances() {
        return Substance.values();
    }

    public Route[] getRoutes() {
        return Route.values();
    }

    public Medication[] getMedications() {
        return Medication.values();
    }

    public StageOfChange[] getStages() {
        return StageOfChange.values();
    }

    public LovedOneRelationship[] getLovedOneRelationships() {
        return LovedOneRelationship.values();
    }

    public List<Integer> getAsamScale() {
        return List.of(0, 1, 2, 3, 4);
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public IntakeView getView() {
        return view;
    }

    public IntakeForm getForm() {
        return form;
    }

    public Step getStep() {
        return step;
    }

    public boolean isLastStep() {
        return step.ordinal() == Step.values().length - 1;
    }
}
