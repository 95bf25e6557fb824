package org.hearth.web.view.episodes;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hearth.engagement.LevelOfCare;
import org.hearth.plans.BagItem;
import org.hearth.plans.EntryUpdate;
import org.hearth.plans.Fit;
import org.hearth.plans.Interview;
import org.hearth.plans.PlanNeeds;
import org.hearth.plans.PlanView;
import org.hearth.plans.PreauthState;
import org.hearth.plans.Preauthorization;
import org.hearth.plans.Preparations;
import org.hearth.plans.ProviderFit;
import org.hearth.plans.ReadyPlans;
import org.hearth.plans.Suggestion;
import org.hearth.plans.TransportKind;
import org.hearth.providers.OudMedication;
import org.hearth.providers.Payment;
import org.hearth.web.view.Confirmations;
import org.hearth.web.view.Failures;

/**
 * The episode page's "Ready plan" section (WEB-INF/includes/episode-plan.xhtml): the needs line, providers to
 * find and shortlist, each one's interview answers, slot and pre-authorization in a dialog, the day's
 * preparations, and whether the plan is ready. Reads the episode the page opened; every change goes through
 * {@link ReadyPlans} with the plan's version as this page read it.
 */
@Named
@ViewScoped
public class ReadyPlanBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Suggestions shown at a time. */
    public static final int PAGE = 8;

    @EJB
    private ReadyPlans plans;

    @Inject
    private EpisodeBacking episodePage;

    private Long episodeId;
    private PlanView plan;

    private LevelOfCare proposedLevel;
    private Payment payment;
    private String language;
    private OudMedication medicationWanted;

    private String search;
    private int first;
    private Suggestion.Page suggestions;

    private Long entryId;
    private String entryName;
    private LocalDate interviewedOn;
    private Integer waitDays;
    private String detoxProtocol;
    private String medicationsOffered;
    private String familyInvolvement;
    private String costAfterInsurance;
    private String aftercare;
    private boolean slotAvailable;
    private String slotNote;
    private PreauthState preauthState = PreauthState.NOT_STARTED;
    private String preauthPayer;
    private String preauthReference;
    private LocalDate preauthRequestedOn;
    private LocalDate preauthDecidedOn;

    private TransportKind transportKind;
    private String transportWho;
    private String companions;
    private List<BagItem> bag = new ArrayList<>();
    private String bagNote;

    private boolean stale;

    /** The plan of the episode the page shows, read once per view; null when it cannot be read. */
    public PlanView getPlan() {
        if (plan == null && episodeId == null && episodePage.getEpisode() != null) {
            episodeId = episodePage.getId();
            try {
                show(plans.read(episodeId));
            } catch (RuntimeException e) {
                Failures.show(e, "plan-needs-form", Map.of());
            }
        }
        return plan;
    }

    private void show(PlanView read) {
        plan = read;
        proposedLevel = read.needs().proposedLevel();
        payment = read.needs().payment();
        language = read.needs().language();
        medicationWanted = read.needs().medicationWanted();
        Preparations p = read.preparations();
        transportKind = p.transportKind();
        transportWho = p.transportWho();
        companions = p.companions();
        bag = new ArrayList<>(p.bag().isEmpty() ? EnumSet.noneOf(BagItem.class) : EnumSet.copyOf(p.bag()));
        bagNote = p.bagNote();
        stale = false;
    }

    /** After a change: the plan as saved; the suggestions follow the new needs and shortlist. */
    private void changed(PlanView saved, String confirmation) {
        show(saved);
        Confirmations.show(confirmation);
        if (suggestions != null) {
            find();
        }
    }

    private void failed(RuntimeException e, String formId) {
        stale = Failures.isStale(e);
        Failures.show(e, formId, Map.of());
    }

    public void saveNeeds() {
        try {
            changed(
                    plans.confirmNeeds(
                            episodeId,
                            new PlanNeeds(proposedLevel, payment, language, medicationWanted),
                            plan.version()),
                    "plan.needs.saved");
        } catch (RuntimeException e) {
            failed(e, "plan-needs-form");
        }
    }

    /** Directory entries that fit best, from the first. */
    public void searchProviders() {
        first = 0;
        find();
    }

    public void nextProviders() {
        first += PAGE;
        find();
    }

    public void previousProviders() {
        first = Math.max(0, first - PAGE);
        find();
    }

    private void find() {
        try {
            suggestions = plans.suggestions(episodeId, search, first, PAGE);
        } catch (RuntimeException e) {
            Failures.show(e, "plan-find-form", Map.of());
        }
    }

    public boolean isMoreProviders() {
        return suggestions != null && first + PAGE < suggestions.total();
    }

    public void add(Suggestion provider) {
        try {
            changed(plans.shortlist(episodeId, provider.providerId(), plan.version()), "plan.shortlist.added");
        } catch (RuntimeException e) {
            failed(e, "plan-find-form");
        }
    }

    public void remove(PlanView.Entry entry) {
        try {
            changed(plans.removeFromShortlist(episodeId, entry.id(), plan.version()), "plan.shortlist.removed");
        } catch (RuntimeException e) {
            failed(e, "plan-shortlist-form");
        }
    }

    public void moveUp(PlanView.Entry entry) {
        move(entry, entry.position() - 1);
    }

    public void moveDown(PlanView.Entry entry) {
        move(entry, entry.position() + 1);
    }

    private void move(PlanView.Entry entry, int position) {
        try {
            changed(
                    plans.moveOnShortlist(episodeId, entry.id(), Math.max(0, position), plan.version()),
                    "plan.shortlist.moved");
        } catch (RuntimeException e) {
            failed(e, "plan-shortlist-form");
        }
    }

    /** Opens the dialog with what was recorded for this provider. */
    public void startEditing(PlanView.Entry entry) {
        entryId = entry.id();
        entryName = entry.providerName();
        Interview i = entry.interview();
        interviewedOn = i.interviewedOn(); // left empty until the family interviewed them: a date means done
        waitDays = i.waitDays();
        detoxProtocol = i.detoxProtocol();
        medicationsOffered = i.medicationsOffered();
        familyInvolvement = i.familyInvolvement();
        costAfterInsurance = i.costAfterInsurance();
        aftercare = i.aftercare();
        slotAvailable = entry.slotAvailable();
        slotNote = entry.slotNote();
        Preauthorization p = entry.preauth();
        preauthState = p.state();
        preauthPayer = p.payer();
        preauthReference = p.reference();
        preauthRequestedOn = p.requestedOn();
        preauthDecidedOn = p.decidedOn();
        stale = false;
    }

    public void saveEntry() {
        try {
            changed(
                    plans.updateEntry(
                            episodeId,
                            entryId == null ? -1 : entryId,
                            new EntryUpdate(
                                    new Interview(
                                            interviewedOn,
                                            waitDays,
                                            detoxProtocol,
                                            medicationsOffered,
                                            familyInvolvement,
                                            costAfterInsurance,
                                            aftercare),
                                    slotAvailable,
                                    slotNote,
                                    new Preauthorization(
                                            preauthState,
                                            preauthPayer,
                                            preauthReference,
                                            preauthRequestedOn,
                                            preauthDecidedOn)),
                            plan.version()),
                    "plan.entry.saved");
        } catch (RuntimeException e) {
            failed(e, "plan-entry-form");
        }
    }

    public void savePreparations() {
        try {
            changed(
                    plans.prepare(
                            episodeId,
                            new Preparations(
                                    transportKind,
                                    transportWho,
                                    companions,
                                    Set.copyOf(bag == null ? List.of() : bag),
                                    bagNote),
                            plan.version()),
                    "plan.preparations.saved");
        } catch (RuntimeException e) {
            failed(e, "plan-prep-form");
        }
    }

    /** Reads the plan again after a conflict; what was being typed is dropped. */
    public void loadLatest() {
        show(plans.read(episodeId));
        Confirmations.show("conflict.latestLoaded");
    }

    /** The last change was refused because someone else changed the plan meanwhile. */
    public boolean isStale() {
        return stale;
    }

    /** The four things of a fit, each with its label's key, in the order the page shows them. */
    public List<Map.Entry<String, Fit>> fitOf(ProviderFit fit) {
        return List.of(
                Map.entry("plan.fit.level", fit.level()),
                Map.entry("plan.fit.payment", fit.payment()),
                Map.entry("plan.fit.language", fit.language()),
                Map.entry("plan.fit.medication", fit.medication()));
    }

    /** The shortlisted provider that makes the plan ready, for the status line; null when none does. */
    public PlanView.Entry getReadyEntry() {
        return plan == null
                ? null
                : plan.shortlist().stream()
                        .filter(PlanView.Entry::makesReady)
                        .findFirst()
                        .orElse(null);
    }

    public LevelOfCare[] getLevels() {
        return LevelOfCare.values();
    }

    public Payment[] getPayments() {
        return Payment.values();
    }

    public OudMedication[] getMedications() {
        return OudMedication.values();
    }

    public List<String> getLanguages() {
        return List.of("en", "es");
    }

    public PreauthState[] getPreauthStates() {
        return PreauthState.values();
    }

    public TransportKind[] getTransportKinds() {
        return TransportKind.values();
    }

    public BagItem[] getBagItems() {
        return BagItem.values();
    }

    public LevelOfCare getProposedLevel() {
        return proposedLevel;
    }

    public void setProposedLevel(LevelOfCare proposedLevel) {
        this.proposedLevel = proposedLevel;
    }

    public Payment getPayment() {
        return payment;
    }

    public void setPayment(Payment payment) {
        this.payment = payment;
    }

    public String getLanguage() {
        return language;
    }

    public void setLanguage(String language) {
        this.language = language;
    }

    public OudMedication getMedicationWanted() {
        return medicationWanted;
    }

    public void setMedicationWanted(OudMedication medicationWanted) {
        this.medicationWanted = medicationWanted;
    }

    public String getSearch() {
        return search;
    }

    public void setSearch(String search) {
        this.search = search;
    }

    public int getFirst() {
        return first;
    }

    public Suggestion.Page getSuggestions() {
        return suggestions;
    }

    public String getEntryName() {
        return entryName;
    }

    public LocalDate getInterviewedOn() {
        return interviewedOn;
    }

    public void setInterviewedOn(LocalDate interviewedOn) {
        this.interviewedOn = interviewedOn;
    }

    public Integer getWaitDays() {
        return waitDays;
    }

    public void setWaitDays(Integer waitDays) {
        this.waitDays = waitDays;
    }

    public String getDetoxProtocol() {
        return detoxProtocol;
    }

    public void setDetoxProtocol(String detoxProtocol) {
        this.detoxProtocol = detoxProtocol;
    }

    public String getMedicationsOffered() {
        return medicationsOffered;
    }

    public void setMedicationsOffered(String medicationsOffered) {
        this.medicationsOffered = medicationsOffered;
    }

    public String getFamilyInvolvement() {
        return familyInvolvement;
    }

    public void setFamilyInvolvement(String familyInvolvement) {
        this.familyInvolvement = familyInvolvement;
    }

    public String getCostAfterInsurance() {
        return costAfterInsurance;
    }

    public void setCostAfterInsurance(String costAfterInsurance) {
        this.costAfterInsurance = costAfterInsurance;
    }

    public String getAftercare() {
        return aftercare;
    }

    public void setAftercare(String aftercare) {
        this.aftercare = aftercare;
    }

    public boolean isSlotAvailable() {
        return slotAvailable;
    }

    public void setSlotAvailable(boolean slotAvailable) {
        this.slotAvailable = slotAvailable;
    }

    public String getSlotNote() {
        return slotNote;
    }

    public void setSlotNote(String slotNote) {
        this.slotNote = slotNote;
    }

    public PreauthState getPreauthState() {
        return preauthState;
    }

    public void setPreauthState(PreauthState preauthState) {
        this.preauthState = preauthState;
    }

    public String getPreauthPayer() {
        return preauthPayer;
    }

    public void setPreauthPayer(String preauthPayer) {
        this.preauthPayer = preauthPayer;
    }

    public String getPreauthReference() {
        return preauthReference;
    }

    public void setPreauthReference(String preauthReference) {
        this.preauthReference = preauthReference;
    }

    public LocalDate getPreauthRequestedOn() {
        return preauthRequestedOn;
    }

    public void setPreauthRequestedOn(LocalDate preauthRequestedOn) {
        this.preauthRequestedOn = preauthRequestedOn;
    }

    public LocalDate getPreauthDecidedOn() {
        return preauthDecidedOn;
    }

    public void setPreauthDecidedOn(LocalDate preauthDecidedOn) {
        this.preauthDecidedOn = preauthDecidedOn;
    }

    public TransportKind getTransportKind() {
        return transportKind;
    }

    public void setTransportKind(TransportKind transportKind) {
        this.transportKind = transportKind;
    }

    public String getTransportWho() {
        return transportWho;
    }

    public void setTransportWho(String transportWho) {
        this.transportWho = transportWho;
    }

    public String getCompanions() {
        return companions;
    }

    public void setCompanions(String companions) {
        this.companions = companions;
    }

    public List<BagItem> getBag() {
        return bag;
    }

    public void setBag(List<BagItem> bag) {
        this.bag = bag;
    }

    public String getBagNote() {
        return bagNote;
    }

    public void setBagNote(String bagNote) {
        this.bagNote = bagNote;
    }
}
