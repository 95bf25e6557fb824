package org.hearth.referrals;

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
import java.time.Instant;
import java.util.Objects;

/** One dated step of a referral, with who recorded it and when. Steps are never changed. */
@Entity
@Table(name = "referral_step")
public class ReferralStep {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "referral_id", updatable = false)
    private Referral referral;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private ReferralStepKind kind;

    @Column(name = "occurred_at", nullable = false, updatable = false)
    private Instant occurredAt;

    @Column(name = "intake_at", updatable = false)
    private Instant intakeAt;

    @Enumerated(EnumType.STRING)
    @Column(updatable = false)
    private NotArrivedReason reason;

    @Column(updatable = false)
    private String note;

    @Column(name = "recorded_by", nullable = false, updatable = false)
    private String recordedBy;

    @Column(name = "recorded_at", nullable = false, updatable = false)
    private Instant recordedAt;

    protected ReferralStep() {}

    ReferralStep(
            Referral referral,
            ReferralStepKind kind,
            Instant occurredAt,
            Instant intakeAt,
            NotArrivedReason reason,
            String note,
            String recordedBy,
            Instant recordedAt) {
        this.referral = Objects.requireNonNull(referral);
        this.kind = Objects.requireNonNull(kind);
        this.occurredAt = Objects.requireNonNull(occurredAt);
        this.intakeAt = intakeAt;
        this.reason = reason;
        this.note = note;
        this.recordedBy = Objects.requireNonNull(recordedBy);
        this.recordedAt = Objects.requireNonNull(recordedAt);
    }

    public Long getId() {
        return id;
    }

    public Referral getReferral() {
        return referral;
    }

    public ReferralStepKind getKind() {
        return kind;
    }

    public Instant getOccurredAt() {
        return occurredAt;
    }

    public Instant getIntakeAt() {
        return intakeAt;
    }

    public NotArrivedReason getReason() {
        return reason;
    }

    public String getNote() {
        return note;
    }

    public String getRecordedBy() {
        return recordedBy;
    }

    public Instant getRecordedAt() {
        return recordedAt;
    }
}
