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
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.hearth.family.StageOfChange;

/**
 * One thing that happened on a loved one's way into treatment, as the counselor records it: a treatment
 * offer and its answer, a status change, a stage of change observed, a critical event, a harm-reduction
 * action, a family strategy, a new follow-up date, a high risk addressed. Events are never changed nor
 * deleted (the database refuses it): a mistaken one is voided with a reason, and both stay visible.
 */
@Entity
@Table(name = "episode_event")
public class EpisodeEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    /** The version a change must name: a change made from an older reading is refused. */
    @Version
    private long version;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "episode_id", updatable = false)
    private EngagementEpisode episode;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private EventKind kind;

    @Column(name = "occurred_on", nullable = false, updatable = false)
    private LocalDate occurredOn;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_status", updatable = false)
    private EpisodeStatus fromStatus;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_status", updatable = false)
    private EpisodeStatus toStatus;

    @Enumerated(EnumType.STRING)
    @Column(name = "level_of_care", updatable = false)
    private LevelOfCare levelOfCare;

    @Column(updatable = false)
    private String provider;

    @Enumerated(EnumType.STRING)
    @Column(name = "offered_by", updatable = false)
    private OfferedBy offeredBy;

    @Column(name = "offer_how", updatable = false)
    private String offerHow;

    @Enumerated(EnumType.STRING)
    @Column(updatable = false)
    private OfferResponse response;

    @Column(name = "refusal_reasons", updatable = false)
    private String refusalReasons;

    @Enumerated(EnumType.STRING)
    @Column(updatable = false)
    private StageOfChange stage;

    @Enumerated(EnumType.STRING)
    @Column(name = "critical_event", updatable = false)
    private CriticalEventKind criticalEvent;

    @Enumerated(EnumType.STRING)
    @Column(name = "harm_reduction", updatable = false)
    private HarmReduction harmReduction;

    @Column(name = "member_id", updatable = false)
    private Long memberId;

    @Enumerated(EnumType.STRING)
    @Column(name = "family_strategy", updatable = false)
    private FamilyStrategy familyStrategy;

    @Column(name = "follow_up_on", updatable = false)
    private LocalDate followUpOn;

    @Column(updatable = false)
    private String note;

    @Column(name = "recorded_by", nullable = false, updatable = false)
    private String recordedBy;

    @Column(name = "recorded_at", nullable = false, updatable = false)
    private Instant recordedAt;

    @Column(name = "voided_by")
    private String voidedBy;

    @Column(name = "voided_at")
    private Instant voidedAt;

    @Column(name = "void_reason")
    private String voidReason;

    protected EpisodeEvent() {}

    EpisodeEvent(EngagementEpisode episode, NewEpisodeEvent event, EpisodeStatus from, String by, Instant at) {
        this.episode = episode;
        this.kind = event.kind();
        this.occurredOn = event.on();
        this.fromStatus = event.kind() == EventKind.STATUS_CHANGE ? from : null;
        this.toStatus = event.toStatus();
        this.levelOfCare = event.levelOfCare();
        this.provider = blankToNull(event.provider());
        this.offeredBy = event.offeredBy();
        this.offerHow = blankToNull(event.offerHow());
        this.response = event.response();
        this.refusalReasons =
                event.refusalReasons() == null || event.refusalReasons().isEmpty()
                        ? null
                        : EnumSet.copyOf(event.refusalReasons()).stream()
                                .map(Enum::name)
                                .collect(Collectors.joining(","));
        this.stage = event.stage();
        this.criticalEvent = event.criticalEvent();
        this.harmReduction = event.harmReduction();
        this.memberId = event.memberId();
        this.familyStrategy = event.familyStrategy();
        this.followUpOn = event.followUpOn();
        this.note = blankToNull(event.note());
        this.recordedBy = by;
        this.recordedAt = at;
    }

    void voidIt(String by, String reason, Instant at) {
        this.voidedBy = by;
        this.voidReason = reason;
        this.voidedAt = at;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    public Set<RefusalReason> getRefusalReasons() {
        return refusalReasons == null
                ? Set.of()
                : EnumSet.copyOf(Arrays.stream(refusalReasons.split(","))
                        .map(RefusalReason::valueOf)
                        .toList());
    }

    public boolean isVoided() {
        return voidedAt != null;
    }

    public Long getId() {
        return id;
    }

    public EngagementEpisode getEpisode() {
        return episode;
    }

    public EventKind getKind() {
        return kind;
    }

    public LocalDate getOccurredOn() {
        return occurredOn;
    }

    public EpisodeStatus getFromStatus() {
        return fromStatus;
    }

    public EpisodeStatus getToStatus() {
        return toStatus;
    }

    public LevelOfCare getLevelOfCare() {
        return levelOfCare;
    }

    public String getProvider() {
        return provider;
    }

    public OfferedBy getOfferedBy() {
        return offeredBy;
    }

    public String getOfferHow() {
        return offerHow;
    }

    public OfferResponse getResponse() {
        return response;
    }

    public StageOfChange getStage() {
        return stage;
    }

    public CriticalEventKind getCriticalEvent() {
        return criticalEvent;
    }

    public HarmReduction getHarmReduction() {
        return harmReduction;
    }

    public Long getMemberId() {
        return memberId;
    }

    public FamilyStrategy getFamilyStrategy() {
        return familyStrategy;
    }

    public LocalDate getFollowUpOn() {
        return followUpOn;
    }

    public String getNote() {
        return note;
    }

    public String getRecordedBy() {
        return recordedBy;
    }

    public Instant getRecordedAt() {
        return recordedAt;
    }

    public String getVoidedBy() {
        return voidedBy;
    }

    public Instant getVoidedAt() {
        return voidedAt;
    }

    public String getVoidReason() {
        return voidReason;
    }

    public long getVersion() {
        return version;
    }
}
