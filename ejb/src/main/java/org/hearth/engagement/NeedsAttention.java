package org.hearth.engagement;

import java.io.Serializable;
import java.time.LocalDate;

/**
 * An open episode that needs the counselor: its follow-up is overdue, the loved one is at high risk, or
 * nothing was recorded for 30 days. Each reason is its own flag, so the list shows why.
 */
public record NeedsAttention(
        long episodeId,
        long familyId,
        String familyName,
        String caseNumber,
        String lovedOneAlias,
        EpisodeStatus status,
        LocalDate nextFollowUpOn,
        boolean followUpOverdue,
        RiskAlerts.RiskReason highRisk,
        LocalDate lastEventOn,
        boolean quiet)
        implements Serializable {}
