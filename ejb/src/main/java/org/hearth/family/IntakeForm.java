package org.hearth.family;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.hearth.security.Invalid;

/**
 * Everything a counselor records in a family's intake. Saved as a draft, only what is typed must be
 * valid (ratings in range, dates not in the future); {@link #missingForCompletion} says what must still be
 * filled in before the intake can be completed. {@code version} is the version the counselor started
 * from: saving over someone else's newer draft is refused as a conflict.
 */
public class IntakeForm implements Serializable {

    private static final long serialVersionUID = 1L;

    @Size(max = 4000, message = "{intake.text.length}")
    private String presentingConcern;

    @Size(max = 4000, message = "{intake.text.length}")
    private String familyGoals;

    @NotNull
    @Valid
    private SafetyScreen safety = new SafetyScreen();

    @Size(max = 6, message = "{intake.lovedOnes.max}")
    private List<@NotNull @Valid LovedOneForm> lovedOnes = new ArrayList<>();

    private List<@NotNull @Valid MemberReadiness> readiness = new ArrayList<>();

    private boolean treatmentConsentSigned;

    @PastOrPresent(message = "{intake.consent.date.future}")
    private LocalDate treatmentConsentOn;

    private Long version;

    public IntakeForm() {}

    /** A field still empty that completing the intake needs, with the message key that says so. */
    public record Missing(String field, String messageKey) implements Serializable {

        /** What is missing, as reasons of the refusal to complete the intake. */
        public static List<Invalid.Reason> reasons(List<Missing> missing) {
            return missing.stream()
                    .map(m -> Invalid.Reason.plain(m.field(), m.messageKey()))
                    .toList();
        }
    }

    /**
     * What must still be filled in before the intake can be completed: the presenting concern, at least
     * one loved one with substances, whether in treatment, stage of change and all six ASAM ratings; every
     * safety question; a readiness ruler for every participating member; the signed treatment consent
     * with its date.
     */
    public List<Missing> missingForCompletion(Collection<Long> participatingMemberIds) {
        List<Missing> missing = new ArrayList<>();
        if (presentingConcern == null || presentingConcern.isBlank()) {
            missing.add(new Missing("presentingConcern", "intake.complete.concern"));
        }
        if (lovedOnes.isEmpty()) {
            missing.add(new Missing("lovedOnes", "intake.complete.lovedOne"));
        }
        for (int i = 0; i < lovedOnes.size(); i++) {
            LovedOneForm lovedOne = lovedOnes.get(i);
            String at = "lovedOnes[" + i + "].";
            if (lovedOne.getSubstances().isEmpty()) {
                missing.add(new Missing(at + "substances", "intake.complete.substances"));
            }
            if (lovedOne.getInTreatment() == null) {
                missing.add(new Missing(at + "inTreatment", "intake.complete.inTreatment"));
            }
            if (lovedOne.getStageOfChange() == null) {
                missing.add(new Missing(at + "stageOfChange", "intake.complete.stageOfChange"));
            }
            for (int d = 0; d < AsamDimension.values().length; d++) {
                AsamRating rating =
                        d < lovedOne.getAsam().size() ? lovedOne.getAsam().get(d) : null;
                if (rating == null || rating.getRating() == null) {
                    missing.add(new Missing(at + "asam[" + d + "].rating", "intake.complete.asam"));
                }
            }
        }
        for (String question : safety.unanswered()) {
            missing.add(new Missing("safety." + question, "intake.complete.safety"));
        }
        for (Long memberId : participatingMemberIds) {
            boolean rated = readiness.stream().anyMatch(r -> memberId.equals(r.getMemberId()) && r.isComplete());
            if (!rated) {
                missing.add(new Missing("readiness[memberId=" + memberId + "]", "intake.complete.readiness"));
            }
        }
        if (!treatmentConsentSigned || treatmentConsentOn == null) {
            missing.add(new Missing("treatmentConsentSigned", "intake.complete.consent"));
        }
        return missing;
    }

    public String getPresentingConcern() {
        return presentingConcern;
    }

    public void setPresentingConcern(String presentingConcern) {
        this.presentingConcern = presentingConcern;
    }

    public String getFamilyGoals() {
        return familyGoals;
    }

    public void setFamilyGoals(String familyGoals) {
        this.familyGoals = familyGoals;
    }

    public SafetyScreen getSafety() {
        return safety;
    }

    public void setSafety(SafetyScreen safety) {
        this.safety = safety == null ? new SafetyScreen() : safety;
    }

    public List<LovedOneForm> getLovedOnes() {
        return lovedOnes;
    }

    public void setLovedOnes(List<LovedOneForm> lovedOnes) {
        this.lovedOnes = lovedOnes == null ? new ArrayList<>() : new ArrayList<>(lovedOnes);
    }

    public List<MemberReadiness> getReadiness() {
        return readiness;
    }

    public void setReadiness(List<MemberReadiness> readiness) {
        this.readiness = readiness == null ? new ArrayList<>() : new ArrayList<>(readiness);
    }

    public boolean isTreatmentConsentSigned() {
        return treatmentConsentSigned;
    }

    public void setTreatmentConsentSigned(boolean treatmentConsentSigned) {
        this.treatmentConsentSigned = treatmentConsentSigned;
    }

    public LocalDate getTreatmentConsentOn() {
        return treatmentConsentOn;
    }

    public void setTreatmentConsentOn(LocalDate treatmentConsentOn) {
        this.treatmentConsentOn = treatmentConsentOn;
    }

    public Long getVersion() {
        return version;
    }

    public void setVersion(Long version) {
        this.version = version;
    }
}
