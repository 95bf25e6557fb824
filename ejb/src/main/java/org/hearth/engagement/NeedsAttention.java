package org.hearth.engagement;

import java.io.Serializable;
import java.time.LocalDate;

/**
 * An open episode that needs the counselor: its referral stalled, its follow-up is overdue, the loved one is at high
 * risk, a window of opportunity is open (its last day, else null), or nothing was recorded for 30 days. Each reason
 * is its own field, so the list shows why.
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
        boolean quiet,
        LocalDate windowOpenUntil,
        StalledReferral stalledReferral)
        implements Serializable {}
