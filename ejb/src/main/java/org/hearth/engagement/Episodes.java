package org.hearth.engagement;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.hearth.access.AccessRules;
import org.hearth.audit.AuditAction;
import org.hearth.audit.AuditEvent;
import org.hearth.audit.AuditTrail;
import org.hearth.family.FamilyAccessPolicy;
import org.hearth.family.FamilyMember;
import org.hearth.family.LovedOne;
import org.hearth.family.SafetyScreen;
import org.hearth.family.StageOfChange;
import org.hearth.notes.NoteStatus;
import org.hearth.security.Conflict;
import org.hearth.security.Invalid;
import org.hearth.security.NotFound;
import org.hearth.security.Refused;
import org.hearth.security.Role;
import org.hearth.staff.StaffMember;
import org.hearth.staff.StaffMembers;
import org.hearth.time.ClinicClock;
import org.hearth.time.ClinicTime;

/**
 * Loved ones' engagement episodes. The family's counselors record events (append-only) and void mistaken
 * ones with a reason; the family's program's supervisors read. The episode's status is always the one its
 * valid status changes lead to, checked against {@link EpisodeTransitions}; the durations are derived from
 * the events ({@link EpisodeTimeline}), never typed in. The episode's row is locked while an event is
 * recorded, so two counselors recording at once both get theirs in, one after the other. Every read and
 * change is audited on the family.
 */
@Stateless
@RolesAllowed({Role.Names.COUNSELOR, Role.Names.SUPERVISOR})
public class Episodes {

    @PersistenceContext
    private EntityManager em;

    @Resource
    private SessionContext context;

    @Inject
    private FamilyAccessPolicy access;

    @EJB
    private AuditTrail audit;

    @Inject
    private ClinicClock clock;

    /** The episode with its timeline: the family's counselors and its program's supervisors. Audited. */
    public EpisodeView read(long episodeId) {
        EngagementEpisode episode = episode(episodeId, false);
        access.requireClinicalRead(episode.getFamily());
        audit.record(AuditEvent.allowedOnFamily(
                AuditAction.READ_EPISODE,
                "EngagementEpisode",
                episodeId,
                episode.getFamily().getId()));
        return view(episode);
    }

    /** A family's episodes, for the same readers. Audited. */
    public List<EpisodeView> ofFamily(long familyId) {
        access.requireClinicalRead(access.family(familyId));
        List<EpisodeView> views = em.createQuery(
                        "select e from EngagementEpisode e join fetch e.lovedOne where e.family.id = :family order by e.id",
                        EngagementEpisode.class)
                .setParameter("family", familyId)
                .getResultStream()
                .map(this::view)
                .toList();
        audit.record(AuditEvent.allowedOnFamily(AuditAction.READ_EPISODE, "Family", familyId, familyId));
        return views;
    }

    /** Whose episodes a list shows: the caller's caseload, or the families of the programs they supervise. */
    public enum Scope {
        MINE,
        PROGRAMS
    }

    /** How long without any event before an open episode needs attention. */
    public static final int QUIET_DAYS = 30;

    /**
     * The episodes, with the open referral of each when there is one (at most one per episode, so no row repeats);
     * the referral is named by its entity's name so this feature does not depend on the referrals' code.
     */
    private static final String ATTENTION_FROM = " from EngagementEpisode e join e.family f join e.lovedOne l"
            + " left join Referral r on r.episode = e and r.outcome = org.hearth.referrals.ReferralOutcome.OPEN";

    /** An open referral that stalled ({@link StalledReferral}): the intake time passed, or 24 hours without a step. */
    private static final String STALLED =
            "(r.id is not null and (r.intakeAt < :now" + " or (r.intakeAt is null and r.lastStepAt <= :stallBefore)))";

    private static final String NEEDS_ATTENTION = " e.status not in :closing and (e.nextFollowUpOn < :today"
            + " or e.highRiskReason is not null or e.lastEventOn < :quietSince or e.windowOpenUntil >= :today or "
            + STALLED + ")";

    /**
     * Open episodes needing attention - a stalled referral, overdue follow-up, high risk, an open window of
     * opportunity, or no event for {@value #QUIET_DAYS} days - stalled referrals first, then high risk, then open
     * windows, then the most overdue follow-up: the caller's caseload ({@link Scope#MINE}, a
     * counselor) or their programs ({@link Scope#PROGRAMS}, a supervisor). One page, from the database.
     */
    public List<NeedsAttention> needingAttention(@NotNull Scope scope, int first, int max) {
        return needingAttention(scope, AttentionSort.PRIORITY, false, first, max);
    }

    /** How the attention list may be ordered; ties fall back to the priority order, then the episode. */
    public enum AttentionSort {
        /** A stalled referral first, then high risk, then an open window of opportunity, then the most overdue follow-up. */
        PRIORITY("case when " + STALLED + " then 0 else 1 end, case when e.highRiskReason is null then 1 else 0 end,"
                + " case when e.windowOpenUntil >= :today then 0 else 1 end, e.nextFollowUpOn"),
        FAMILY("lower(f.name)"),
        LOVED_ONE("lower(l.alias)"),
        STATUS(Arrays.stream(EpisodeStatus.values())
                .map(s -> " when '" + s.name() + "' then " + s.ordinal())
                .collect(Collectors.joining("", "case cast(e.status as String)", " end"))),
        FOLLOW_UP("e.nextFollowUpOn"),
        LAST_EVENT("e.lastEventOn");

        private final String expression;

        AttentionSort(String expression) {
            this.expression = expression;
        }
    }

    /**
     * The same list in the order the reader chose ({@code descending} reverses it, except the priority order;
     * empty dates sort last either way), one page from the database.
     */
    public List<NeedsAttention> needingAttention(
            @NotNull Scope scope, @NotNull AttentionSort sort, boolean descending, int first, int max) {
        LocalDate today = clock.today();
        String direction = descending ? " desc nulls last" : " asc nulls last";
        String order = (sort == AttentionSort.PRIORITY
                        ? AttentionSort.PRIORITY.expression
                        : sort.expression + direction + ", " + AttentionSort.PRIORITY.expression)
                + ", e.id";
        var query = em.createQuery(
                        "select e.id, f.id, f.name, f.caseNumber, l.alias, e.status, e.nextFollowUpOn, e.highRiskReason,"
                                + " e.lastEventOn, e.windowOpenUntil, r.lastStepAt, r.intakeAt" + ATTENTION_FROM
                                + " where" + NEEDS_ATTENTION + " and " + scopeOf(scope)
                                + " order by " + order,
                        Object[].class)
                .setFirstResult(Math.max(0, first))
                .setMaxResults(Math.max(1, Math.min(max, 100)));
        Instant now = bind(query, scope, today);
        List<NeedsAttention> rows = query.getResultStream()
                .map(r -> new NeedsAttention(
                        (Long) r[0],
                        (Long) r[1],
                        (String) r[2],
                        r[3].toString(),
                        (String) r[4],
                        (EpisodeStatus) r[5],
                        (LocalDate) r[6],
                        r[6] != null && ((LocalDate) r[6]).isBefore(today),
                        (RiskAlerts.RiskReason) r[7],
                        (LocalDate) r[8],
                        r[8] != null && ((LocalDate) r[8]).isBefore(today.minusDays(QUIET_DAYS)),
                        WindowOfOpportunity.isOpen((LocalDate) r[9], today) ? (LocalDate) r[9] : null,
                        r[10] == null
                                ? null
                                : StalledReferral.of((Instant) r[10], (Instant) r[11], now)
                                        .orElse(null)))
                .toList();
        audit.record(AuditEvent.listed(
                AuditAction.READ_EPISODE,
                "EngagementEpisode",
                rows.stream().map(NeedsAttention::episodeId).toList()));
        return rows;
    }

    /** How many episodes {@link #needingAttention} has in all, for paging. */
    public long countNeedingAttention(@NotNull Scope scope) {
        LocalDate today = clock.today();
        var query = em.createQuery(
                "select count(e)" + ATTENTION_FROM + " where" + NEEDS_ATTENTION + " and " + scopeOf(scope), Long.class);
        bind(query, scope, today);
        return query.getSingleResult();
    }

    private String scopeOf(Scope scope) {
        if (scope == Scope.MINE) {
            if (!context.isCallerInRole(Role.Names.COUNSELOR)) {
                throw new Refused("a caseload is a counselor's");
            }
            return AccessRules.Jpql.onCaseload("f", ":counselor", ":today");
        }
        if (!context.isCallerInRole(Role.Names.SUPERVISOR)) {
            throw new Refused("programs' episodes are for their supervisors");
        }
        return AccessRules.Jpql.inPrograms("f", ":programs");
    }

    /** Binds the list's parameters; answers the instant "now" it used, so stalled referrals are judged at one time. */
    private Instant bind(Query query, Scope scope, LocalDate today) {
        Instant now = clock.now();
        query.setParameter(
                        "closing",
                        EnumSet.of(
                                EpisodeStatus.DISENGAGED,
                                EpisodeStatus.MOVED_AWAY,
                                EpisodeStatus.DECEASED,
                                EpisodeStatus.CLOSED_OTHER))
                .setParameter("today", today)
                .setParameter("quietSince", today.minusDays(QUIET_DAYS))
                .setParameter("now", now)
                .setParameter("stallBefore", now.minus(StalledReferral.NO_STEP_LIMIT));
        if (scope == Scope.MINE) {
            query.setParameter("counselor", access.caller().staffRecord().getId());
        } else {
            query.setParameter("programs", access.caller().programIds());
        }
        return now;
    }

    /**
     * Records an event: a counselor with the family on their caseload. Refused (400, naming each problem)
     * when a field its kind needs is missing, the date is in the future or before the episode, or a status
     * change is not a move allowed from where the loved one stands (the message lists the allowed ones).
     */
    @RolesAllowed(Role.Names.COUNSELOR)
    public EpisodeView record(
            long episodeId, @NotNull(message = "{episode.event.required}") @Valid NewEpisodeEvent event) {
        EngagementEpisode episode = episode(episodeId, true);
        requireCounselor(episode);
        LocalDate today = clock.today();
        EpisodeTimeline before = timeline(episode, today);
        List<Invalid.Reason> reasons = checked(episode, event, before, today);
        if (!reasons.isEmpty()) {
            throw new Invalid(Invalid.Subject.EPISODE_EVENT, reasons);
        }
        EpisodeStatus from = episode.getStatus();
        Instant now = clock.now();
        EpisodeEvent recorded = new EpisodeEvent(episode, event, from, callerName(), now);
        em.persist(recorded);
        LocalDate followUpBefore = episode.getNextFollowUpOn();
        episode.eventOn(event.on());
        EpisodeTimeline timeline = timeline(episode, today);
        episode.standAt(timeline.current());
        followUp(episode, event, timeline);
        window(episode, event, recorded.getId(), timeline, today, followUpBefore);
        RiskAlerts.raisedBy(
                        event.criticalEvent(),
                        from,
                        event.kind() == EventKind.STATUS_CHANGE ? event.toStatus() : from,
                        before.lastLevelOfCare(),
                        before.lastEnteredTreatmentOn(),
                        event.on())
                .ifPresent(reason -> episode.highRisk(reason, now));
        if (event.kind() == EventKind.RISK_ADDRESSED) {
            episode.riskAddressed();
        }
        em.flush();
        audit.record(AuditEvent.allowedOnFamily(
                AuditAction.RECORD_EPISODE_EVENT,
                "EpisodeEvent",
                recorded.getId(),
                episode.getFamily().getId()));
        return view(episode);
    }

    /**
     * Voids a mistaken event with a reason; it stays visible. A status change later ones depend on cannot be
     * voided before them. {@code version} is the episode's version the counselor read (the version of its whole
     * timeline): an episode changed meanwhile (an event recorded or voided by a colleague) is a conflict naming
     * the episode, and nothing is voided. Voiding moves the episode's version even when its status stays.
     */
    @RolesAllowed(Role.Names.COUNSELOR)
    public EpisodeView voidEvent(
            long episodeId,
            long eventId,
            @NotBlank(message = "{episode.void.reason.required}")
                    @Size(max = 500, message = "{episode.void.reason.length}")
                    String reason,
            Long version) {
        EngagementEpisode episode = episode(episodeId, true);
        requireCounselor(episode);
        Conflict.requireVersion(version, episode.getVersion(), "episode");
        em.lock(episode, LockModeType.PESSIMISTIC_FORCE_INCREMENT); // the row is ours already: no wait, no race
        EpisodeEvent event = em.find(EpisodeEvent.class, eventId);
        if (event == null || !event.getEpisode().getId().equals(episode.getId())) {
            throw new NotFound("episode or event", eventId);
        }
        if (event.isVoided()) {
            throw new Invalid(
                    Invalid.Subject.EPISODE_EVENT, List.of(Invalid.Reason.of("eventId", "episode.void.twice")));
        }
        event.voidIt(callerName(), reason.strip(), clock.now());
        if (Long.valueOf(eventId).equals(episode.getWindowEventId())) {
            episode.closeWindow(); // the critical event did not happen: no window
        }
        LocalDate today = clock.today();
        EpisodeTimeline timeline;
        try {
            timeline = timeline(episode, today);
        } catch (IllegalArgumentException later) {
            throw new Invalid(
                    Invalid.Subject.EPISODE_EVENT, List.of(Invalid.Reason.of("eventId", "episode.void.laterDepend")));
        }
        episode.standAt(timeline.current());
        em.flush();
        audit.record(AuditEvent.allowedOnFamily(
                AuditAction.VOID_EPISODE_EVENT,
                "EpisodeEvent",
                eventId,
                episode.getFamily().getId()));
        return view(episode);
    }

    private List<Invalid.Reason> checked(
            EngagementEpisode episode, NewEpisodeEvent e, EpisodeTimeline before, LocalDate today) {
        List<Invalid.Reason> reasons = new ArrayList<>();
        LocalDate opened = openedOn(episode);
        if (e.on().isAfter(today)) {
            reasons.add(Invalid.Reason.of("on", "episode.event.future", e.on().toString()));
        }
        if (e.on().isBefore(opened)) {
            reasons.add(Invalid.Reason.of("on", "episode.event.beforeOpened", opened.toString()));
        }
        switch (e.kind()) {
            case TREATMENT_OFFERED -> {
                if (e.offeredBy() == null) {
                    reasons.add(Invalid.Reason.of("offeredBy", "episode.offer.by.required"));
                }
                if (e.response() == null) {
                    reasons.add(Invalid.Reason.of("response", "episode.offer.response.required"));
                } else if (e.response() == OfferResponse.REFUSED
                        && e.refusalReasons().isEmpty()) {
                    reasons.add(Invalid.Reason.of("refusalReasons", "episode.offer.reasons.required"));
                }
            }
            case STATUS_CHANGE -> {
                EpisodeStatus from = episode.getStatus();
                if (e.toStatus() == null) {
                    reasons.add(Invalid.Reason.of("toStatus", "episode.status.required"));
                } else if (!EpisodeTransitions.isAllowed(from, e.toStatus())) {
                    String allowed = EpisodeTransitions.allowedFrom(from).stream()
                            .map(s -> "@EpisodeStatus." + s)
                            .collect(Collectors.joining(", "));
                    reasons.add(
                            EpisodeTransitions.allowedFrom(from).isEmpty()
                                    ? Invalid.Reason.of("toStatus", "episode.status.final", "@EpisodeStatus." + from)
                                    : Invalid.Reason.of(
                                            "toStatus",
                                            "episode.status.illegal",
                                            "@EpisodeStatus." + from,
                                            "@EpisodeStatus." + e.toStatus(),
                                            allowed));
                } else if (e.toStatus() == EpisodeStatus.ENTERED_TREATMENT && e.levelOfCare() == null) {
                    reasons.add(Invalid.Reason.of("levelOfCare", "episode.status.levelOfCare.required"));
                }
                LocalDate lastChange = before.currentSince();
                if (e.on().isBefore(lastChange) && !e.on().isBefore(opened)) {
                    reasons.add(Invalid.Reason.of("on", "episode.status.beforeLast", lastChange.toString()));
                }
            }
            case STAGE_OBSERVED -> {
                if (e.stage() == null) {
                    reasons.add(Invalid.Reason.of("stage", "episode.stage.required"));
                }
            }
            case CRITICAL_EVENT -> {
                if (e.criticalEvent() == null) {
                    reasons.add(Invalid.Reason.of("criticalEvent", "episode.critical.required"));
                }
            }
            case HARM_REDUCTION -> {
                if (e.harmReduction() == null) {
                    reasons.add(Invalid.Reason.of("harmReduction", "episode.harm.required"));
                }
                if (e.memberId() != null && !isFamilyMember(episode, e.memberId())) {
                    reasons.add(Invalid.Reason.of("memberId", "episode.member.notOfFamily"));
                }
            }
            case FAMILY_STRATEGY -> {
                if (e.familyStrategy() == null) {
                    reasons.add(Invalid.Reason.of("familyStrategy", "episode.strategy.required"));
                }
            }
            case FOLLOW_UP_SET -> {
                if (e.followUpOn() == null) {
                    reasons.add(Invalid.Reason.of("followUpOn", "episode.followUp.required"));
                } else if (!e.followUpOn().isAfter(today)) {
                    reasons.add(Invalid.Reason.of("followUpOn", "episode.followUp.future"));
                }
            }
            case RISK_ADDRESSED -> {
                if (episode.getHighRiskReason() == null) {
                    reasons.add(Invalid.Reason.of("kind", "episode.risk.none"));
                }
            }
        }
        return reasons;
    }

    /** After an event: a closed episode has no follow-up; entering treatment schedules the 30-day check. */
    private void followUp(EngagementEpisode episode, NewEpisodeEvent event, EpisodeTimeline timeline) {
        if (EpisodeTransitions.isClosing(timeline.current())) {
            episode.followUpOn(null);
        } else if (event.kind() == EventKind.FOLLOW_UP_SET) {
            episode.followUpOn(event.followUpOn());
        } else if (event.kind() == EventKind.STATUS_CHANGE && event.toStatus() == EpisodeStatus.ENTERED_TREATMENT) {
            episode.followUpOn(FollowUp.retentionChecks(event.on()).get(0));
        } else if (event.kind() == EventKind.STATUS_CHANGE && event.toStatus() == EpisodeStatus.RETAINED_30) {
            LocalDate entered = timeline.lastEnteredTreatmentOn();
            episode.followUpOn(FollowUp.retentionChecks(entered == null ? event.on() : entered)
                    .get(1));
        } else {
            episode.followUpOn(FollowUp.after(episode.getLastEventOn()));
        }
    }

    /**
     * Opens, keeps or closes the window of opportunity after an event ({@link WindowOfOpportunity}): a critical
     * event before treatment opens it (or moves its last day later) and sets the follow-up within its days; an
     * offer on or after the event's day, entering treatment or closing the episode closes it; while it is open the
     * follow-up is never later than its last day.
     */
    private void window(
            EngagementEpisode episode,
            NewEpisodeEvent event,
            long eventId,
            EpisodeTimeline timeline,
            LocalDate today,
            LocalDate followUpBefore) {
        LocalDate open = episode.getWindowOpenUntil();
        if (event.kind() == EventKind.CRITICAL_EVENT
                && WindowOfOpportunity.opens(event.criticalEvent(), timeline.current())) {
            LocalDate last = WindowOfOpportunity.lastDay(event.on());
            if (!last.isBefore(today) && (open == null || !open.isAfter(last))) {
                episode.openWindow(last, eventId);
            }
            episode.followUpOn(WindowOfOpportunity.followUp(event.on(), today, followUpBefore));
            return;
        }
        if (open == null) {
            return;
        }
        boolean offeredInWindow = event.kind() == EventKind.TREATMENT_OFFERED
                && !event.on().isBefore(open.minusDays(WindowOfOpportunity.DAYS));
        if (offeredInWindow || !WindowOfOpportunity.beforeTreatment(timeline.current())) {
            episode.closeWindow();
        } else if (WindowOfOpportunity.isOpen(open, today)
                && episode.getNextFollowUpOn() != null
                && episode.getNextFollowUpOn().isAfter(open)) {
            episode.followUpOn(open);
        }
    }

    private EpisodeTimeline timeline(EngagementEpisode episode, LocalDate today) {
        List<StatusChange> changes = statusChanges(episode).stream()
                .map(e -> new StatusChange(e.getOccurredOn(), e.getToStatus(), e.getLevelOfCare()))
                .toList();
        LocalDate last =
                changes.isEmpty() ? today : changes.get(changes.size() - 1).on();
        return EpisodeTimeline.of(openedOn(episode), changes, today.isBefore(last) ? last : today);
    }

    private List<EpisodeEvent> statusChanges(EngagementEpisode episode) {
        return em.createQuery(
                        "select e from EpisodeEvent e where e.episode = :episode and e.kind = :change"
                                + " and e.voidedAt is null order by e.occurredOn, e.id",
                        EpisodeEvent.class)
                .setParameter("episode", episode)
                .setParameter("change", EventKind.STATUS_CHANGE)
                .getResultList();
    }

    private boolean isFamilyMember(EngagementEpisode episode, long memberId) {
        FamilyMember member = em.find(FamilyMember.class, memberId);
        return member != null
                && member.getFamily().getId().equals(episode.getFamily().getId());
    }

    private EpisodeView view(EngagementEpisode episode) {
        LocalDate today = clock.today();
        EpisodeTimeline timeline = timeline(episode, today);
        Map<String, String> names = new HashMap<>();
        List<EpisodeView.Event> events = em.createQuery(
                        "select e from EpisodeEvent e where e.episode = :episode order by e.occurredOn desc, e.id desc",
                        EpisodeEvent.class)
                .setParameter("episode", episode)
                .getResultStream()
                .map(e -> new EpisodeView.Event(
                        e.getId(),
                        e.getKind(),
                        e.getOccurredOn(),
                        e.getFromStatus(),
                        e.getToStatus(),
                        e.getLevelOfCare(),
                        e.getProvider(),
                        e.getOfferedBy(),
                        e.getOfferHow(),
                        e.getResponse(),
                        e.getRefusalReasons(),
                        e.getStage(),
                        e.getCriticalEvent(),
                        e.getHarmReduction(),
                        e.getMemberId(),
                        e.getFamilyStrategy(),
                        e.getFollowUpOn(),
                        e.getNote(),
                        names.computeIfAbsent(e.getRecordedBy(), this::nameOf),
                        e.getRecordedAt(),
                        e.isVoided(),
                        e.getVoidedBy() == null ? null : names.computeIfAbsent(e.getVoidedBy(), this::nameOf),
                        e.getVoidedAt(),
                        e.getVoidReason()))
                .toList();
        return new EpisodeView(
                episode.getId(),
                episode.getFamily().getId(),
                episode.getFamily().getName(),
                episode.getLovedOne().getAlias(),
                timeline.current(),
                timeline.currentSince(),
                timeline.daysSinceOpened(),
                timeline.daysInCurrentStatus(),
                timeline.daysIn(),
                timeline.daysToTreatmentEntry(),
                episode.getNextFollowUpOn(),
                episode.getNextFollowUpOn() != null
                        && episode.getNextFollowUpOn().isBefore(today),
                episode.getHighRiskReason(),
                factsOf(episode.getLovedOne()),
                episode.getFamily().getMembers().stream()
                        .map(m -> new EpisodeView.Member(m.getId(), m.getFullName()))
                        .toList(),
                FollowUp.retentionChecks(timeline.lastEnteredTreatmentOn(), timeline.current(), today),
                stagesOf(episode, events),
                EpisodeTransitions.allowedFrom(timeline.current()),
                events,
                episode.getVersion());
    }

    private static EpisodeView.LovedOneFacts factsOf(LovedOne lovedOne) {
        SafetyScreen safety = lovedOne.getIntake().getSafety();
        List<String> factors = new ArrayList<>();
        if (Boolean.TRUE.equals(safety.getLostTolerance())) {
            factors.add("lostTolerance");
        }
        if (Boolean.TRUE.equals(safety.getUsingAlone())) {
            factors.add("usingAlone");
        }
        if (Boolean.TRUE.equals(safety.getFentanyl())) {
            factors.add("fentanyl");
        }
        if (Boolean.TRUE.equals(safety.getMixingWithDepressants())) {
            factors.add("mixingWithDepressants");
        }
        return new EpisodeView.LovedOneFacts(
                List.copyOf(lovedOne.getSubstances()),
                lovedOne.getKnownOverdoses(),
                factors,
                safety.getNaloxoneInHome());
    }

    /**
     * The loved one's stage of change over time, oldest first: as the family saw it at intake (on the day the
     * episode opened), as the family reported it in each signed session note (on the session's day), and as
     * the counselor observed it on the timeline (voided observations left out).
     */
    private List<EpisodeView.StagePoint> stagesOf(EngagementEpisode episode, List<EpisodeView.Event> events) {
        List<EpisodeView.StagePoint> points = new ArrayList<>();
        StageOfChange atIntake = episode.getLovedOne().getStageOfChange();
        if (atIntake != null) {
            points.add(new EpisodeView.StagePoint(openedOn(episode), atIntake, EpisodeView.StageSource.INTAKE));
        }
        em.createQuery(
                        "select a.startsAt, s.stage from SessionNote n join n.appointment a join n.lovedOneStages s"
                                + " where s.lovedOneId = :lovedOne and n.status <> :draft",
                        Object[].class)
                .setParameter("lovedOne", episode.getLovedOne().getId())
                .setParameter("draft", NoteStatus.DRAFT)
                .getResultStream()
                .forEach(r -> points.add(new EpisodeView.StagePoint(
                        ((Instant) r[0]).atZone(ClinicTime.zone()).toLocalDate(),
                        (StageOfChange) r[1],
                        EpisodeView.StageSource.SESSION_NOTE)));
        events.stream()
                .filter(e -> e.kind() == EventKind.STAGE_OBSERVED && !e.voided() && e.stage() != null)
                .forEach(e ->
                        points.add(new EpisodeView.StagePoint(e.on(), e.stage(), EpisodeView.StageSource.OBSERVED)));
        points.sort(Comparator.comparing(EpisodeView.StagePoint::on).thenComparing(EpisodeView.StagePoint::source));
        return points;
    }

    /** A colleague's name as the timeline shows it (the username when there is no staff record). */
    private String nameOf(String username) {
        return new StaffMembers(em)
                .byUsername(username)
                .map(StaffMember::getDisplayName)
                .orElse(username);
    }

    private void requireCounselor(EngagementEpisode episode) {
        if (!access.onCaseload(episode.getFamily())) {
            throw new Refused(
                    "events are recorded by the family's counselors",
                    episode.getFamily().getId());
        }
    }

    private EngagementEpisode episode(long episodeId, boolean lock) {
        EngagementEpisode episode = lock
                ? em.find(EngagementEpisode.class, episodeId, LockModeType.PESSIMISTIC_WRITE)
                : em.find(EngagementEpisode.class, episodeId);
        if (episode == null) {
            throw new NotFound("episode or event", episodeId);
        }
        return episode;
    }

    private static LocalDate openedOn(EngagementEpisode episode) {
        return episode.getOpenedAt().atZone(ClinicTime.zone()).toLocalDate();
    }

    private String callerName() {
        return context.getCallerPrincipal().getName();
    }
}
