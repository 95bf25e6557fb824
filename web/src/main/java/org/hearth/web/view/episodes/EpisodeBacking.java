package org.hearth.web.view.episodes;

import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hearth.engagement.CriticalEventKind;
import org.hearth.engagement.EpisodeStatus;
import org.hearth.engagement.EpisodeView;
import org.hearth.engagement.Episodes;
import org.hearth.engagement.EventKind;
import org.hearth.engagement.FamilyStrategy;
import org.hearth.engagement.HarmReduction;
import org.hearth.engagement.LevelOfCare;
import org.hearth.engagement.NewEpisodeEvent;
import org.hearth.engagement.OfferResponse;
import org.hearth.engagement.OfferedBy;
import org.hearth.engagement.RefusalReason;
import org.hearth.family.StageOfChange;
import org.hearth.time.ClinicClock;
import org.hearth.web.view.Confirmations;
import org.hearth.web.view.Failures;

/**
 * episodes/episode.xhtml?id=: one loved one's way into treatment: where they stand and the derived figures,
 * a quick form for each kind of event (the counselor picks the kind; the form shows what it needs), and the
 * timeline, newest first, where a mistaken event is voided with a reason.
 */
@Named
@ViewScoped
public class EpisodeBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private Episodes episodes;

    private Long id;
    private EpisodeView episode;

    private EventKind kind = EventKind.TREATMENT_OFFERED;
    private LocalDate on;
    private EpisodeStatus toStatus;
    private LevelOfCare levelOfCare;
    private String provider;
    private OfferedBy offeredBy;
    private String offerHow;
    private OfferResponse response;
    private List<RefusalReason> refusalReasons = new ArrayList<>();
    private StageOfChange stage;
    private CriticalEventKind criticalEvent;
    private HarmReduction harmReduction;
    private Long memberId;
    private FamilyStrategy familyStrategy;
    private LocalDate followUpOn;
    private String note;
    private Long voiding;
    private String voidReason;
    private boolean stale;

    public void load() {
        try {
            episode = episodes.read(id == null ? -1 : id);
            on = ClinicClock.current().today();
        } catch (RuntimeException e) {
            Failures.answerLoad(e);
        }
    }

    public void record() {
        try {
            episode = episodes.record(
                    id,
                    new NewEpisodeEvent(
                            kind,
                            on,
                            kind == EventKind.STATUS_CHANGE ? toStatus : null,
                            kind == EventKind.STATUS_CHANGE ? levelOfCare : null,
                            kind == EventKind.STATUS_CHANGE ? provider : null,
                            kind == EventKind.TREATMENT_OFFERED ? offeredBy : null,
                            kind == EventKind.TREATMENT_OFFERED ? offerHow : null,
                            kind == EventKind.TREATMENT_OFFERED ? response : null,
                            kind == EventKind.TREATMENT_OFFERED && response == OfferResponse.REFUSED
                                    ? Set.copyOf(refusalReasons)
                                    : Set.of(),
                            kind == EventKind.STAGE_OBSERVED ? stage : null,
                            kind == EventKind.CRITICAL_EVENT ? criticalEvent : null,
                            kind == EventKind.HARM_REDUCTION ? harmReduction : null,
                            kind == EventKind.HARM_REDUCTION ? memberId : null,
                            kind == EventKind.FAMILY_STRATEGY ? familyStrategy : null,
                            kind == EventKind.FOLLOW_UP_SET ? followUpOn : null,
                            note));
            Confirmations.show("episodes.recorded");
            clear();
        } catch (RuntimeException e) {
            Failures.show(e, "event-form", Map.of());
        }
    }

    public void startVoiding(EpisodeView.Event event) {
        voiding = event.id();
        voidReason = null;
    }

    /**
     * Voids the event from the episode as the page shows it; when someone changed the episode meanwhile the
     * typed reason stays, the page says so and offers the latest ({@link #loadLatest}).
     */
    public void voidEvent() {
        try {
            episode = episodes.voidEvent(id, voiding == null ? -1 : voiding, voidReason, episode.version());
            Confirmations.show("episodes.voidDone");
            voiding = null;
            stale = false;
        } catch (RuntimeException e) {
            stale = Failures.isStale(e);
            Failures.show(e, "void-form", Map.of());
        }
    }

    /** Reads the episode again after a conflict; the reason being typed is dropped. */
    public void loadLatest() {
        episode = episodes.read(id);
        voiding = null;
        voidReason = null;
        stale = false;
        Confirmations.show("conflict.latestLoaded");
    }

    /** The last change was refused because someone else changed the episode meanwhile. */
    public boolean isStale() {
        return stale;
    }

    private void clear() {
        toStatus = null;
        levelOfCare = null;
        provider = null;
        offeredBy = null;
        offerHow = null;
        response = null;
        refusalReasons = new ArrayList<>();
        stage = null;
        criticalEvent = null;
        harmReduction = null;
        memberId = null;
        familyStrategy = null;
        followUpOn = null;
        note = null;
    }

    /** The kinds a counselor records; "risk addressed" only while a high risk stands. */
    public List<EventKind> getKinds() {
        List<EventKind> kinds = new ArrayList<>(EnumSet.allOf(EventKind.class));
        if (episode == null || episode.highRisk() == null) {
            kinds.remove(EventKind.RISK_ADDRESSED);
        }
        return kinds;
    }

    /** The days in each status, in the statuses' order, for the table. */
    public List<Map.Entry<EpisodeStatus, Long>> getDaysIn() {
        return episode.daysIn().entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .toList();
    }

    public List<EpisodeStatus> getAllowedMoves() {
        return episode.allowedMoves().stream().sorted().toList();
    }

    public LevelOfCare[] getLevels() {
        return LevelOfCare.values();
    }

    public OfferedBy[] getOfferers() {
        return OfferedBy.values();
    }

    public OfferResponse[] getResponses() {
        return OfferResponse.values();
    }

    public RefusalReason[] getReasons() {
        return RefusalReason.values();
    }

    public StageOfChange[] getStages() {
        return StageOfChange.values();
    }

    public CriticalEventKind[] getCriticalEvents() {
        return CriticalEventKind.values();
    }

    public HarmReduction[] getHarmReductions() {
        return HarmReduction.values();
    }

    public FamilyStrategy[] getStrategies() {
        return FamilyStrategy.values();
    }

    /** The stage-of-change chart's configuration, or null when nothing was read yet. */
    public String getStageChart() {
        if (episode == null) {
            return null;
        }
        FacesContext faces = FacesContext.getCurrentInstance();
        return StageChart.of(episode.stages(), faces.getApplication().getResourceBundle(faces, "i18n"));
    }

    public Long getMemberId() {
        return memberId;
    }

    public void setMemberId(Long memberId) {
        this.memberId = memberId;
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public EpisodeView getEpisode() {
        return episode;
    }

    public EventKind getKind() {
        return kind;
    }

    public void setKind(EventKind kind) {
        this.kind = kind;
    }

    public LocalDate getOn() {
        return on;
    }

    public void setOn(LocalDate on) {
        this.on = on;
    }

    public EpisodeStatus getToStatus() {
        return toStatus;
    }

    public void setToStatus(EpisodeStatus toStatus) {
        this.toStatus = toStatus;
    }

    public LevelOfCare getLevelOfCare() {
        return levelOfCare;
    }

    public void setLevelOfCare(LevelOfCare levelOfCare) {
        this.levelOfCare = levelOfCare;
    }

    public String getProvider() {
        return provider;
    }

    public void setProvider(String provider) {
        this.provider = provider;
    }

    public OfferedBy getOfferedBy() {
        return offeredBy;
    }

    public void setOfferedBy(OfferedBy offeredBy) {
        this.offeredBy = offeredBy;
    }

    public String getOfferHow() {
        return offerHow;
    }

    public void setOfferHow(String offerHow) {
        this.offerHow = offerHow;
    }

    public OfferResponse getResponse() {
        return response;
    }

    public void setResponse(OfferResponse response) {
        this.response = response;
    }

    public List<RefusalReason> getRefusalReasons() {
        return refusalReasons;
    }

    public void setRefusalReasons(List<RefusalReason> refusalReasons) {
        this.refusalReasons = refusalReasons;
    }

    public StageOfChange getStage() {
        return stage;
    }

    public void setStage(StageOfChange stage) {
        this.stage = stage;
    }

    public CriticalEventKind getCriticalEvent() {
        return criticalEvent;
    }

    public void setCriticalEvent(CriticalEventKind criticalEvent) {
        this.criticalEvent = criticalEvent;
    }

    public HarmReduction getHarmReduction() {
        return harmReduction;
    }

    public void setHarmReduction(HarmReduction harmReduction) {
        this.harmReduction = harmReduction;
    }

    public FamilyStrategy getFamilyStrategy() {
        return familyStrategy;
    }

    public void setFamilyStrategy(FamilyStrategy familyStrategy) {
        this.familyStrategy = familyStrategy;
    }

    public LocalDate getFollowUpOn() {
        return followUpOn;
    }

    public void setFollowUpOn(LocalDate followUpOn) {
        this.followUpOn = followUpOn;
    }

    public String getNote() {
        return note;
    }

    public void setNote(String note) {
        this.note = note;
    }

    public Long getVoiding() {
        return voiding;
    }

    public String getVoidReason() {
        return voidReason;
    }

    public void setVoidReason(String voidReason) {
        this.voidReason = voidReason;
    }
}
