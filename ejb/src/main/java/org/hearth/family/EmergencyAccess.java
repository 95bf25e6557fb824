package org.hearth.family;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import org.hearth.security.EmergencyAccessLimit;
import org.hearth.staff.StaffMember;

/**
 * A counselor's emergency access to a family outside their caseload ("break the glass"): why, when, for
 * which session; ended when the session ends; reviewed once by a supervisor of the family's program. Kept
 * for good (V14 refuses deletion and any other change).
 */
@Entity
@Table(name = "emergency_access")
public class EmergencyAccess {

    /** The longest an access lasts, even when its session's end was never seen (a server stopped hard). */
    public static final Duration LONGEST = EmergencyAccessLimit.LONGEST;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    /** The version a change must name: a change made from an older reading is refused. */
    @Version
    private long version;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "family_id", updatable = false)
    private Family family;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "staff_id", updatable = false)
    private StaffMember staff;

    @Column(nullable = false, updatable = false, length = 1000)
    private String reason;

    @Column(name = "session_key", nullable = false, updatable = false)
    private String sessionKey;

    @Column(name = "granted_at", nullable = false, updatable = false)
    private Instant grantedAt;

    @Column(name = "ended_at")
    private Instant endedAt;

    @Column(name = "reviewed_by")
    private String reviewedBy;

    @Column(name = "reviewed_at")
    private Instant reviewedAt;

    @Column(name = "review_note", length = 1000)
    private String reviewNote;

    protected EmergencyAccess() {}

    EmergencyAccess(Family family, StaffMember staff, String reason, String sessionKey, Instant grantedAt) {
        this.family = family;
        this.staff = staff;
        this.reason = reason;
        this.sessionKey = sessionKey;
        this.grantedAt = grantedAt;
    }

    void end(Instant at) {
        if (endedAt == null) {
            endedAt = at;
        }
    }

    void review(String by, String note, Instant at) {
        reviewedBy = by;
        reviewNote = note;
        reviewedAt = at;
    }

    public Long getId() {
        return id;
    }

    public Family getFamily() {
        return family;
    }

    public StaffMember getStaff() {
        return staff;
    }

    public String getReason() {
        return reason;
    }

    public Instant getGrantedAt() {
        return grantedAt;
    }

    public Instant getEndedAt() {
        return endedAt;
    }

    public String getReviewedBy() {
        return reviewedBy;
    }

    public Instant getReviewedAt() {
        return reviewedAt;
    }

    public String getReviewNote() {
        return reviewNote;
    }

    public long getVersion() {
        return version;
    }
}
