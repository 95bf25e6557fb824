package org.hearth.plans;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OneToOne;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.hearth.engagement.EngagementEpisode;
import org.hearth.engagement.LevelOfCare;
import org.hearth.providers.OudMedication;
import org.hearth.providers.Payment;
import org.hearth.providers.TreatmentProvider;

/**
 * An episode's ready plan (at most one per episode): what the loved one needs, the shortlist of providers in the
 * family's order, and the day's preparations. {@code readySince} is kept in step with {@link PlanReadiness} on
 * every change, so lists ask "ready?" with one indexed look-up. Every change, to the plan or to a shortlisted
 * provider, moves the plan's version: the version a counselor read guards the whole plan.
 */
@Entity
@Table(name = "ready_plan")
public class ReadyPlan {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Version
    private long version;

    @OneToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "episode_id", updatable = false)
    private EngagementEpisode episode;

    @Enumerated(EnumType.STRING)
    @Column(name = "proposed_level")
    private LevelOfCare proposedLevel;

    @Enumerated(EnumType.STRING)
    private Payment payment;

    private String language;

    @Enumerated(EnumType.STRING)
    @Column(name = "medication_wanted")
    private OudMedication medicationWanted;

    @Enumerated(EnumType.STRING)
    @Column(name = "transport_kind")
    private TransportKind transportKind;

    @Column(name = "transport_who")
    private String transportWho;

    private String companions;

    @Convert(converter = BagItems.class)
    @Column(name = "bag_items")
    private Set<BagItem> bagItems = EnumSet.noneOf(BagItem.class);

    @Column(name = "bag_note")
    private String bagNote;

    @Column(name = "ready_since")
    private Instant readySince;

    @OneToMany(mappedBy = "plan", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position, id")
    private List<PlanProvider> shortlist = new ArrayList<>();

    @Column(name = "created_by", nullable = false, updatable = false)
    private String createdBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_by", nullable = false)
    private String updatedBy;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected ReadyPlan() {}

    /** A new plan of the episode, with the needs as first proposed. */
    public ReadyPlan(EngagementEpisode episode, PlanNeeds needs, String by, Instant at) {
        this.episode = Objects.requireNonNull(episode);
        this.createdBy = by;
        this.createdAt = at;
        this.updatedBy = by;
        this.updatedAt = at;
        applyNeeds(needs);
    }

    /** The needs as the counselor confirmed or changed them. */
    void confirmNeeds(PlanNeeds needs, String by, Instant at) {
        applyNeeds(needs);
        changed(by, at);
    }

    private void applyNeeds(PlanNeeds needs) {
        this.proposedLevel = needs.proposedLevel();
        this.payment = needs.payment();
        this.language = needs.language() == null || needs.language().isBlank()
                ? null
                : needs.language().strip();
        this.medicationWanted = needs.medicationWanted();
    }

    /** Puts the provider at the end of the shortlist. */
    PlanProvider shortlist(TreatmentProvider provider, String by, Instant at) {
        PlanProvider entry = new PlanProvider(this, provider, shortlist.size());
        shortlist.add(entry);
        changed(by, at);
        return entry;
    }

    /** Takes the entry off the shortlist; the others close up. */
    void remove(PlanProvider entry, String by, Instant at) {
        shortlist.remove(entry);
        renumber();
        changed(by, at);
    }

    /** Moves the entry to {@code position} (0 first; beyond the end: last). */
    void move(PlanProvider entry, int position, String by, Instant at) {
        shortlist.remove(entry);
        shortlist.add(Math.max(0, Math.min(position, shortlist.size())), entry);
        renumber();
        changed(by, at);
    }

    private void renumber() {
        for (int i = 0; i < shortlist.size(); i++) {
            shortlist.get(i).placeAt(i);
        }
    }

    /** Transport, who goes along and the bag. */
    void prepare(Preparations preparations, String by, Instant at) {
        this.transportKind = preparations.transportKind();
        this.transportWho = blankToNull(preparations.transportWho());
        this.companions = blankToNull(preparations.companions());
        this.bagItems = preparations.bag() == null || preparations.bag().isEmpty()
                ? EnumSet.noneOf(BagItem.class)
                : EnumSet.copyOf(preparations.bag());
        this.bagNote = blankToNull(preparations.bagNote());
        changed(by, at);
    }

    /** Records a change (the row is updated, so the version moves) and keeps {@code readySince} in step. */
    void changed(String by, Instant at) {
        this.updatedBy = by;
        this.updatedAt = at;
        boolean ready = PlanReadiness.isReady(readinessEntries());
        if (!ready) {
            readySince = null;
        } else if (readySince == null) {
            readySince = at;
        }
    }

    List<PlanReadiness.Entry> readinessEntries() {
        return shortlist.stream().map(PlanProvider::readiness).toList();
    }

    /** The steps not done yet ({@link PlanReadiness#missing}). */
    public List<MissingStep> missingSteps() {
        return PlanReadiness.missing(readinessEntries(), transportKind, companions, bagItems);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    public PlanNeeds needs() {
        return new PlanNeeds(proposedLevel, payment, language, medicationWanted);
    }

    public Long getId() {
        return id;
    }

    public long getVersion() {
        return version;
    }

    public EngagementEpisode getEpisode() {
        return episode;
    }

    public TransportKind getTransportKind() {
        return transportKind;
    }

    public String getTransportWho() {
        return transportWho;
    }

    public String getCompanions() {
        return companions;
    }

    public Set<BagItem> getBagItems() {
        return bagItems.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(bagItems));
    }

    public String getBagNote() {
        return bagNote;
    }

    public Instant getReadySince() {
        return readySince;
    }

    public List<PlanProvider> getShortlist() {
        return Collections.unmodifiableList(shortlist);
    }
}
