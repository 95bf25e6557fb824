package org.hearth.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One access to a record or a page: who (username and the roles they held), what (action, entity type
 * and id, the family when there is one), when, from which client address, and whether it was allowed.
 * Immutable: there are no setters and no version, because an entry is never changed.
 */
@Entity
@Table(name = "audit_entry")
@NamedQuery(
        name = "AuditEntry.latestByUsername",
        query = "select a from AuditEntry a where a.username = :username order by a.id desc")
public class AuditEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "occurred_at", nullable = false, updatable = false)
    private Instant occurredAt;

    @Column(nullable = false, updatable = false)
    private String username;

    @Column(nullable = false, updatable = false)
    private String roles;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private AuditAction action;

    @Column(name = "entity_type", updatable = false)
    private String entityType;

    @Column(name = "entity_id", updatable = false)
    private String entityId;

    @Column(name = "family_id", updatable = false)
    private Long familyId;

    @Column(name = "client_address", updatable = false)
    private String clientAddress;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private AuditOutcome outcome;

    @Column(updatable = false, length = 1000)
    private String reason;

    /**
     * The entry's place in the chain; set by the database as the entry is inserted, with the hashes that link
     * it (V13; read by {@link VerifyAudit}).
     */
    @Column(insertable = false, updatable = false)
    private Long seq;

    protected AuditEntry() {}

    AuditEntry(Instant occurredAt, String username, String roles, AuditEvent event, String clientAddress) {
        this.occurredAt = occurredAt;
        this.username = username;
        this.roles = roles;
        this.action = event.action();
        this.entityType = event.entityType();
        this.entityId = event.entityId();
        this.familyId = event.familyId();
        this.outcome = event.outcome();
        this.reason = event.reason() == null || event.reason().length() <= 1000
                ? event.reason()
                : event.reason().substring(0, 1000);
        this.clientAddress = clientAddress;
    }

    public Long getId() {
        return id;
    }

    public Instant getOccurredAt() {
        return occurredAt;
    }

    public String getUsername() {
        return username;
    }

    public String getRoles() {
        return roles;
    }

    public AuditAction getAction() {
        return action;
    }

    public String getEntityType() {
        return entityType;
    }

    public String getEntityId() {
        return entityId;
    }

    public Long getFamilyId() {
        return familyId;
    }

    public String getClientAddress() {
        return clientAddress;
    }

    public AuditOutcome getOutcome() {
        return outcome;
    }

    public String getReason() {
        return reason;
    }

    public Long getSeq() {
        return seq;
    }
}
