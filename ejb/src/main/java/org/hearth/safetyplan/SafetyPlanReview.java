package org.hearth.safetyplan;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;

/** A review of the plan that changed nothing ("Reviewed, no change"): who, when, and which version they read. */
@Entity
@Table(name = "safety_plan_review")
public class SafetyPlanReview {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "plan_id", updatable = false)
    private SafetyPlan plan;

    @Column(name = "version_number", nullable = false, updatable = false)
    private int versionNumber;

    @Column(name = "reviewed_by", nullable = false, updatable = false)
    private String reviewedBy;

    @Column(name = "reviewed_by_name", nullable = false, updatable = false)
    private String reviewedByName;

    @Column(name = "reviewed_at", nullable = false, updatable = false)
    private Instant reviewedAt;

    protected SafetyPlanReview() {}

    SafetyPlanReview(SafetyPlan plan, String reviewedBy, String reviewedByName, Instant reviewedAt) {
        this.plan = plan;
        this.versionNumber = plan.getCurrentNumber();
        this.reviewedBy = reviewedBy;
        this.reviewedByName = reviewedByName;
        this.reviewedAt = reviewedAt;
    }

    public Long getId() {
        return id;
    }

    public int getVersionNumber() {
        return versionNumber;
    }

    public String getReviewedByName() {
        return reviewedByName;
    }

    public Instant getReviewedAt() {
        return reviewedAt;
    }
}
