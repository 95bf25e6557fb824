package org.hearth.family;

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
import java.time.Instant;
import java.time.LocalDate;
import org.hearth.staff.StaffMember;

/**
 * One counselor's responsibility for one family, from assignment until it is ended. Rows are never
 * deleted: ending one records when and by whom, so the history of who was responsible stays whole.
 */
@Entity
@Table(name = "family_assignment")
public class Assignment {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    /** The version a change must name: a change made from an older reading is refused. */
    @Version
    private long version;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "family_id")
    private Family family;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "counselor_id")
    private StaffMember counselor;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private AssignmentKind kind;

    @Column(name = "starts_on", nullable = false)
    private LocalDate startsOn;

    @Column(name = "ends_on")
    private LocalDate endsOn;

    private String reason;

    @Column(name = "assigned_by", nullable = false, updatable = false)
    private String assignedBy;

    @Column(name = "assigned_at", nullable = false, updatable = false)
    private Instant assignedAt;

    @Column(name = "ended_by")
    private String endedBy;

    @Column(name = "ended_at")
    private Instant endedAt;

    protected Assignment() {}

    Assignment(
            Family family,
            StaffMember counselor,
            AssignmentKind kind,
            LocalDate startsOn,
            LocalDate endsOn,
            String reason,
            String assignedBy,
            Instant assignedAt) {
        this.family = family;
        this.counselor = counselor;
        this.kind = kind;
        this.startsOn = startsOn;
        this.endsOn = endsOn;
        this.reason = reason == null || reason.isBlank() ? null : reason.trim();
        this.assignedBy = assignedBy;
        this.assignedAt = assignedAt;
    }

    void end(String by, Instant at) {
        this.endedBy = by;
        this.endedAt = at;
    }

    public boolean isOpen() {
        return endedAt == null;
    }

    public AssignmentKind getKind() {
        return kind;
    }

    public StaffMember getCounselor() {
        return counselor;
    }

    public LocalDate getStartsOn() {
        return startsOn;
    }

    public LocalDate getEndsOn() {
        return endsOn;
    }

    public String getReason() {
        return reason;
    }

    public String getAssignedBy() {
        return assignedBy;
    }

    public Instant getAssignedAt() {
        return assignedAt;
    }

    public String getEndedBy() {
        return endedBy;
    }

    public Instant getEndedAt() {
        return endedAt;
    }

    public long getVersion() {
        return version;
    }
}
