package org.hearth.plans;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;
import java.util.Objects;
import org.hearth.providers.TreatmentProvider;

/**
 * One provider on a plan's shortlist, with what the family found out: the interview answers, whether a slot is
 * held for the loved one, and the payer's pre-authorization. Changed only through its plan, which checks the
 * answers first.
 */
@Entity
@Table(name = "plan_provider")
public class PlanProvider {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Version
    private long version;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "plan_id", updatable = false)
    private ReadyPlan plan;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "provider_id", updatable = false)
    private TreatmentProvider provider;

    @Column(nullable = false)
    private int position;

    @Column(name = "interviewed_on")
    private LocalDate interviewedOn;

    @Column(name = "wait_days")
    private Integer waitDays;

    @Column(name = "detox_protocol")
    private String detoxProtocol;

    @Column(name = "medications_offered")
    private String medicationsOffered;

    @Column(name = "family_involvement")
    private String familyInvolvement;

    @Column(name = "cost_after_insurance")
    private String costAfterInsurance;

    private String aftercare;

    @Column(name = "slot_available", nullable = false)
    private boolean slotAvailable;

    @Column(name = "slot_note")
    private String slotNote;

    @Enumerated(EnumType.STRING)
    @Column(name = "preauth_state", nullable = false)
    private PreauthState preauthState = PreauthState.NOT_STARTED;

    @Column(name = "preauth_payer")
    private String preauthPayer;

    @Column(name = "preauth_reference")
    private String preauthReference;

    @Column(name = "preauth_requested_on")
    private LocalDate preauthRequestedOn;

    @Column(name = "preauth_decided_on")
    private LocalDate preauthDecidedOn;

    protected PlanProvider() {}

    PlanProvider(ReadyPlan plan, TreatmentProvider provider, int position) {
        this.plan = Objects.requireNonNull(plan);
        this.provider = Objects.requireNonNull(provider);
        this.position = position;
    }

    void placeAt(int position) {
        this.position = position;
    }

    /** The answers, slot and pre-authorization as given (the service has checked them). */
    void update(EntryUpdate update) {
        Interview i = update.interview() == null
                ? new Interview(null, null, null, null, null, null, null)
                : update.interview();
        this.interviewedOn = i.interviewedOn();
        this.waitDays = i.waitDays();
        this.detoxProtocol = blankToNull(i.detoxProtocol());
        this.medicationsOffered = blankToNull(i.medicationsOffered());
        this.familyInvolvement = blankToNull(i.familyInvolvement());
        this.costAfterInsurance = blankToNull(i.costAfterInsurance());
        this.aftercare = blankToNull(i.aftercare());
        this.slotAvailable = update.slotAvailable();
        this.slotNote = blankToNull(update.slotNote());
        Preauthorization p = update.preauth() == null
                ? new Preauthorization(PreauthState.NOT_STARTED, null, null, null, null)
                : update.preauth();
        this.preauthState = p.state() == null ? PreauthState.NOT_STARTED : p.state();
        this.preauthPayer = blankToNull(p.payer());
        this.preauthReference = blankToNull(p.reference());
        this.preauthRequestedOn = p.requestedOn();
        this.preauthDecidedOn = p.decidedOn();
    }

    PlanReadiness.Entry readiness() {
        return new PlanReadiness.Entry(interviewedOn != null, slotAvailable, preauthState);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    public Long getId() {
        return id;
    }

    public ReadyPlan getPlan() {
        return plan;
    }

    public TreatmentProvider getProvider() {
        return provider;
    }

    public int getPosition() {
        return position;
    }

    public Interview interview() {
        return new Interview(
                interviewedOn,
                waitDays,
                detoxProtocol,
                medicationsOffered,
                familyInvolvement,
                costAfterInsurance,
                aftercare);
    }

    public boolean isSlotAvailable() {
        return slotAvailable;
    }

    public String getSlotNote() {
        return slotNote;
    }

    public Preauthorization preauthorization() {
        return new Preauthorization(preauthState, preauthPayer, preauthReference, preauthRequestedOn, preauthDecidedOn);
    }
}
