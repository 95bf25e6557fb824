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
import java.time.Instant;

/** One entry of the disclosure ledger (V15): append-only. */
@Entity
@Table(name = "disclosure")
public class Disclosure {

    /** How a record went out. */
    public enum Format {
        PDF,
        JSON
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "consent_id", updatable = false)
    private Consent consent;

    @Column(name = "family_id", nullable = false, updatable = false)
    private Long familyId;

    @Column(name = "member_id", nullable = false, updatable = false)
    private Long memberId;

    @Column(name = "recipient_name", nullable = false, updatable = false)
    private String recipientName;

    @Column(name = "recipient_organisation", updatable = false)
    private String recipientOrganisation;

    @Column(nullable = false, updatable = false)
    private String purpose;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private DisclosureScope scope;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private Format format;

    @Column(name = "disclosed_by", nullable = false, updatable = false)
    private String disclosedBy;

    @Column(name = "disclosed_at", nullable = false, updatable = false)
    private Instant disclosedAt;

    @Column(name = "content_sha256", nullable = false, updatable = false)
    private String contentSha256;

    protected Disclosure() {}

    Disclosure(Consent consent, Format format, String disclosedBy, Instant disclosedAt, String contentSha256) {
        this.consent = consent;
        this.familyId = consent.getFamily().getId();
        this.memberId = consent.getMember().getId();
        this.recipientName = consent.getRecipientName();
        this.recipientOrganisation = consent.getRecipientOrganisation();
        this.purpose = consent.getPurpose();
        this.scope = consent.getScope();
        this.format = format;
        this.disclosedBy = disclosedBy;
        this.disclosedAt = disclosedAt;
        this.contentSha256 = contentSha256;
    }

    DisclosureView view(String memberName) {
        return new DisclosureView(
                id,
                consent.getId(),
                memberId,
                memberName,
                recipientName,
                recipientOrganisation,
                purpose,
                scope,
                format,
                disclosedBy,
                disclosedAt,
                contentSha256);
    }

    public Long getId() {
        return id;
    }
}
