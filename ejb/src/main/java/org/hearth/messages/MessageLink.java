package org.hearth.messages;

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

/**
 * A single-use link in a sent message: only the SHA-256 of its token is kept. Used once, then it says so and changes
 * nothing; after {@code expiresAt} likewise.
 */
@Entity
@Table(name = "message_link")
public class MessageLink {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "message_id", updatable = false)
    private OutboxMessage message;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private LinkPurpose purpose;

    @Column(name = "token_hash", nullable = false, updatable = false)
    private String tokenHash;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "expires_at", nullable = false, updatable = false)
    private Instant expiresAt;

    @Column(name = "used_at")
    private Instant usedAt;

    private String outcome;

    protected MessageLink() {}

    MessageLink(OutboxMessage message, LinkPurpose purpose, String tokenHash, Instant now, Instant expiresAt) {
        this.message = message;
        this.purpose = purpose;
        this.tokenHash = tokenHash;
        this.createdAt = now;
        this.expiresAt = expiresAt;
    }

    void use(Instant now, String outcome) {
        this.usedAt = now;
        this.outcome = outcome;
    }

    public Long getId() {
        return id;
    }

    public OutboxMessage getMessage() {
        return message;
    }

    public LinkPurpose getPurpose() {
        return purpose;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getExpiresAt() {
        return expiresAt;
    }

    public Instant getUsedAt() {
        return usedAt;
    }

    public String getOutcome() {
        return outcome;
    }
}
