package org.hearth.groups;

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
import java.time.temporal.ChronoUnit;
import org.hearth.family.FamilyMember;

/**
 * A family member's place in a support group: enrolled, on the waitlist (in {@code position} order),
 * offered a freed seat, or left. A member has at most one enrollment that is not left per group.
 */
@Entity
@Table(name = "group_enrollment")
public class Enrollment {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "group_id")
    private SupportGroup group;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "family_member_id")
    private FamilyMember member;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private EnrollmentStatus status;

    /** The order of joining the group; the waitlist is served in this order. */
    @Column(nullable = false)
    private int position;

    @Column(name = "enrolled_at", nullable = false, updatable = false)
    private Instant enrolledAt;

    @Column(name = "left_at")
    private Instant leftAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "left_reason")
    private LeaveReason leftReason;

    /** When the seat was last offered, and until when the offer holds it. */
    @Column(name = "offered_at")
    private Instant offeredAt;

    @Column(name = "offer_expires_at")
    private Instant offerExpiresAt;

    @Version
    private long version;

    protected Enrollment() {}

    Enrollment(SupportGroup group, FamilyMember member, EnrollmentStatus status, int position, Instant at) {
        if (status != EnrollmentStatus.ENROLLED && status != EnrollmentStatus.WAITLISTED) {
            throw new IllegalArgumentException("a member joins a group enrolled or waitlisted, not " + status);
        }
        this.group = group;
        this.member = member;
        this.status = status;
        this.position = position;
        this.enrolledAt = at;
    }

    /** The freed seat is held for this member from {@code at} until {@code expiresAt}. */
    void offerSeat(Instant at, Instant expiresAt) {
        requireStatus(EnrollmentStatus.WAITLISTED);
        if (!expiresAt.isAfter(at)) {
            throw new IllegalArgumentException("an offer's deadline comes after it is made");
        }
        this.status = EnrollmentStatus.OFFERED;
        // as PostgreSQL keeps them (microseconds), so the deadline read back is the deadline given
        this.offeredAt = at.truncatedTo(ChronoUnit.MICROS);
        this.offerExpiresAt = expiresAt.truncatedTo(ChronoUnit.MICROS);
    }

    /** Whether the seat is offered to this member and its deadline has passed at {@code now}. */
    public boolean offerExpiredAt(Instant now) {
        return status == EnrollmentStatus.OFFERED && !now.isBefore(offerExpiresAt);
    }

    void acceptSeat() {
        requireStatus(EnrollmentStatus.OFFERED);
        this.status = EnrollmentStatus.ENROLLED;
    }

    void leave(Instant at, LeaveReason reason) {
        if (status == EnrollmentStatus.LEFT) {
            throw new IllegalStateException("already left");
        }
        if (reason != LeaveReason.LEFT) {
            requireStatus(EnrollmentStatus.OFFERED);
        }
        this.status = EnrollmentStatus.LEFT;
        this.leftAt = at;
        this.leftReason = reason;
    }

    private void requireStatus(EnrollmentStatus expected) {
        if (status != expected) {
            throw new IllegalStateException("the enrollment is " + status + ", not " + expected);
        }
    }

    public boolean holdsSeat() {
        return EnrollmentStatus.HOLDING_SEAT.contains(status);
    }

    public Long getId() {
        return id;
    }

    public SupportGroup getGroup() {
        return group;
    }

    public FamilyMember getMember() {
        return member;
    }

    public EnrollmentStatus getStatus() {
        return status;
    }

    public int getPosition() {
        return position;
    }

    public Instant getEnrolledAt() {
        return enrolledAt;
    }

    public Instant getLeftAt() {
        return leftAt;
    }

    public LeaveReason getLeftReason() {
        return leftReason;
    }

    public Instant getOfferedAt() {
        return offeredAt;
    }

    public Instant getOfferExpiresAt() {
        return offerExpiresAt;
    }

    public long getVersion() {
        return version;
    }
}
