package org.hearth.web.view.episodes;

import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.PhaseId;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.hearth.engagement.LevelOfCare;
import org.hearth.referrals.EpisodeReferrals;
import org.hearth.referrals.NewReferral;
import org.hearth.referrals.NewReferralStep;
import org.hearth.referrals.NotArrivedReason;
import org.hearth.referrals.ProviderChoice;
import org.hearth.referrals.ReferralStepKind;
import org.hearth.referrals.ReferralView;
import org.hearth.referrals.Referrals;
import org.hearth.security.Conflict;
import org.hearth.time.ClinicClock;
import org.hearth.web.security.CurrentStaff;
import org.hearth.web.view.Confirmations;
import org.hearth.web.view.Failures;

/**
 * The episode page's referral section (WEB-INF/includes/episode-referral.xhtml): an open window of opportunity, an
 * accepted offer turned into a referral (the provider picked from the plan's shortlist or the directory), the open
 * referral's steps with the next one to record, "arrived" and "did not arrive", and past referrals. Each change
 * reloads the page so the episode's status and timeline above show what it did.
 */
@Named
@ViewScoped
public class ReferralBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private Referrals referrals;

    @Inject
    private EpisodeBacking episodeBacking;

    @Inject
    private CurrentStaff currentStaff;

    private EpisodeReferrals state;
    private transient int readIn;
    private transient boolean readForRendering;
    private List<ProviderChoice> choices;

    private Long offerEventId;
    private String providerName;
    private Long providerId;
    private LevelOfCare levelOfCare;

    private ReferralStepKind stepKind;
    private LocalDate stepOn;
    private LocalDateTime intakeAt;
    private NotArrivedReason reason;
    private String note;

    /**
     * The episode's referrals, read again for each answer's rendering: an event recorded above in the same request
     * (an accepted offer, a critical event) shows here at once.
     */
    public EpisodeReferrals getState() {
        FacesContext faces = FacesContext.getCurrentInstance();
        int request = System.identityHashCode(faces);
        boolean rendering = faces.getCurrentPhaseId() == PhaseId.RENDER_RESPONSE;
        if (request != readIn || (rendering && !readForRendering)) {
            state = null;
            readIn = request;
            readForRendering = rendering;
        }
        if (state == null && episodeBacking.getEpisode() != null) {
            try {
                state = referrals.ofEpisode(episodeBacking.getId());
                prepare();
            } catch (RuntimeException e) {
                Failures.show(e, "referral-form", Map.of());
            }
        }
        return state;
    }

    private void prepare() {
        if (!state.offersToRefer().isEmpty() && offerEventId == null) {
            offerEventId = state.offersToRefer().get(0).eventId();
        }
        if (levelOfCare == null) {
            levelOfCare = state.proposedLevel();
        }
        ReferralView open = getOpen();
        if (open != null && stepKind == null) {
            stepKind = open.nextStep();
        }
        if (stepOn == null) {
            stepOn = ClinicClock.current().today();
        }
    }

    /** The open referral, or null. */
    public ReferralView getOpen() {
        EpisodeReferrals s = getState();
        return s == null
                ? null
                : s.referrals().stream().filter(ReferralView::open).findFirst().orElse(null);
    }

    /** The closed referrals, newest first. */
    public List<ReferralView> getPast() {
        EpisodeReferrals s = getState();
        return s == null
                ? List.of()
                : s.referrals().stream().filter(r -> !r.open()).toList();
    }

    /** Whether the counselor may make a referral now: an accepted offer not referred, no open referral. */
    public boolean isMayStart() {
        EpisodeReferrals s = getState();
        return s != null
                && currentStaff.hasRole("counselor")
                && !s.offersToRefer().isEmpty()
                && getOpen() == null;
    }

    /** The providers the picker offers: the plan's shortlist first, then the directory's matches. */
    public List<ProviderChoice> getChoices() {
        if (choices == null && isMayStart()) {
            findProviders();
        }
        return choices == null ? List.of() : choices;
    }

    public void findProviders() {
        try {
            choices = referrals.providerChoices(episodeBacking.getId(), providerName);
            if (providerId == null && !choices.isEmpty()) {
                providerId = choices.get(0).id();
            }
        } catch (RuntimeException e) {
            Failures.show(e, "referral-form", Map.of());
        }
    }

    /** Makes the referral and reloads the page, where the episode now stands at PREPARING. */
    public String start() {
        try {
            referrals.start(episodeBacking.getId(), new NewReferral(offerEventId, providerId, levelOfCare));
            Confirmations.showAfterRedirect("referrals.made");
            return reload();
        } catch (RuntimeException e) {
            showFailure(e);
            return null;
        }
    }

    /** Records the chosen step of the open referral and reloads the page. */
    public String recordStep() {
        ReferralView open = getOpen();
        if (open == null) {
            return null;
        }
        try {
            referrals.recordStep(
                    open.id(),
                    new NewReferralStep(
                            stepKind,
                            stepOn,
                            null,
                            stepKind == ReferralStepKind.INTAKE_BOOKED ? intakeAt : null,
                            stepKind == ReferralStepKind.DID_NOT_ARRIVE ? reason : null,
                            note,
                            open.version()));
            Confirmations.showAfterRedirect(
                    stepKind == ReferralStepKind.ARRIVED
                            ? "referrals.step.arrived"
                            : stepKind == ReferralStepKind.DID_NOT_ARRIVE
                                    ? "referrals.step.notArrived"
                                    : "referrals.step.recorded");
            return reload();
        } catch (RuntimeException e) {
            showFailure(e);
            return null;
        }
    }

    private void showFailure(RuntimeException e) {
        if (Failures.causeOf(e) instanceof Conflict conflict && conflict.getSubject() == Conflict.Subject.LOCKED) {
            Confirmations.show("referrals.oneOpen");
            state = null;
            return;
        }
        if (Failures.isStale(e)) {
            state = null; // read the referral again: the colleague's step shows, what was typed stays
        }
        Failures.show(e, "referral-form", Map.of("offerEventId", "offer", "providerId", "provider"));
    }

    private String reload() {
        return "/episodes/episode.xhtml?faces-redirect=true&id=" + episodeBacking.getId();
    }

    public ReferralStepKind[] getStepKinds() {
        return ReferralStepKind.values();
    }

    public NotArrivedReason[] getReasons() {
        return NotArrivedReason.values();
    }

    public LevelOfCare[] getLevels() {
        return LevelOfCare.values();
    }

    public Long getOfferEventId() {
        return offerEventId;
    }

    public void setOfferEventId(Long offerEventId) {
        this.offerEventId = offerEventId;
    }

    public String getProviderName() {
        return providerName;
    }

    public void setProviderName(String providerName) {
        this.providerName = providerName;
    }

    public Long getProviderId() {
        return providerId;
    }

    public void setProviderId(Long providerId) {
        this.providerId = providerId;
    }

    public LevelOfCare getLevelOfCare() {
        return levelOfCare;
    }

    public void setLevelOfCare(LevelOfCare levelOfCare) {
        this.levelOfCare = levelOfCare;
    }

    public ReferralStepKind getStepKind() {
        return stepKind;
    }

    public void setStepKind(ReferralStepKind stepKind) {
        this.stepKind = stepKind;
    }

    public LocalDate getStepOn() {
        return stepOn;
    }

    public void setStepOn(LocalDate stepOn) {
        this.stepOn = stepOn;
    }

    public LocalDateTime getIntakeAt() {
        return intakeAt;
    }

    public void setIntakeAt(LocalDateTime intakeAt) {
        this.intakeAt = intakeAt;
    }

    public NotArrivedReason getReason() {
        return reason;
    }

    public void setReason(NotArrivedReason reason) {
        this.reason = reason;
    }

    public String getNote() {
        return note;
    }

    public void setNote(String note) {
        this.note = note;
    }
}
