package org.hearth.consent;

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
import org.hearth.family.Family;
import org.hearth.family.FamilyMember;

/** A family member's consent to disclose (V15): never changed, only revoked once. */
@Entity
@Table(name = "consent")
public class Consent {

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
    @JoinColumn(name = "member_id", updatable = false)
    private FamilyMember member;

    @Column(name = "recipient_name", nullable = false, updatable = false)
    private String recipientName;

    @Column(name = "recipient_organisation", updatable = false)
    private String recipientOrganisation;

    @Column(nullable = false, updatable = false)
    private String purpose;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private DisclosureScope scope;

    @Column(name = "signed_on", nullable = false, updatable = false)
    private LocalDate signedOn;

    @Column(name = "starts_on", nullable = false, updatable = false)
    private LocalDate startsOn;

    @Column(name = "expires_on", nullable = false, updatable = false)
    private LocalDate expiresOn;

    @Column(name = "recorded_by", nullable = false, updatable = false)
    private String recordedBy;

    @Column(name = "recorded_at", nullable = false, updatable = false)
    private Instant recordedAt;

    @Column(name = "revoked_on")
    private LocalDate revokedOn;

    @Column(name = "revoked_by")
    private String revokedBy;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    protected Consent() {}

    Consent(Family family, FamilyMember member, NewConsent terms, String recordedBy, Instant recordedAt) {
        this.family = family;
        this.member = member;
        this.recipientName = terms.recipientName().strip();
        this.recipientOrganisation = terms.recipientOrganisation() == null
                        || terms.recipientOrganisation().isBlank()
                ? null
                : terms.recipientOrganisation().strip();
        this.purpose = terms.purpose().strip();
        this.scope = terms.scope();
        this.signedOn = terms.signedOn();
        this.startsOn = terms.startsOn();
        this.expiresOn = terms.expiresOn();
        this.recordedBy = recordedBy;
        this.recordedAt = recordedAt;
    }

    void revoke(LocalDate on, String by, Instant at) {
        revokedOn = on;
        revokedBy = by;
        revokedAt = at;
    }

    /** In force on {@code day}: started, not expired, not revoked by then. */
    public boolean isActiveOn(LocalDate day) {
        return !day.isBefore(startsOn) && !day.isAfter(expiresOn) && (revokedOn == null || day.isBefore(revokedOn));
    }

    public Long getId() {
        return id;
    }

    public Family getFamily() {
        return family;
    }

    public FamilyMember getMember() {
        return member;
    }

    public String getRecipientName() {
        return recipientName;
    }

    public String getRecipientOrganisation() {
        return recipientOrganisation;
    }

    public String getPurpose() {
        return purpose;
    }

    public DisclosureScope getScope() {
        return scope;
    }

    public LocalDate getSignedOn() {
        return signedOn;
    }

    public LocalDate getStartsOn() {
        return startsOn;
    }

    public LocalDate getExpiresOn() {
        return expiresOn;
    }

    public String getRecordedBy() {
        return recordedBy;
    }

    public LocalDate getRevokedOn() {
        return revokedOn;
    }

    public String getRevokedBy() {
        return revokedBy;
    }

    public long getVersion() {
        return version;
    }
}
