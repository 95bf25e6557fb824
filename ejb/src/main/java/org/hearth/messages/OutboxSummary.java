package org.hearth.messages;

import java.io.Serializable;
import java.time.LocalDate;

/**
 * The outbox at a glance for the clinic's day {@code day}: messages waiting to be sent ({@code pending}, of which
 * {@code retrying} failed at least once and wait for another attempt), sent today, failed for good today, and
 * withdrawn today (cancelled sessions, stopped members).
 */
public record OutboxSummary(
        LocalDate day, long pending, long retrying, long sentToday, long failedToday, long withdrawnToday)
        implements Serializable {}
