package org.hearth.safetyplan;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import org.hearth.family.Family;

/**
 * A family's written safety plan: one per family, its content in {@link SafetyPlanVersion}s (every save signed,
 * none ever changed), its reviews in {@link SafetyPlanReview}s. The plan row holds what the due list needs: the
 * number of the current version and when the plan was last signed or reviewed.
 */
@Entity
@Table(name = "safety_plan")
public class SafetyPlan {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Version
    private long version;

    @OneToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "family_id", updatable = false, unique = true)
    private Family family;

    @Column(name = "current_number", nullable = false)
    private int currentNumber;

    @Column(name = "checked_at", nullable = false)
    private Instant checkedAt;

    protected SafetyPlan() {}

    SafetyPlan(Family family, Instant now) {
        this.family = family;
        this.checkedAt = now;
    }

    /** A new version signed now: its number. */
    int signed(Instant when) {
        currentNumber++;
        checkedAt = when;
        return currentNumber;
    }

    /** Reviewed now without a change. */
    void reviewed(Instant when) {
        checkedAt = when;
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

    public int getCurrentNumber() {
        return currentNumber;
    }

    /** When the plan was last signed or reviewed: the next review is due {@value ReviewDue#DAYS} days after. */
    public Instant getCheckedAt() {
        return checkedAt;
    }
}
