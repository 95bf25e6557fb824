package org.hearth.family;

import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapsId;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OneToOne;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.hearth.security.Conflict;

/**
 * A family's first assessment. It is saved as a draft as often as the counselor likes, and completed once:
 * then it is read-only (what changes later goes into session notes and engagement events). The safety
 * flag and the naloxone prompt are derived from the safety answers each time they are saved, so a
 * family at risk is flagged from the moment the counselor records it, even before completion.
 */
@Entity
@Table(name = "intake")
public class Intake {

    @Id
    @Column(name = "family_id")
    private Long familyId;

    @MapsId
    @OneToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "family_id")
    private Family family;

    @Column(name = "presenting_concern")
    private String presentingConcern;

    @Column(name = "family_goals")
    private String familyGoals;

    @Column(name = "domestic_violence")
    private Boolean domesticViolence;

    @Column(name = "children_in_home")
    private Boolean childrenInHome;

    @Column(name = "suicide_risk")
    private Boolean suicideRisk;

    @Column(name = "lost_tolerance")
    private Boolean lostTolerance;

    @Column(name = "using_alone")
    private Boolean usingAlone;

    private Boolean fentanyl;

    @Column(name = "mixing_with_depressants")
    private Boolean mixingWithDepressants;

    @Column(name = "naloxone_in_home")
    private Boolean naloxoneInHome;

    @Column(name = "safety_flag", nullable = false)
    private boolean safetyFlag;

    @Column(name = "offer_naloxone", nullable = false)
    private boolean offerNaloxone;

    @Column(name = "treatment_consent_signed", nullable = false)
    private boolean treatmentConsentSigned;

    @Column(name = "treatment_consent_on")
    private LocalDate treatmentConsentOn;

    @OneToMany(mappedBy = "intake", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    private List<LovedOne> lovedOnes = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "member_readiness", joinColumns = @JoinColumn(name = "family_id"))
    private List<MemberReadiness> readiness = new ArrayList<>();

    @Column(name = "started_by", nullable = false, updatable = false)
    private String startedBy;

    @Column(name = "started_at", nullable = false, updatable = false)
    private Instant startedAt;

    @Column(name = "updated_by", nullable = false)
    private String updatedBy;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "completed_by")
    private String completedBy;

    @Column(name = "completed_at")
    private Instant completedAt;

    @Version
    private long version;

    protected Intake() {}

    /** A new, empty intake of the family, begun by the counselor now. */
    Intake(Family family, String startedBy, Instant startedAt) {
        this.family = family;
        this.startedBy = startedBy;
        this.startedAt = startedAt;
        this.updatedBy = startedBy;
        this.updatedAt = startedAt;
    }

    /**
     * Replaces the draft's content with the form's. Readiness rulers are kept only for members of this
     * family. Refused once the intake is completed.
     */
    void saveDraft(IntakeForm form, List<Long> memberIds, String by, Instant when) {
        requireDraft();
        this.presentingConcern = trimmed(form.getPresentingConcern());
        this.familyGoals = trimmed(form.getFamilyGoals());
        SafetyScreen safety = form.getSafety();
        this.domesticViolence = safety.getDomesticViolence();
        this.childrenInHome = safety.getChildrenInHome();
        this.suicideRisk = safety.getSuicideRisk();
        this.lostTolerance = safety.getLostTolerance();
        this.usingAlone = safety.getUsingAlone();
        this.fentanyl = safety.getFentanyl();
        this.mixingWithDepressants = safety.getMixingWithDepressants();
        this.naloxoneInHome = safety.getNaloxoneInHome();
        this.safetyFlag = safety.isPositive();
        this.offerNaloxone = safety.isOfferNaloxone();
        this.treatmentConsentSigned = form.isTreatmentConsentSigned();
        this.treatmentConsentOn = form.isTreatmentConsentSigned() ? form.getTreatmentConsentOn() : null;
        // loved ones are matched by id so their rows (and, after completion, their episodes) keep their identity
        List<LovedOne> kept = new ArrayList<>();
        int position = 1;
        for (LovedOneForm given : form.getLovedOnes()) {
            LovedOne lovedOne = lovedOnes.stream()
                    .filter(existing ->
                            existing.getId() != null && existing.getId().equals(given.getId()))
                    .findFirst()
                    .orElseGet(() -> new LovedOne(this));
            lovedOne.update(position++, given);
            kept.add(lovedOne);
        }
        lovedOnes.retainAll(kept);
        for (LovedOne lovedOne : kept) {
            if (!lovedOnes.contains(lovedOne)) {
                lovedOnes.add(lovedOne);
            }
        }
        readiness.clear();
        for (MemberReadiness ruler : form.getReadiness()) {
            if (memberIds.contains(ruler.getMemberId())) {
                readiness.add(new MemberReadiness(
                        ruler.getMemberId(), ruler.getImportance(), ruler.getConfidence(), ruler.getReadiness()));
            }
        }
        this.updatedBy = by;
        this.updatedAt = when;
    }

    /** Completes the intake; the caller has checked that nothing is missing. */
    void complete(String by, Instant when) {
        requireDraft();
        this.completedBy = by;
        this.completedAt = when;
    }

    private void requireDraft() {
        if (completedAt != null) {
            throw new Conflict(Conflict.Subject.LOCKED, "the intake is completed and can no longer be changed");
        }
    }

    /** The intake as a form, to show or to edit. */
    IntakeForm toForm() {
        IntakeForm form = new IntakeForm();
        form.setPresentingConcern(presentingConcern);
        form.setFamilyGoals(familyGoals);
        form.setSafety(getSafety());
        form.setLovedOnes(lovedOnes.stream().map(LovedOne::toForm).toList());
        form.setReadiness(readiness.stream()
                .map(r -> new MemberReadiness(r.getMemberId(), r.getImportance(), r.getConfidence(), r.getReadiness()))
                .toList());
        form.setTreatmentConsentSigned(treatmentConsentSigned);
        form.setTreatmentConsentOn(treatmentConsentOn);
        form.setVersion(version);
        return form;
    }

    private static String trimmed(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }

    public SafetyScreen getSafety() {
        return new SafetyScreen(
                domesticViolence,
                childrenInHome,
                suicideRisk,
                lostTolerance,
                usingAlone,
                fentanyl,
                mixingWithDepressants,
                naloxoneInHome);
    }

    public Family getFamily() {
        return family;
    }

    public List<LovedOne> getLovedOnes() {
        return Collections.unmodifiableList(lovedOnes);
    }

    public boolean isSafetyFlag() {
        return safetyFlag;
    }

    public boolean isOfferNaloxone() {
        return offerNaloxone;
    }

    public boolean isCompleted() {
        return completedAt != null;
    }

    public String getCompletedBy() {
        return completedBy;
    }

    public Instant getCompletedAt() {
        return completedAt;
    }

    public String getUpdatedBy() {
        return updatedBy;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public long getVersion() {
        return version;
    }
}
