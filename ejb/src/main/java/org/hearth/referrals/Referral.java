package org.hearth.referrals;

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
import java.util.Objects;
import org.hearth.engagement.EngagementEpisode;
import org.hearth.engagement.EpisodeStatus;
import org.hearth.engagement.LevelOfCare;
import org.hearth.providers.TreatmentProvider;

/**
 * An accepted treatment offer turned into a referral to one provider, at one level of care, followed step by step
 * until the loved one arrives or does not. It remembers where the episode stood when it was made, so "did not
 * arrive" can put the episode back, and whether the ready plan was ready then. Once closed it stays in the history
 * and takes no more steps.
 */
@Entity
@Table(name = "referral")
public class Referral {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Version
    private long version;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "episode_id", updatable = false)
    private EngagementEpisode episode;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "provider_id", updatable = false)
    private TreatmentProvider provider;

    @Column(name = "offer_event_id", nullable = false, updatable = false)
    private Long offerEventId;

    @Enumerated(EnumType.STRING)
    @Column(name = "level_of_care", nullable = false, updatable = false)
    private LevelOfCare levelOfCare;

    @Column(name = "accepted_on", nullable = false, updatable = false)
    private LocalDate acceptedOn;

    @Column(name = "started_at", nullable = false, updatable = false)
    private Instant startedAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "status_before", nullable = false, updatable = false)
    private EpisodeStatus statusBefore;

    @Column(name = "plan_ready_at_acceptance", nullable = false, updatable = false)
    private boolean planReadyAtAcceptance;

    @Column(name = "intake_at")
    private Instant intakeAt;

    @Column(name = "last_step_at", nullable = false)
    private Instant lastStepAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ReferralOutcome outcome = ReferralOutcome.OPEN;

    @Column(name = "outcome_on")
    private LocalDate outcomeOn;

    @Enumerated(EnumType.STRING)
    @Column(name = "not_arrived_reason")
    private NotArrivedReason notArrivedReason;

    @Column(name = "created_by", nullable = false, updatable = false)
    private String createdBy;

    protected Referral() {}

    /**
     * A referral made by {@code by} at {@code at} from the offer {@code offerEventId}, accepted on {@code acceptedOn},
     * while the episode stood at {@code statusBefore}.
     */
    public Referral(
            EngagementEpisode episode,
            TreatmentProvider provider,
            long offerEventId,
            LevelOfCare levelOfCare,
            LocalDate acceptedOn,
            EpisodeStatus statusBefore,
            boolean planReadyAtAcceptance,
            String by,
            Instant at) {
        this.episode = Objects.requireNonNull(episode);
        this.provider = Objects.requireNonNull(provider);
        this.offerEventId = offerEventId;
        this.levelOfCare = Objects.requireNonNull(levelOfCare);
        this.acceptedOn = Objects.requireNonNull(acceptedOn);
        this.statusBefore = Objects.requireNonNull(statusBefore);
        this.planReadyAtAcceptance = planReadyAtAcceptance;
        this.createdBy = Objects.requireNonNull(by);
        this.startedAt = Objects.requireNonNull(at);
        this.lastStepAt = at;
    }

    /**
     * Takes a step: the latest step's time moves on (never back, for a step recorded late), a booked intake sets the
     * appointment, and "arrived" or "did not arrive" closes the referral on the step's day.
     */
    void took(ReferralStep step, LocalDate on) {
        if (!isOpen()) {
            throw new IllegalStateException("a closed referral takes no steps");
        }
        if (step.getOccurredAt().isAfter(lastStepAt)) {
            lastStepAt = step.getOccurredAt();
        }
        switch (step.getKind()) {
            case INTAKE_BOOKED -> intakeAt = step.getIntakeAt();
            case ARRIVED -> {
                outcome = ReferralOutcome.ARRIVED;
                outcomeOn = on;
            }
            case DID_NOT_ARRIVE -> {
                outcome = ReferralOutcome.NOT_ARRIVED;
                outcomeOn = on;
                notArrivedReason = step.getReason();
            }
            default -> {
                // contacted, warm hand-off, transport: only the time of the last step moves
            }
        }
    }

    public boolean isOpen() {
        return outcome == ReferralOutcome.OPEN;
    }

    public Long getId() {
        return id;
    }

    public long getVersion() {
        return version;
    }

    public EngagementEpisode getEpisode() {
        return episode;
    }

    public TreatmentProvider getProvider() {
        return provider;
    }

    public Long getOfferEventId() {
        return offerEventId;
    }

    public LevelOfCare getLevelOfCare() {
        return levelOfCare;
    }

    public LocalDate getAcceptedOn() {
        return acceptedOn;
    }

    public Instant getStartedAt() {
        return startedAt;
    }

    public EpisodeStatus getStatusBefore() {
        return statusBefore;
    }

    public boolean isPlanReadyAtAcceptance() {
        return planReadyAtAcceptance;
    }

    public Instant getIntakeAt() {
        return intakeAt;
    }

    public Instant getLastStepAt() {
        return lastStepAt;
    }

    public ReferralOutcome getOutcome() {
        return outcome;
    }

    public LocalDate getOutcomeOn() {
        return outcomeOn;
    }

    public NotArrivedReason getNotArrivedReason() {
        return notArrivedReason;
    }

    public String getCreatedBy() {
        return createdBy;
    }
}
