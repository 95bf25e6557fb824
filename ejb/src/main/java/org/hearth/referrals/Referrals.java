package org.hearth.referrals;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.hearth.audit.AuditAction;
import org.hearth.audit.AuditEvent;
import org.hearth.audit.AuditTrail;
import org.hearth.engagement.EngagementEpisode;
import org.hearth.engagement.EpisodeEvent;
import org.hearth.engagement.EpisodeStatus;
import org.hearth.engagement.EpisodeTransitions;
import org.hearth.engagement.Episodes;
import org.hearth.engagement.EventKind;
import org.hearth.engagement.LevelOfCare;
import org.hearth.engagement.NewEpisodeEvent;
import org.hearth.engagement.OfferResponse;
import org.hearth.engagement.StalledReferral;
import org.hearth.engagement.WindowOfOpportunity;
import org.hearth.family.FamilyAccessPolicy;
import org.hearth.providers.TreatmentProvider;
import org.hearth.security.Conflict;
import org.hearth.security.Invalid;
import org.hearth.security.NotFound;
import org.hearth.security.Refused;
import org.hearth.security.Role;
import org.hearth.staff.StaffMember;
import org.hearth.staff.StaffMembers;
import org.hearth.time.ClinicClock;

/**
 * Referrals from an accepted treatment offer to the first day of treatment. The same people as for the episode:
 * the family's counselors make a referral and record its steps, they and the supervisors of the family's program
 * read, the front desk never. Making a referral moves the episode to PREPARING; "arrived" records the entry into
 * treatment at the referral's level of care; "did not arrive" puts the episode back where it stood and the
 * referral stays in the history. Status changes go through {@link Episodes#record}, so the episode's own rules
 * (allowed moves, dates) hold and the timeline shows them. The episode's row is locked while a referral changes,
 * so two counselors cannot both open one; every change names the version read. Every read and change is audited.
 */
@Stateless
@RolesAllowed({Role.Names.COUNSELOR, Role.Names.SUPERVISOR})
public class Referrals {

    /** The time a step of an earlier day is taken to have happened at, when the counselor gives none. */
    static final LocalTime DEFAULT_STEP_TIME = LocalTime.NOON;

    @PersistenceContext
    private EntityManager em;

    @Resource
    private SessionContext context;

    @Inject
    private FamilyAccessPolicy access;

    @EJB
    private AuditTrail audit;

    @EJB
    private Episodes episodes;

    @Inject
    private ClinicClock clock;

    /**
     * An episode's referrals (newest first), the accepted offers not referred yet, the plan's proposed level and an
     * open window of opportunity: the family's counselors and its program's supervisors. Audited.
     */
    public EpisodeReferrals ofEpisode(long episodeId) {
        EngagementEpisode episode = episode(episodeId, false);
        access.requireClinicalRead(episode.getFamily());
        List<Referral> found = em.createQuery(
                        "select r from Referral r join fetch r.provider where r.episode = :episode"
                                + " order by r.startedAt desc, r.id desc",
                        Referral.class)
                .setParameter("episode", episode)
                .getResultList();
        Map<Long, List<ReferralStep>> steps = stepsOf(found);
        Map<String, String> names = new HashMap<>();
        List<ReferralView> referrals = found.stream()
                .map(r -> view(r, steps.getOrDefault(r.getId(), List.of()), names))
                .toList();
        LocalDate today = clock.today();
        EpisodeEvent windowEvent =
                WindowOfOpportunity.isOpen(episode.getWindowOpenUntil(), today) && episode.getWindowEventId() != null
                        ? em.find(EpisodeEvent.class, episode.getWindowEventId())
                        : null;
        EpisodeReferrals answer = new EpisodeReferrals(
                episode.getId(),
                episode.getStatus(),
                windowEvent == null ? null : episode.getWindowOpenUntil(),
                windowEvent == null ? null : windowEvent.getCriticalEvent(),
                windowEvent == null ? null : windowEvent.getOccurredOn(),
                proposedLevel(episodeId),
                offersToRefer(episode),
                referrals);
        audit.record(AuditEvent.allowedOnFamily(
                AuditAction.READ_REFERRAL,
                "EngagementEpisode",
                episodeId,
                episode.getFamily().getId()));
        return answer;
    }

    /** One referral with its steps, for the same readers as its episode. Audited. */
    public ReferralView read(long referralId) {
        Referral referral = referral(referralId);
        access.requireClinicalRead(referral.getEpisode().getFamily());
        ReferralView view = view(referral);
        audit.record(AuditEvent.allowedOnFamily(
                AuditAction.READ_REFERRAL,
                "Referral",
                referralId,
                referral.getEpisode().getFamily().getId()));
        return view;
    }

    /**
     * The providers a referral of this episode may go to, for the family's counselors: the plan's shortlist first,
     * then active directory entries whose name contains {@code name} (all of them when blank), at most 20 in all.
     */
    @RolesAllowed(Role.Names.COUNSELOR)
    public List<ProviderChoice> providerChoices(long episodeId, String name) {
        EngagementEpisode episode = episode(episodeId, false);
        requireCounselor(episode);
        LocalDate today = clock.today();
        Set<Long> shortlist = Set.copyOf(shortlist(episodeId));
        String pattern = name == null || name.isBlank()
                ? "%"
                : "%"
                        + name.strip()
                                .toLowerCase()
                                .replace("\\", "\\\\")
                                .replace("%", "\\%")
                                .replace("_", "\\_") + "%";
        Map<Long, ProviderChoice> choices = new LinkedHashMap<>();
        em.createQuery(
                        "select p from TreatmentProvider p where p.active = true and (p.id in :shortlist"
                                + " or lower(p.name) like :pattern escape '\\') order by"
                                + " case when p.id in :shortlist then 0 else 1 end, lower(p.name), p.id",
                        TreatmentProvider.class)
                .setParameter("shortlist", shortlist.isEmpty() ? Set.of(-1L) : shortlist)
                .setParameter("pattern", pattern)
                .setMaxResults(20)
                .getResultStream()
                .forEach(p -> choices.put(
                        p.getId(),
                        new ProviderChoice(
                                p.getId(),
                                p.getName(),
                                p.getCity(),
                                p.getPhone(),
                                p.getLevelsOfCare(),
                                shortlist.contains(p.getId()),
                                p.isStale(today))));
        audit.record(AuditEvent.allowedOnFamily(
                AuditAction.READ_REFERRAL,
                "EngagementEpisode",
                episodeId,
                episode.getFamily().getId()));
        return List.copyOf(choices.values());
    }

    /**
     * Makes a referral from an accepted offer: a counselor with the family on their caseload. The offer must be an
     * accepted treatment offer of this episode, not voided and not referred already; the provider an active entry
     * of the directory; the level of care given or proposed by the ready plan. One open referral per episode (409).
     * The episode moves to PREPARING when it is not there already and the move is allowed.
     */
    @RolesAllowed(Role.Names.COUNSELOR)
    public ReferralView start(long episodeId, @NotNull(message = "{referral.required}") @Valid NewReferral referral) {
        EngagementEpisode episode = episode(episodeId, true);
        requireCounselor(episode);
        if (openReferralOf(episode) != null) {
            throw new Conflict(
                    Conflict.Subject.LOCKED,
                    "This loved one already has an open referral: record that they arrived or did not arrive first.");
        }
        List<Invalid.Reason> reasons = new ArrayList<>();
        EpisodeEvent offer = em.find(EpisodeEvent.class, referral.offerEventId());
        if (offer == null
                || !offer.getEpisode().getId().equals(episode.getId())
                || offer.getKind() != EventKind.TREATMENT_OFFERED
                || offer.getResponse() != OfferResponse.ACCEPTED
                || offer.isVoided()) {
            reasons.add(Invalid.Reason.plain("offerEventId", "referral.offer.notAccepted"));
        } else if (referredAlready(offer.getId())) {
            reasons.add(Invalid.Reason.plain("offerEventId", "referral.offer.referred"));
        }
        TreatmentProvider provider = em.find(TreatmentProvider.class, referral.providerId());
        if (provider == null || !provider.isActive()) {
            reasons.add(Invalid.Reason.plain("providerId", "referral.provider.unknown"));
        }
        LevelOfCare level = referral.levelOfCare() != null ? referral.levelOfCare() : proposedLevel(episodeId);
        if (level == null) {
            reasons.add(Invalid.Reason.plain("levelOfCare", "referral.level.required"));
        }
        if (!reasons.isEmpty()) {
            throw new Invalid(Invalid.Subject.REFERRAL, reasons);
        }
        EpisodeStatus before = episode.getStatus();
        Instant now = clock.now();
        Referral made = new Referral(
                episode,
                provider,
                offer.getId(),
                level,
                offer.getOccurredOn(),
                before,
                planReady(episodeId),
                callerName(),
                now);
        em.persist(made);
        if (before != EpisodeStatus.PREPARING && EpisodeTransitions.isAllowed(before, EpisodeStatus.PREPARING)) {
            episodes.record(
                    episodeId, statusChange(EpisodeStatus.PREPARING, clock.today(), null, provider.getName(), null));
        }
        em.flush();
        audit.record(AuditEvent.allowedOnFamily(
                AuditAction.START_REFERRAL,
                "Referral",
                made.getId(),
                episode.getFamily().getId()));
        return view(made);
    }

    /**
     * Records a step of an open referral: a counselor with the family on their caseload, naming the referral's
     * version they read (409 "referral" otherwise). The step's day is not in the future nor before the offer was
     * accepted; a booked intake needs its day and time, "did not arrive" its reason. "Arrived" records the entry
     * into treatment at the referral's level of care on that day, with the provider's name; "did not arrive" moves
     * the episode back to where it stood when the referral was made (when it moved and the move is allowed).
     */
    @RolesAllowed(Role.Names.COUNSELOR)
    public ReferralView recordStep(
            long referralId, @NotNull(message = "{referral.step.required}") @Valid NewReferralStep step) {
        Referral found = referral(referralId);
        EngagementEpisode episode = episode(found.getEpisode().getId(), true);
        requireCounselor(episode);
        em.refresh(found); // read again under the episode's lock
        Conflict.requireVersion(step.version(), found.getVersion(), "referral");
        if (!found.isOpen()) {
            throw new Invalid(Invalid.Subject.REFERRAL, Invalid.Reason.plain("kind", "referral.step.closed"));
        }
        em.lock(found, LockModeType.PESSIMISTIC_FORCE_INCREMENT); // every step moves the version a reader named
        Instant now = clock.now();
        LocalDate today = clock.today();
        ZoneId zone = clock.zone();
        List<Invalid.Reason> reasons = new ArrayList<>();
        if (step.on().isAfter(today)) {
            reasons.add(
                    Invalid.Reason.of("on", "referral.step.future", step.on().toString()));
        } else if (step.on().isBefore(found.getAcceptedOn())) {
            reasons.add(Invalid.Reason.of(
                    "on", "referral.step.beforeAccepted", found.getAcceptedOn().toString()));
        }
        Instant occurredAt = step.at() == null && step.on().equals(today)
                ? now
                : step.on()
                        .atTime(step.at() != null ? step.at() : DEFAULT_STEP_TIME)
                        .atZone(zone)
                        .toInstant();
        if (step.at() != null && step.on().equals(today) && occurredAt.isAfter(now)) {
            reasons.add(
                    Invalid.Reason.of("at", "referral.step.future", step.at().toString()));
        }
        Instant intakeAt = null;
        if (step.kind() == ReferralStepKind.INTAKE_BOOKED) {
            if (step.intakeAt() == null) {
                reasons.add(Invalid.Reason.plain("intakeAt", "referral.step.intake.required"));
            } else if (step.intakeAt().toLocalDate().isBefore(found.getAcceptedOn())) {
                reasons.add(Invalid.Reason.of(
                        "intakeAt",
                        "referral.step.intake.beforeAccepted",
                        found.getAcceptedOn().toString()));
            } else {
                intakeAt = step.intakeAt().atZone(zone).toInstant();
            }
        }
        if (step.kind() == ReferralStepKind.DID_NOT_ARRIVE && step.reason() == null) {
            reasons.add(Invalid.Reason.plain("reason", "referral.step.reason.required"));
        }
        if (step.kind() == ReferralStepKind.DID_NOT_ARRIVE
                && step.reason() == NotArrivedReason.OTHER
                && (step.note() == null || step.note().isBlank())) {
            reasons.add(Invalid.Reason.plain("note", "referral.step.reason.otherNote"));
        }
        if (!reasons.isEmpty()) {
            throw new Invalid(Invalid.Subject.REFERRAL, reasons);
        }
        ReferralStep taken = new ReferralStep(
                found,
                step.kind(),
                occurredAt,
                intakeAt,
                step.kind() == ReferralStepKind.DID_NOT_ARRIVE ? step.reason() : null,
                step.note() == null || step.note().isBlank()
                        ? null
                        : step.note().strip(),
                callerName(),
                now);
        em.persist(taken);
        found.took(taken, step.on());
        if (step.kind() == ReferralStepKind.ARRIVED && episode.getStatus() != EpisodeStatus.ENTERED_TREATMENT) {
            episodes.record(
                    episode.getId(),
                    statusChange(
                            EpisodeStatus.ENTERED_TREATMENT,
                            step.on(),
                            found.getLevelOfCare(),
                            found.getProvider().getName(),
                            step.note()));
        } else if (step.kind() == ReferralStepKind.DID_NOT_ARRIVE
                && episode.getStatus() != found.getStatusBefore()
                && EpisodeTransitions.isAllowed(episode.getStatus(), found.getStatusBefore())) {
            episodes.record(
                    episode.getId(),
                    statusChange(found.getStatusBefore(), backOn(found, step.on()), null, null, step.note()));
        }
        em.flush();
        audit.record(AuditEvent.allowedOnFamily(
                AuditAction.RECORD_REFERRAL_STEP,
                "Referral",
                found.getId(),
                episode.getFamily().getId()));
        return view(found);
    }

    /**
     * The day "did not arrive" moves the episode back: the step's day, but not before the day the referral was made
     * (when it moved the episode to PREPARING), since a status change cannot be older than the one before it.
     */
    private LocalDate backOn(Referral referral, LocalDate stepOn) {
        LocalDate started = LocalDate.ofInstant(referral.getStartedAt(), clock.zone());
        return stepOn.isBefore(started) ? started : stepOn;
    }

    private static NewEpisodeEvent statusChange(
            EpisodeStatus to, LocalDate on, LevelOfCare level, String provider, String note) {
        String clipped = note == null || note.isBlank() ? null : note.strip();
        if (clipped != null && clipped.length() > 2000) {
            clipped = clipped.substring(0, 2000);
        }
        String name = provider != null && provider.length() > 200 ? provider.substring(0, 200) : provider;
        return new NewEpisodeEvent(
                EventKind.STATUS_CHANGE,
                on,
                to,
                level,
                name,
                null,
                null,
                null,
                Set.of(),
                null,
                null,
                null,
                null,
                null,
                null,
                clipped);
    }

    /** The steps of these referrals, in the order they happened, read in one query. */
    private Map<Long, List<ReferralStep>> stepsOf(List<Referral> referrals) {
        if (referrals.isEmpty()) {
            return Map.of();
        }
        return em.createQuery(
                        "select s from ReferralStep s where s.referral in :referrals order by s.occurredAt, s.id",
                        ReferralStep.class)
                .setParameter("referrals", referrals)
                .getResultStream()
                .collect(Collectors.groupingBy(s -> s.getReferral().getId(), LinkedHashMap::new, Collectors.toList()));
    }

    private ReferralView view(Referral r) {
        return view(r, stepsOf(List.of(r)).getOrDefault(r.getId(), List.of()), new HashMap<>());
    }

    private ReferralView view(Referral r, List<ReferralStep> taken, Map<String, String> names) {
        ZoneId zone = clock.zone();
        List<ReferralView.Step> steps = taken.stream()
                .map(s -> new ReferralView.Step(
                        s.getId(),
                        s.getKind(),
                        s.getOccurredAt(),
                        s.getIntakeAt() == null ? null : LocalDateTime.ofInstant(s.getIntakeAt(), zone),
                        s.getReason(),
                        s.getNote(),
                        names.computeIfAbsent(s.getRecordedBy(), this::nameOf),
                        s.getRecordedAt()))
                .toList();
        return new ReferralView(
                r.getId(),
                r.getEpisode().getId(),
                r.getProvider().getId(),
                r.getProvider().getName(),
                r.getProvider().getPhone(),
                r.getLevelOfCare(),
                r.getOfferEventId(),
                r.getAcceptedOn(),
                r.getStartedAt(),
                names.computeIfAbsent(r.getCreatedBy(), this::nameOf),
                r.getStatusBefore(),
                r.isPlanReadyAtAcceptance(),
                r.getIntakeAt() == null ? null : LocalDateTime.ofInstant(r.getIntakeAt(), zone),
                r.getLastStepAt(),
                r.getOutcome(),
                r.getOutcomeOn(),
                r.getNotArrivedReason(),
                r.isOpen()
                        ? StalledReferral.of(r.getLastStepAt(), r.getIntakeAt(), clock.now())
                                .orElse(null)
                        : null,
                r.isOpen()
                        ? NextStep.after(
                                steps.stream().map(ReferralView.Step::kind).toList())
                        : null,
                steps,
                r.getVersion());
    }

    private List<EpisodeReferrals.AcceptedOffer> offersToRefer(EngagementEpisode episode) {
        return em.createQuery(
                        "select e from EpisodeEvent e where e.episode = :episode and e.kind = :offer"
                                + " and e.response = :accepted and e.voidedAt is null and not exists"
                                + " (select r.id from Referral r where r.offerEventId = e.id)"
                                + " order by e.occurredOn desc, e.id desc",
                        EpisodeEvent.class)
                .setParameter("episode", episode)
                .setParameter("offer", EventKind.TREATMENT_OFFERED)
                .setParameter("accepted", OfferResponse.ACCEPTED)
                .getResultStream()
                .map(e -> new EpisodeReferrals.AcceptedOffer(e.getId(), e.getOccurredOn(), e.getOfferedBy()))
                .toList();
    }

    private boolean referredAlready(long offerEventId) {
        return !em.createQuery("select r.id from Referral r where r.offerEventId = :offer", Long.class)
                .setParameter("offer", offerEventId)
                .getResultList()
                .isEmpty();
    }

    private Referral openReferralOf(EngagementEpisode episode) {
        return em.createQuery(
                        "select r from Referral r where r.episode = :episode and r.outcome = :open", Referral.class)
                .setParameter("episode", episode)
                .setParameter("open", ReferralOutcome.OPEN)
                .getResultStream()
                .findFirst()
                .orElse(null);
    }

    /** The level of care the episode's ready plan proposes, or null (read from the plan's table, issue 24). */
    private LevelOfCare proposedLevel(long episodeId) {
        List<?> rows = em.createNativeQuery("select proposed_level from ready_plan where episode_id = ?1")
                .setParameter(1, episodeId)
                .getResultList();
        return rows.isEmpty() || rows.get(0) == null
                ? null
                : LevelOfCare.valueOf(rows.get(0).toString());
    }

    /** Whether the episode's ready plan is ready now. */
    private boolean planReady(long episodeId) {
        List<?> rows = em.createNativeQuery("select ready_since from ready_plan where episode_id = ?1")
                .setParameter(1, episodeId)
                .getResultList();
        return !rows.isEmpty() && rows.get(0) != null;
    }

    /** The providers on the episode's ready plan's shortlist, in the plan's order. */
    private List<Long> shortlist(long episodeId) {
        List<?> rows = em.createNativeQuery("select pp.provider_id from plan_provider pp join ready_plan rp"
                        + " on rp.id = pp.plan_id where rp.episode_id = ?1 order by pp.position, pp.id")
                .setParameter(1, episodeId)
                .getResultList();
        return rows.stream().map(r -> ((Number) r).longValue()).toList();
    }

    private String nameOf(String username) {
        return new StaffMembers(em)
                .byUsername(username)
                .map(StaffMember::getDisplayName)
                .orElse(username);
    }

    private void requireCounselor(EngagementEpisode episode) {
        if (!access.onCaseload(episode.getFamily())) {
            throw new Refused(
                    "referrals are made and followed by the family's counselors",
                    episode.getFamily().getId());
        }
    }

    private Referral referral(long referralId) {
        Referral referral = em.find(Referral.class, referralId);
        if (referral == null) {
            throw new NotFound("referral", referralId);
        }
        return referral;
    }

    private EngagementEpisode episode(long episodeId, boolean lock) {
        EngagementEpisode episode = lock
                ? em.find(EngagementEpisode.class, episodeId, LockModeType.PESSIMISTIC_WRITE)
                : em.find(EngagementEpisode.class, episodeId);
        if (episode == null) {
            throw new NotFound("episode", episodeId);
        }
        return episode;
    }

    private String callerName() {
        return context.getCallerPrincipal().getName();
    }
}
