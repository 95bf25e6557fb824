package org.hearth.messages;

import java.io.Serializable;
import java.time.Instant;

/**
 * One message of the outbox as the front desk sees it: what, to whom (ids and the family's case number), when it is
 * about and due, how sending went. Never a text: there is none (it is written at sending time).
 */
public record OutboxEntry(
        long id,
        MessageKind kind,
        MessageStatus status,
        long memberId,
        long familyId,
        String caseNumber,
        Instant aboutAt,
        Instant dueAt,
        int attempts,
        Instant nextAttemptAt,
        Instant sentAt,
        String lastFailure,
        Instant closedAt,
        String closedReason)
        implements Serializable {}
