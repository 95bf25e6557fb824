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
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** One signed version of a safety plan: never changed once saved, so the plan's history reads as it was signed. */
@Entity
@Table(name = "safety_plan_version")
public class SafetyPlanVersion {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "plan_id", updatable = false)
    private SafetyPlan plan;

    @Column(nullable = false, updatable = false)
    private int number;

    @Column(nullable = false, updatable = false)
    private String content;

    @Column(name = "changed_sections", nullable = false, updatable = false)
    private String changedSections;

    @Column(name = "signed_by", nullable = false, updatable = false)
    private String signedBy;

    @Column(name = "signed_by_name", nullable = false, updatable = false)
    private String signedByName;

    @Column(name = "signed_at", nullable = false, updatable = false)
    private Instant signedAt;

    protected SafetyPlanVersion() {}

    SafetyPlanVersion(
            SafetyPlan plan,
            int number,
            SafetyPlanContent content,
            List<SafetyPlanContent.Section> changed,
            String signedBy,
            String signedByName,
            Instant signedAt) {
        this.plan = plan;
        this.number = number;
        this.content = content.toJson();
        this.changedSections = changed.stream().map(Enum::name).collect(Collectors.joining(","));
        this.signedBy = signedBy;
        this.signedByName = signedByName;
        this.signedAt = signedAt;
    }

    public Long getId() {
        return id;
    }

    public int getNumber() {
        return number;
    }

    public SafetyPlanContent content() {
        return SafetyPlanContent.fromJson(content);
    }

    public List<SafetyPlanContent.Section> changed() {
        return changedSections.isEmpty()
                ? List.of()
                : Arrays.stream(changedSections.split(","))
                        .map(SafetyPlanContent.Section::valueOf)
                        .toList();
    }

    public String getSignedBy() {
        return signedBy;
    }

    public String getSignedByName() {
        return signedByName;
    }

    public Instant getSignedAt() {
        return signedAt;
    }
}
