package org.hearth.feeds;

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
import java.time.Instant;
import org.hearth.groups.SupportGroup;
import org.hearth.staff.StaffMember;

/**
 * A calendar feed, a counselor's or a support group's: the hash of its secret address, live until revoked.
 */
@Entity
@Table(name = "calendar_feed")
public class CalendarFeed {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    /** The counselor whose sessions the feed lists; null for a group's feed. */
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "staff_member_id")
    private StaffMember owner;

    /** The support group whose meetings the feed lists; null for a counselor's feed. */
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "support_group_id")
    private SupportGroup group;

    @Column(name = "created_by", nullable = false, updatable = false)
    private String createdBy;

    @Column(name = "secret_hash", nullable = false, unique = true, updatable = false)
    private String secretHash;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    /** Moves on when the feed is revoked (its only change). */
    @Version
    private long version;

    protected CalendarFeed() {}

    private CalendarFeed(
            StaffMember owner, SupportGroup group, String secretHash, String createdBy, Instant createdAt) {
        this.owner = owner;
        this.group = group;
        this.secretHash = secretHash;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
    }

    static CalendarFeed of(StaffMember owner, String secretHash, Instant createdAt) {
        return new CalendarFeed(owner, null, secretHash, owner.getUsername(), createdAt);
    }

    static CalendarFeed of(SupportGroup group, String secretHash, String createdBy, Instant createdAt) {
        return new CalendarFeed(null, group, secretHash, createdBy, createdAt);
    }

    void revoke(Instant at) {
        revokedAt = at;
    }

    public StaffMember getOwner() {
        return owner;
    }

    public SupportGroup getGroup() {
        return group;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getRevokedAt() {
        return revokedAt;
    }
}
