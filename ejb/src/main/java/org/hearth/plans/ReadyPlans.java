package org.hearth.plans;

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
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.hearth.audit.AuditAction;
import org.hearth.audit.AuditEvent;
import org.hearth.audit.AuditTrail;
import org.hearth.engagement.EngagementEpisode;
import org.hearth.engagement.EpisodeStatus;
import org.hearth.engagement.LevelOfCare;
import org.hearth.family.FamilyAccessPolicy;
import org.hearth.family.Substance;
import org.hearth.providers.TreatmentProvider;
import org.hearth.security.Conflict;
import org.hearth.security.Invalid;
import org.hearth.security.NotFound;
import org.hearth.security.Refused;
import org.hearth.security.Role;
import org.hearth.time.ClinicClock;

/**
 * Episodes' ready plans. The family's counselors change a plan; they and the supervisors of the family's program
 * read it; nobody else. Every change takes the plan's version as read (409 naming the "plan" when someone changed
 * it meanwhile), is checked field by field before anything is saved, keeps {@code ready_plan.ready_since} in step
 * with {@link PlanReadiness}, and is audited on the family, as is every read. The episode's row is locked while
 * a plan changes, so two counselors saving at once are served one after the other.
 */
@Stateless
@RolesAllowed({Role.Names.COUNSELOR, Role.Names.SUPERVISOR})
public class ReadyPlans {

    /** The statuses in which a loved one has not entered treatment yet: where "treatment ready" is news. */
    public static final Set<EpisodeStatus> BEFORE_TREATMENT =
            EnumSet.of(EpisodeStatus.REFUSING, EpisodeStatus.AMBIVALENT, EpisodeStatus.PREPARING);

    private static final Set<Substance> OPIOIDS =
            EnumSet.of(Substance.HEROIN, Substance.FENTANYL, Substance.PRESCRIPTION_OPIOIDS);

    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2}|asl");

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

    /** The episode's plan (or the one Hearth proposes before anything is saved): the episode's readers. Audited. */
    public PlanView read(long episodeId) {
        EngagementEpisode episode = episode(episodeId, false);
        access.requireClinicalRead(episode.getFamily());
        LovedOneFacts facts = lovedOne(episode);
        PlanView view = view(episode, planOf(facts), facts);
        auditRead(episode, view);
        return view;
    }

    /**
     * What is missing before the loved one can go (no provider shortlisted, none interviewed, no slot,
     * pre-authorization not settled, no transport, nobody going along, bag not packed): the episode's readers.
     * Audited.
     */
    public List<MissingStep> notReadySteps(long episodeId) {
        return read(episodeId).notReady();
    }

    /**
     * The ids of the family's episodes whose plan is ready while the loved one has not entered treatment, for
     * the family record: the family's readers. One query. Audited.
     */
    public Set<Long> readyEpisodesOf(long familyId) {
        access.requireClinicalRead(access.family(familyId));
        List<Long> ids = em.createQuery(
                        "select p.episode.id from ReadyPlan p where p.episode.family.id = :family"
                                + " and p.readySince is not null and p.episode.status in :before",
                        Long.class)
                .setParameter("family", familyId)
                .setParameter("before", BEFORE_TREATMENT)
                .getResultList();
        audit.record(AuditEvent.allowedOnFamily(AuditAction.READ_READY_PLAN, "Family", familyId, familyId));
        return Set.copyOf(ids);
    }

    /**
     * Active directory entries not on the shortlist yet, best fit to the plan's needs first (then the shortest
     * typical wait, then the name), optionally only those whose name or city contains {@code search}: one page
     * of at most 50, ranked and paged in the database. The episode's readers. Audited.
     */
    public Suggestion.Page suggestions(long episodeId, String search, int first, int max) {
        EngagementEpisode episode = episode(episodeId, false);
        access.requireClinicalRead(episode.getFamily());
        LovedOneFacts facts = lovedOne(episode);
        ReadyPlan plan = planOf(facts);
        PlanNeeds needs = plan == null ? initialNeeds(facts) : plan.needs();
        FitColumns fit = new FitColumns(needs);
        String text = search == null || search.isBlank()
                ? null
                : containing(search.strip().toLowerCase(Locale.ROOT));
        String where = " from TreatmentProvider p where p.active = true"
                + (plan == null
                        ? ""
                        : " and p.id not in (select e.provider.id from PlanProvider e where e.plan.id = :plan)")
                + (text == null ? "" : " and (lower(p.name) like :text or lower(p.city) like :text)");
        Query rows = em.createQuery("select p.id, p.name, p.city, p.phone, p.typicalWaitDays, p.confirmedOn, "
                        + fit.select() + where + " order by " + fit.score()
                        + " desc, p.typicalWaitDays asc nulls last, lower(p.name), p.id")
                .setFirstResult(Math.max(0, first))
                .setMaxResults(Math.max(1, Math.min(max, 50)));
        Query total = em.createQuery("select count(p)" + where);
        fit.bind(rows);
        for (Query q : List.of(rows, total)) {
            if (plan != null) {
                q.setParameter("plan", plan.getId());
            }
            if (text != null) {
                q.setParameter("text", text);
            }
        }
        LocalDate today = clock.today();
        @SuppressWarnings("unchecked")
        List<Object[]> found = rows.getResultList();
        List<Suggestion> suggestions = found.stream()
                .map(r -> new Suggestion(
                        (Long) r[0],
                        (String) r[1],
                        (String) r[2],
                        (String) r[3],
                        (Integer) r[4],
                        (LocalDate) r[5],
                        isStale((LocalDate) r[5], today),
                        FitColumns.fitAt(r, 6)))
                .toList();
        audit.record(AuditEvent.allowedOnFamily(
                AuditAction.READ_READY_PLAN,
                "ProviderSuggestions",
                episodeId,
                episode.getFamily().getId()));
        return new Suggestion.Page((Long) total.getSingleResult(), suggestions);
    }

    /** Confirms or changes what the loved one needs: a counselor of the family, with the plan's version read. */
    @RolesAllowed(Role.Names.COUNSELOR)
    public PlanView confirmNeeds(long episodeId, PlanNeeds needs, Long version) {
        List<Invalid.Reason> reasons = new ArrayList<>();
        if (needs == null) {
            reasons.add(Invalid.Reason.plain("body", "plan.needs.required"));
        } else if (needs.language() != null
                && !needs.language().isBlank()
                && !LANGUAGE.matcher(needs.language().strip()).matches()) {
            reasons.add(Invalid.Reason.plain("language", "plan.language.code"));
        }
        return change(episodeId, version, reasons, (plan, by, at) -> plan.confirmNeeds(needs, by, at));
    }

    /**
     * Puts an active directory entry at the end of the shortlist: a counselor of the family. A provider that
     * does not exist is refused as an id the caller may not touch; a retired one, or one already shortlisted,
     * is named as bad input.
     */
    @RolesAllowed(Role.Names.COUNSELOR)
    public PlanView shortlist(long episodeId, Long providerId, Long version) {
        if (providerId == null) {
            throw new Invalid(Invalid.Subject.READY_PLAN, Invalid.Reason.plain("providerId", "plan.provider.required"));
        }
        return change(episodeId, version, List.of(), (plan, by, at) -> {
            TreatmentProvider provider = em.find(TreatmentProvider.class, providerId);
            if (provider == null) {
                throw new NotFound("provider", providerId);
            }
            if (!provider.isActive()) {
                throw new Invalid(
                        Invalid.Subject.READY_PLAN, Invalid.Reason.plain("providerId", "plan.provider.retired"));
            }
            if (plan.getShortlist().stream()
                    .anyMatch(e -> e.getProvider().getId().equals(providerId))) {
                throw new Invalid(
                        Invalid.Subject.READY_PLAN, Invalid.Reason.plain("providerId", "plan.provider.already"));
            }
            plan.shortlist(provider, by, at);
        });
    }

    /** Takes a provider off the shortlist: a counselor of the family. */
    @RolesAllowed(Role.Names.COUNSELOR)
    public PlanView removeFromShortlist(long episodeId, long entryId, Long version) {
        return change(episodeId, version, List.of(), (plan, by, at) -> plan.remove(entry(plan, entryId), by, at));
    }

    /** Moves a shortlisted provider to {@code position} (0 first): a counselor of the family. */
    @RolesAllowed(Role.Names.COUNSELOR)
    public PlanView moveOnShortlist(long episodeId, long entryId, int position, Long version) {
        return change(
                episodeId, version, List.of(), (plan, by, at) -> plan.move(entry(plan, entryId), position, by, at));
    }

    /**
     * Records what the family found out about a shortlisted provider - the interview answers, the slot, the
     * pre-authorization - checked field by field: a counselor of the family. A decision date needs an approval
     * or a denial (and they need one), is not before the request nor after today; a request names the payer.
     */
    @RolesAllowed(Role.Names.COUNSELOR)
    public PlanView updateEntry(long episodeId, long entryId, EntryUpdate update, Long version) {
        List<Invalid.Reason> reasons = update == null
                ? List.of(Invalid.Reason.plain("body", "plan.entry.required"))
                : checked(update, clock.today());
        return change(episodeId, version, reasons, (plan, by, at) -> {
            entry(plan, entryId).update(update);
            plan.changed(by, at);
        });
    }

    /** Records transport, who goes along and the bag: a counselor of the family. */
    @RolesAllowed(Role.Names.COUNSELOR)
    public PlanView prepare(long episodeId, Preparations preparations, Long version) {
        List<Invalid.Reason> reasons = new ArrayList<>();
        if (preparations == null) {
            reasons.add(Invalid.Reason.plain("body", "plan.preparations.required"));
        } else {
            if ((preparations.transportKind() == TransportKind.FAMILY_DRIVES
                            || preparations.transportKind() == TransportKind.SERVICE)
                    && blank(preparations.transportWho())) {
                reasons.add(Invalid.Reason.plain("transportWho", "plan.transport.who.required"));
            }
            length(reasons, "transportWho", preparations.transportWho(), 200);
            length(reasons, "companions", preparations.companions(), 500);
            length(reasons, "bagNote", preparations.bagNote(), 1000);
        }
        return change(episodeId, version, reasons, (plan, by, at) -> plan.prepare(preparations, by, at));
    }

    /** One change of a plan, in a few words. */
    @FunctionalInterface
    private interface PlanChange {
        void apply(ReadyPlan plan, String by, Instant at);
    }

    /**
     * The frame of every change: the episode locked, the caller a counselor of the family, the input checked
     * (nothing saved when anything is wrong), the version the caller read (0 before the plan was first saved),
     * the plan created on its first change, the change applied and audited.
     */
    private PlanView change(long episodeId, Long version, List<Invalid.Reason> reasons, PlanChange change) {
        EngagementEpisode episode = episode(episodeId, true);
        if (!access.onCaseload(episode.getFamily())) {
            throw new Refused(
                    "a ready plan is changed by the family's counselors",
                    episode.getFamily().getId());
        }
        if (!reasons.isEmpty()) {
            throw new Invalid(Invalid.Subject.READY_PLAN, reasons);
        }
        ReadyPlan plan = planOf(episode);
        Conflict.requireVersion(version, plan == null ? 0 : plan.getVersion(), "plan");
        String by = context.getCallerPrincipal().getName();
        Instant now = clock.now();
        if (plan == null) {
            plan = new ReadyPlan(episode, initialNeeds(lovedOne(episode)), by, now);
            em.persist(plan);
        }
        change.apply(plan, by, now);
        em.flush();
        // every change moves the plan's version, also one that did not touch the plan's own row (a shortlisted
        // provider's answers) and the plan's first save, so that a version read before always conflicts
        em.createNativeQuery("update ready_plan set version = version + 1 where id = ?1")
                .setParameter(1, plan.getId())
                .executeUpdate();
        em.refresh(plan);
        audit.record(AuditEvent.allowedOnFamily(
                AuditAction.CHANGE_READY_PLAN,
                "ReadyPlan",
                plan.getId(),
                episode.getFamily().getId()));
        return view(episode, plan);
    }

    static List<Invalid.Reason> checked(EntryUpdate update, LocalDate today) {
        List<Invalid.Reason> reasons = new ArrayList<>();
        Interview i = update.interview();
        if (i != null) {
            if (i.interviewedOn() != null && i.interviewedOn().isAfter(today)) {
                reasons.add(Invalid.Reason.plain("interview.interviewedOn", "plan.interview.future"));
            }
            if (i.waitDays() != null && (i.waitDays() < 0 || i.waitDays() > 365)) {
                reasons.add(Invalid.Reason.plain("interview.waitDays", "plan.interview.waitDays.range"));
            }
            length(reasons, "interview.detoxProtocol", i.detoxProtocol(), 500);
            length(reasons, "interview.medicationsOffered", i.medicationsOffered(), 500);
            length(reasons, "interview.familyInvolvement", i.familyInvolvement(), 500);
            length(reasons, "interview.costAfterInsurance", i.costAfterInsurance(), 200);
            length(reasons, "interview.aftercare", i.aftercare(), 500);
        }
        length(reasons, "slotNote", update.slotNote(), 300);
        Preauthorization p = update.preauth();
        if (p != null) {
            PreauthState state = p.state() == null ? PreauthState.NOT_STARTED : p.state();
            boolean askedFor = state == PreauthState.REQUESTED || state.isDecided();
            if (askedFor && blank(p.payer())) {
                reasons.add(Invalid.Reason.plain("preauth.payer", "plan.preauth.payer.required"));
            }
            if (askedFor && p.requestedOn() == null) {
                reasons.add(Invalid.Reason.plain("preauth.requestedOn", "plan.preauth.requestedOn.required"));
            }
            if (!askedFor && p.requestedOn() != null) {
                reasons.add(Invalid.Reason.plain("preauth.requestedOn", "plan.preauth.requestedOn.notAsked"));
            }
            if (state.isDecided() && p.decidedOn() == null) {
                reasons.add(Invalid.Reason.plain("preauth.decidedOn", "plan.preauth.decidedOn.required"));
            }
            if (!state.isDecided() && p.decidedOn() != null) {
                reasons.add(Invalid.Reason.plain("preauth.decidedOn", "plan.preauth.decidedOn.notDecided"));
            }
            if (p.requestedOn() != null && p.requestedOn().isAfter(today)) {
                reasons.add(Invalid.Reason.plain("preauth.requestedOn", "plan.preauth.future"));
            }
            if (p.decidedOn() != null && p.decidedOn().isAfter(today)) {
                reasons.add(Invalid.Reason.plain("preauth.decidedOn", "plan.preauth.future"));
            }
            if (p.decidedOn() != null
                    && p.requestedOn() != null
                    && p.decidedOn().isBefore(p.requestedOn())) {
                reasons.add(Invalid.Reason.plain("preauth.decidedOn", "plan.preauth.decidedBeforeRequested"));
            }
            length(reasons, "preauth.payer", p.payer(), 200);
            length(reasons, "preauth.reference", p.reference(), 100);
        }
        return reasons;
    }

    private static void length(List<Invalid.Reason> reasons, String field, String text, int max) {
        if (text != null && text.strip().length() > max) {
            reasons.add(Invalid.Reason.of(field, "plan.text.length", Integer.toString(max)));
        }
    }

    /** A LIKE pattern containing what was typed, its % and _ searched for (PostgreSQL escapes with \\). */
    private static String containing(String typed) {
        return "%" + typed.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    private PlanProvider entry(ReadyPlan plan, long entryId) {
        return plan.getShortlist().stream()
                .filter(e -> e.getId() == entryId)
                .findFirst()
                .orElseThrow(() -> new NotFound("plan entry", entryId));
    }

    private PlanView view(EngagementEpisode episode, ReadyPlan plan) {
        return view(episode, plan, lovedOne(episode));
    }

    private PlanView view(EngagementEpisode episode, ReadyPlan plan, LovedOneFacts lovedOne) {
        LocalDate today = clock.today();
        PlanNeeds needs = plan == null ? initialNeeds(lovedOne) : plan.needs();
        List<PlanView.Entry> entries = plan == null ? List.of() : entries(plan, needs, today);
        List<PlanReadiness.Entry> readiness = plan == null ? List.of() : plan.readinessEntries();
        LocalDate window = episode.getWindowOpenUntil();
        return new PlanView(
                episode.getId(),
                episode.getFamily().getId(),
                lovedOne.alias(),
                plan != null,
                needs,
                ProposedLevel.from(lovedOne.asam(), lovedOne.usesOpioids(), needs.medicationWanted()),
                entries,
                plan == null
                        ? new Preparations(null, null, null, Set.of(), null)
                        : new Preparations(
                                plan.getTransportKind(),
                                plan.getTransportWho(),
                                plan.getCompanions(),
                                plan.getBagItems(),
                                plan.getBagNote()),
                PlanReadiness.isReady(readiness),
                plan == null ? null : plan.getReadySince(),
                plan == null ? PlanReadiness.missing(List.of(), null, null, Set.of()) : plan.missingSteps(),
                window != null && !window.isBefore(today) ? window : null,
                access.onCaseload(episode.getFamily()),
                plan == null ? 0 : plan.getVersion());
    }

    /** The shortlist with each provider's fit, read in two queries whatever its length (no query per entry). */
    private List<PlanView.Entry> entries(ReadyPlan plan, PlanNeeds needs, LocalDate today) {
        if (plan.getShortlist().isEmpty()) {
            return List.of();
        }
        FitColumns fit = new FitColumns(needs);
        Query query = em.createQuery("select e.id, p.id, p.name, p.city, p.phone, p.website, p.active, p.confirmedOn,"
                + " p.typicalWaitDays, " + fit.select()
                + " from PlanProvider e join e.provider p where e.plan.id = :plan");
        fit.bind(query);
        query.setParameter("plan", plan.getId());
        Map<Long, Object[]> providers = new HashMap<>();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        rows.forEach(r -> providers.put((Long) r[0], r));
        List<PlanView.Entry> entries = new ArrayList<>();
        for (PlanProvider e : plan.getShortlist()) {
            Object[] r = providers.get(e.getId());
            if (r == null) {
                continue; // added in this transaction and not flushed: cannot happen after the flush of a change
            }
            PlanReadiness.Entry readiness = e.readiness();
            entries.add(new PlanView.Entry(
                    e.getId(),
                    e.getPosition(),
                    (Long) r[1],
                    (String) r[2],
                    (String) r[3],
                    (String) r[4],
                    (String) r[5],
                    (Boolean) r[6],
                    (LocalDate) r[7],
                    isStale((LocalDate) r[7], today),
                    (Integer) r[8],
                    FitColumns.fitAt(r, 9),
                    e.interview(),
                    e.isSlotAvailable(),
                    e.getSlotNote(),
                    e.preauthorization(),
                    readiness.makesReady()));
        }
        return entries;
    }

    private static boolean isStale(LocalDate confirmedOn, LocalDate today) {
        return confirmedOn != null
                && !confirmedOn.plusDays(TreatmentProvider.STALE_AFTER_DAYS).isAfter(today);
    }

    /** The needs before the counselor confirmed any: the suggested level, the family's language. */
    private static PlanNeeds initialNeeds(LovedOneFacts lovedOne) {
        LevelOfCare level = ProposedLevel.from(lovedOne.asam(), lovedOne.usesOpioids(), null)
                .level();
        String language = lovedOne.familyLanguage();
        return new PlanNeeds(
                level, null, language != null && LANGUAGE.matcher(language).matches() ? language : null, null);
    }

    /**
     * What the plan needs to know around the episode: the loved one's alias, the intake's six ASAM ratings,
     * whether they use opioids, the family's language, and the plan's id (null before its first save).
     */
    private record LovedOneFacts(
            String alias, List<Integer> asam, boolean usesOpioids, String familyLanguage, Long planId) {}

    /** The loved one's facts and the plan's id, in one query. */
    private LovedOneFacts lovedOne(EngagementEpisode episode) {
        Object[] r = em.createQuery(
                        "select l.alias, l.asamD1, l.asamD2, l.asamD3, l.asamD4, l.asamD5, l.asamD6, case when exists"
                                + " (select s from LovedOne o join o.substances s where o = l and s in :opioids)"
                                + " then true else false end, f.preferredLanguage,"
                                + " (select p.id from ReadyPlan p where p.episode = e)"
                                + " from EngagementEpisode e join e.lovedOne l join e.family f where e = :episode",
                        Object[].class)
                .setParameter("episode", episode)
                .setParameter("opioids", OPIOIDS)
                .getSingleResult();
        List<Integer> asam = new ArrayList<>();
        for (int i = 1; i <= 6; i++) {
            asam.add((Integer) r[i]);
        }
        return new LovedOneFacts((String) r[0], asam, Boolean.TRUE.equals(r[7]), (String) r[8], (Long) r[9]);
    }

    private ReadyPlan planOf(LovedOneFacts facts) {
        return facts.planId() == null ? null : em.find(ReadyPlan.class, facts.planId());
    }

    /** The episode's plan, asked again (the episode's row is locked: nobody creates it meanwhile). */
    private ReadyPlan planOf(EngagementEpisode episode) {
        return em.createQuery("select p from ReadyPlan p where p.episode = :episode", ReadyPlan.class)
                .setParameter("episode", episode)
                .getResultStream()
                .findFirst()
                .orElse(null);
    }

    private void auditRead(EngagementEpisode episode, PlanView view) {
        audit.record(AuditEvent.allowedOnFamily(
                AuditAction.READ_READY_PLAN,
                view.saved() ? "ReadyPlan" : "EngagementEpisode",
                episode.getId(),
                episode.getFamily().getId()));
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

    /**
     * The fit of provider {@code p} to the needs as four selected columns (each a {@link Fit} ordinal) and a
     * score for the order: worked out in the database, so a page of providers costs one query.
     */
    static final class FitColumns {

        private final Map<String, Object> parameters = new LinkedHashMap<>();
        private final List<String> fits = new ArrayList<>();
        private final List<String> scores = new ArrayList<>();

        FitColumns(PlanNeeds needs) {
            LevelOfCare alternative =
                    needs.medicationWanted() == null ? null : ProposedLevel.medicationLevel(needs.medicationWanted());
            if (needs.proposedLevel() == null) {
                column(null, "p.levelsOfCare");
            } else if (alternative == null) {
                parameters.put("fitLevel", needs.proposedLevel());
                column(":fitLevel member of p.levelsOfCare", "p.levelsOfCare");
            } else {
                parameters.put("fitLevel", needs.proposedLevel());
                parameters.put("fitAlternative", alternative);
                column(
                        "(:fitLevel member of p.levelsOfCare or :fitAlternative member of p.levelsOfCare)",
                        "p.levelsOfCare");
            }
            known("fitPayment", needs.payment(), "p.payments");
            known(
                    "fitLanguage",
                    needs.language() == null || needs.language().isBlank() ? null : needs.language(),
                    "p.languages");
            known("fitMedication", needs.medicationWanted(), "p.medications");
        }

        private void known(String parameter, Object value, String collection) {
            if (value == null) {
                column(null, collection);
            } else {
                parameters.put(parameter, value);
                column(":" + parameter + " member of " + collection, collection);
            }
        }

        private void column(String condition, String collection) {
            if (condition == null) {
                fits.add(Integer.toString(Fit.NOT_KNOWN.ordinal()));
                scores.add("0");
            } else {
                fits.add("case when " + condition + " then " + Fit.FITS.ordinal() + " when " + collection
                        + " is empty then " + Fit.NOT_KNOWN.ordinal() + " else " + Fit.DOES_NOT_FIT.ordinal()
                        + " end");
                scores.add("case when " + condition + " then 1 else 0 end");
            }
        }

        String select() {
            return String.join(", ", fits);
        }

        String score() {
            return scores.stream().collect(Collectors.joining(" + ", "(", ")"));
        }

        void bind(Query query) {
            parameters.forEach(query::setParameter);
        }

        static ProviderFit fitAt(Object[] row, int from) {
            Fit[] all = Fit.values();
            return new ProviderFit(
                    all[((Number) row[from]).intValue()],
                    all[((Number) row[from + 1]).intValue()],
                    all[((Number) row[from + 2]).intValue()],
                    all[((Number) row[from + 3]).intValue()]);
        }
    }
}
