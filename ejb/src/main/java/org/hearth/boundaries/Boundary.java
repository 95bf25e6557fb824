package org.hearth.boundaries;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.hearth.family.Family;
import org.hearth.family.FamilyMember;

/**
 * A boundary the family agreed to hold: its kind, the family's own wording, who holds it, the consequence agreed,
 * the day agreed and the day to review it. Every wording it had is kept ({@link BoundaryWording}), the first from
 * the agreement; a boundary the family no longer holds is retired with the day and why, never deleted.
 */
@Entity
@Table(name = "boundary")
public class Boundary {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Version
    private long version;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "family_id", updatable = false)
    private Family family;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private BoundaryKind kind;

    @Column(nullable = false)
    private String wording;

    @Column(nullable = false)
    private String consequence;

    @Column(name = "agreed_on", nullable = false)
    private LocalDate agreedOn;

    @Column(name = "review_on", nullable = false)
    private LocalDate reviewOn;

    @Column(name = "created_by", nullable = false, updatable = false)
    private String createdBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "retired_on")
    private LocalDate retiredOn;

    @Column(name = "retired_reason")
    private String retiredReason;

    @Column(name = "retired_by")
    private String retiredBy;

    @ManyToMany
    @JoinTable(
            name = "boundary_holder",
            joinColumns = @JoinColumn(name = "boundary_id"),
            inverseJoinColumns = @JoinColumn(name = "family_member_id"))
    @OrderBy("position")
    private Set<FamilyMember> holders = new LinkedHashSet<>();

    @OneToMany(mappedBy = "boundary", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("writtenAt, id")
    private List<BoundaryWording> wordings = new ArrayList<>();

    protected Boundary() {}

    Boundary(Family family, BoundaryDraft draft, Set<FamilyMember> holders, String by, Instant now) {
        this.family = family;
        this.createdBy = by;
        this.createdAt = now;
        this.kind = draft.kind();
        this.agreedOn = draft.agreedOn();
        this.reviewOn = BoundaryRules.reviewDay(draft.reviewOn(), draft.agreedOn());
        this.holders.addAll(holders);
        reword(BoundaryRules.stripped(draft.wording()), BoundaryRules.stripped(draft.consequence()), by, now, null);
    }

    /**
     * Changes what was agreed. A new wording or consequence is kept as a new version, the one before staying in
     * the history; the kind, holders and days are simply the ones now agreed.
     */
    void change(BoundaryDraft draft, Set<FamilyMember> newHolders, String by, Instant now) {
        kind = draft.kind();
        agreedOn = draft.agreedOn();
        reviewOn = BoundaryRules.reviewDay(draft.reviewOn(), draft.agreedOn());
        holders.clear();
        holders.addAll(newHolders);
        String newWording = BoundaryRules.stripped(draft.wording());
        String newConsequence = BoundaryRules.stripped(draft.consequence());
        if (!newWording.equals(wording) || !newConsequence.equals(consequence)) {
            reword(newWording, newConsequence, by, now, null);
        }
    }

    /** A new wording and/or consequence (null: kept), agreed in {@code review} when one is given. */
    BoundaryWording reword(String newWording, String newConsequence, String by, Instant now, BoundaryReview review) {
        wording = newWording == null ? wording : newWording;
        consequence = newConsequence == null ? consequence : newConsequence;
        BoundaryWording version = new BoundaryWording(this, wording, consequence, by, now, review);
        wordings.add(version);
        return version;
    }

    /** Takes back the wording a review changed (a draft's review corrected or removed): the one before returns. */
    void undoReword(BoundaryReview review) {
        wordings.removeIf(w -> BoundaryWording.madeIn(w, review));
        BoundaryWording last = wordings.get(wordings.size() - 1);
        wording = last.getWording();
        consequence = last.getConsequence();
    }

    void reviewOn(LocalDate day) {
        reviewOn = day;
    }

    void retire(LocalDate day, String reason, String by) {
        retiredOn = day;
        retiredReason = reason;
        retiredBy = by;
    }

    public boolean isActive() {
        return retiredOn == null;
    }

    public Long getId() {
        return id;
    }

    public long getVersion() {
        return version;
    }

    public Family getFamily() {
        return family;
    }

    public BoundaryKind getKind() {
        return kind;
    }

    public String getWording() {
        return wording;
    }

    public String getConsequence() {
        return consequence;
    }

    public LocalDate getAgreedOn() {
        return agreedOn;
    }

    public LocalDate getReviewOn() {
        return reviewOn;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public LocalDate getRetiredOn() {
        return retiredOn;
    }

    public String getRetiredReason() {
        return retiredReason;
    }

    public String getRetiredBy() {
        return retiredBy;
    }

    public Set<FamilyMember> getHolders() {
        return holders;
    }

    public List<BoundaryWording> getWordings() {
        return wordings;
    }
}
