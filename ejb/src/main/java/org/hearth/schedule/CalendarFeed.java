package org.hearth.schedule;

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
import org.hearth.staff.StaffMember;

/** A staff member's calendar feed: the hash of its secret address, live until revoked. */
@Entity
@Table(name = "calendar_feed")
public class CalendarFeed {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "staff_member_id")
    private StaffMember owner;

    @Column(name = "secret_hash", nullable = false, unique = true, updatable = false)
    private String secretHash;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    protected CalendarFeed() {}

    CalendarFeed(StaffMember owner, String secretHash, Instant createdAt) {
        this.owner = owner;
        this.secretHash = secretHash;
        this.createdAt = createdAt;
    }

    void revoke(Instant at) {
        revokedAt = at;
    }

    public StaffMember getOwner() {
        return owner;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getRevokedAt() {
        return revokedAt;
    }
}
