package org.hearth.engagement;

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
import org.hearth.family.LovedOne;
import org.hearth.time.ClinicTime;

/** One loved one's engagement episode. Completing an intake opens one, {@code REFUSING}, per loved one not in treatment. */
@Entity
@Table(name = "engagement_episode")
public class EngagementEpisode {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "family_id")
    private Family family;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "loved_one_id")
    private LovedOne lovedOne;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private EpisodeStatus status;

    @Column(name = "opened_by", nullable = false, updatable = false)
    private String openedBy;

    @Column(name = "opened_at", nullable = false, updatable = false)
    private Instant openedAt;

    /** When the counselor next checks in on this loved one; null once the episode is closed. */
    @Column(name = "next_follow_up_on")
    private LocalDate nextFollowUpOn;

    /** Why the loved one is at high risk now (until the counselor records it addressed), or null. */
    @Enumerated(EnumType.STRING)
    @Column(name = "high_risk_reason")
    private RiskAlerts.RiskReason highRiskReason;

    @Column(name = "high_risk_since")
    private Instant highRiskSince;

    @Column(name = "last_event_on")
    private LocalDate lastEventOn;

    /** The last day of a window of opportunity a critical event opened, or null when none is open. */
    @Column(name = "window_open_until")
    private LocalDate windowOpenUntil;

    /** The critical event that opened the window, or null. */
    @Column(name = "window_event_id")
    private Long windowEventId;

    @Version
    private long version;

    protected EngagementEpisode() {}

    /** The episode of a loved one who refuses treatment, as the intake finds them. */
    public static EngagementEpisode refusing(Family family, LovedOne lovedOne, String openedBy, Instant openedAt) {
        EngagementEpisode episode = new EngagementEpisode();
        episode.family = family;
        episode.lovedOne = lovedOne;
        episode.status = EpisodeStatus.REFUSING;
        episode.openedBy = openedBy;
        episode.openedAt = openedAt;
        LocalDate opened = openedAt.atZone(ClinicTime.zone()).toLocalDate();
        episode.lastEventOn = opened;
        episode.nextFollowUpOn = FollowUp.after(opened);
        return episode;
    }

    public Long getId() {
        return id;
    }

    public LovedOne getLovedOne() {
        return lovedOne;
    }

    public EpisodeStatus getStatus() {
        return status;
    }

    public Instant getOpenedAt() {
        return openedAt;
    }

    /** The status the valid status changes lead to (set by the service from the episode's timeline). */
    void standAt(EpisodeStatus status) {
        this.status = status;
    }

    void eventOn(LocalDate on) {
        if (lastEventOn == null || on.isAfter(lastEventOn)) {
            lastEventOn = on;
        }
    }

    void followUpOn(LocalDate on) {
        this.nextFollowUpOn = on;
    }

    void highRisk(RiskAlerts.RiskReason reason, Instant since) {
        this.highRiskReason = reason;
        this.highRiskSince = since;
    }

    void riskAddressed() {
        this.highRiskReason = null;
        this.highRiskSince = null;
    }

    public Family getFamily() {
        return family;
    }

    public LocalDate getNextFollowUpOn() {
        return nextFollowUpOn;
    }

    public RiskAlerts.RiskReason getHighRiskReason() {
        return highRiskReason;
    }

    public Instant getHighRiskSince() {
        return highRiskSince;
    }

    public LocalDate getLastEventOn() {
        return lastEventOn;
    }

    public long getVersion() {
        return version;
    }

    /** Opens (or extends) a window of opportunity until {@code until}, opened by the critical event {@code eventId}. */
    public void openWindow(LocalDate until, long eventId) {
        this.windowOpenUntil = until;
        this.windowEventId = eventId;
    }

    /** Closes the window of opportunity, if one is open. */
    public void closeWindow() {
        this.windowOpenUntil = null;
        this.windowEventId = null;
    }

    public LocalDate getWindowOpenUntil() {
        return windowOpenUntil;
    }

    public Long getWindowEventId() {
        return windowEventId;
    }
}
