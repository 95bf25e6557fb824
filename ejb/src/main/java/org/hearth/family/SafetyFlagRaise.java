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

/**
 * The safety flag raised after intake (a member's PHQ-9 item 9 answer above 0). It stands until a counselor of the
 * family lowers it with a note saying what they checked; it is never deleted, so the record shows when it stood.
 */
@Entity
@Table(name = "safety_flag_raise")
public class SafetyFlagRaise {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Version
    private long version;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "family_id", updatable = false)
    private Family family;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private SafetyScreen.FlagReason reason;

    @Column(nullable = false, updatable = false)
    private String source;

    @Column(name = "raised_by", nullable = false, updatable = false)
    private String raisedBy;

    @Column(name = "raised_at", nullable = false, updatable = false)
    private Instant raisedAt;

    @Column(name = "lowered_by")
    private String loweredBy;

    @Column(name = "lowered_at")
    private Instant loweredAt;

    @Column(name = "lowered_note")
    private String loweredNote;

    protected SafetyFlagRaise() {}

    SafetyFlagRaise(Family family, SafetyScreen.FlagReason reason, String source, String raisedBy, Instant raisedAt) {
        this.family = family;
        this.reason = reason;
        this.source = source;
        this.raisedBy = raisedBy;
        this.raisedAt = raisedAt;
    }

    void lower(String by, Instant when, String note) {
        this.loweredBy = by;
        this.loweredAt = when;
        this.loweredNote = note;
    }

    public boolean isStanding() {
        return loweredAt == null;
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

    public SafetyScreen.FlagReason getReason() {
        return reason;
    }

    public String getSource() {
        return source;
    }

    public String getRaisedBy() {
        return raisedBy;
    }

    public Instant getRaisedAt() {
        return raisedAt;
    }

    public String getLoweredBy() {
        return loweredBy;
    }

    public Instant getLoweredAt() {
        return loweredAt;
    }

    public String getLoweredNote() {
        return loweredNote;
    }
}
