package org.hearth.providers;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.hearth.audit.AuditAction;
import org.hearth.audit.AuditEvent;
import org.hearth.audit.AuditOutcome;
import org.hearth.audit.AuditTrail;
import org.hearth.security.Conflict;
import org.hearth.security.Invalid;
import org.hearth.security.NotFound;
import org.hearth.security.Role;
import org.hearth.time.ClinicClock;

/**
 * The treatment-provider directory: every staff role reads it (the front desk too: a family calling asks where
 * the methadone clinic is); supervisors and administrators keep it: add, change, retire and restore entries,
 * confirm an entry's details today, and import entries from a treatment-locator file. Anyone else asking to change
 * it is refused by the container, and the refusal audited. Every change names the version read (a second editor
 * gets a {@link Conflict} naming the "provider"); every read and change is audited. Searching and filtering happen
 * in the database, a page at a time.
 */
@Stateless
@RolesAllowed({Role.Names.FRONT_DESK, Role.Names.COUNSELOR, Role.Names.SUPERVISOR, Role.Names.ADMIN})
public class Providers {

    private static final String ENTITY = "TreatmentProvider";
    private static final String RECORD = "provider";

    @PersistenceContext
    private EntityManager em;

    @EJB
    private AuditTrail audit;

    @Inject
    private ClinicClock clock;

    @Resource
    private SessionContext context;

    /**
     * A page of the directory, searched (words in the name or the city, through the trigram index on names) and
     * filtered by the database, ordered by name. Stale means not confirmed for 90 days by the clinic's today.
     * Audited as a listing with the ids listed.
     */
    public ProviderPage search(@NotNull ProviderQuery query) {
        LocalDate today = clock.today();
        StringBuilder where = new StringBuilder(" where 1 = 1");
        Map<String, Object> parameters = new HashMap<>();
        if (query.text() != null) {
            where.append(" and (lower(p.name) like :pattern or lower(p.city) like :pattern)");
            parameters.put("pattern", "%" + escapeLike(query.text().toLowerCase(Locale.ROOT)) + "%");
        }
        if (query.levelOfCare() != null) {
            where.append(" and :level member of p.levelsOfCare");
            parameters.put("level", query.levelOfCare());
        }
        if (query.medication() != null) {
            where.append(" and :medication member of p.medications");
            parameters.put("medication", query.medication());
        }
        if (query.payment() != null) {
            where.append(" and :payment member of p.payments");
            parameters.put("payment", query.payment());
        }
        if (query.language() != null) {
            where.append(" and :language member of p.languages");
            parameters.put("language", query.language());
        }
        if (query.population() != null) {
            where.append(" and :population member of p.populations");
            parameters.put("population", query.population());
        }
        if (query.coOccurringCare() != null) {
            where.append(" and p.coOccurringCare = :coOccurring");
            parameters.put("coOccurring", query.coOccurringCare());
        }
        if (query.staleOnly()) {
            // stale: confirmedOn + 90 days <= today, said so that the index on confirmed_on answers it
            where.append(" and p.confirmedOn <= :staleFrom");
            parameters.put("staleFrom", today.minusDays(TreatmentProvider.STALE_AFTER_DAYS));
        }
        if (query.active() != null) {
            where.append(" and p.active = :active");
            parameters.put("active", query.active());
        }
        TypedQuery<TreatmentProvider> rows = em.createQuery(
                        "select p from TreatmentProvider p" + where + " order by lower(p.name), p.id",
                        TreatmentProvider.class)
                .setFirstResult(query.first())
                .setMaxResults(query.max());
        TypedQuery<Long> count = em.createQuery("select count(p) from TreatmentProvider p" + where, Long.class);
        parameters.forEach((name, value) -> {
            rows.setParameter(name, value);
            count.setParameter(name, value);
        });
        List<ProviderView> page = rows.getResultList().stream()
                .map(p -> ProviderView.of(p, today))
                .toList();
        audit.record(AuditEvent.listed(
                AuditAction.READ_PROVIDERS,
                ENTITY,
                page.stream().map(ProviderView::id).toList()));
        return new ProviderPage(page, count.getSingleResult());
    }

    /** One entry, retired or not. An id that names no entry is refused as every unknown id is. Audited. */
    public ProviderView provider(long providerId) {
        TreatmentProvider provider = find(providerId);
        audit.record(AuditEvent.allowed(AuditAction.READ_PROVIDER, ENTITY, providerId));
        return ProviderView.of(provider, clock.today());
    }

    /** Adds an entry with these details, checked field by field ({@link ProviderRules}). Audited. */
    @RolesAllowed({Role.Names.SUPERVISOR, Role.Names.ADMIN})
    public ProviderView create(@NotNull ProviderDetails details) {
        ProviderDetails checked = checked(details);
        TreatmentProvider provider = new TreatmentProvider(null, checked, caller(), clock.now());
        em.persist(provider);
        em.flush();
        audit.record(AuditEvent.allowed(AuditAction.CREATE_PROVIDER, ENTITY, provider.getId()));
        return ProviderView.of(provider, clock.today());
    }

    /**
     * Replaces the entry's details with these, checked field by field; the entry must be as read at
     * {@code version}. Audited.
     */
    @RolesAllowed({Role.Names.SUPERVISOR, Role.Names.ADMIN})
    public ProviderView update(long providerId, Long version, @NotNull ProviderDetails details) {
        TreatmentProvider provider = find(providerId);
        Conflict.requireVersion(version, provider.getVersion(), RECORD);
        ProviderDetails checked = checked(details);
        return changed(provider, AuditAction.CHANGE_PROVIDER, p -> p.apply(checked, caller(), clock.now()));
    }

    /**
     * Retires the entry: it leaves the list of entries in use and cannot be put on a new plan, but stays for the
     * plans and referrals that name it. As read at {@code version}. Audited.
     */
    @RolesAllowed({Role.Names.SUPERVISOR, Role.Names.ADMIN})
    public ProviderView retire(long providerId, Long version) {
        return setActive(providerId, version, false);
    }

    /** Brings a retired entry back into use, as read at {@code version}. Audited. */
    @RolesAllowed({Role.Names.SUPERVISOR, Role.Names.ADMIN})
    public ProviderView restore(long providerId, Long version) {
        return setActive(providerId, version, true);
    }

    /**
     * Records that the entry's details were checked with the provider today (the clinic's today): it is no longer
     * stale. As read at {@code version}. Audited.
     */
    @RolesAllowed({Role.Names.SUPERVISOR, Role.Names.ADMIN})
    public ProviderView confirm(long providerId, Long version) {
        TreatmentProvider provider = find(providerId);
        Conflict.requireVersion(version, provider.getVersion(), RECORD);
        ProviderDetails today =
                withConfirmation(ProviderView.of(provider, clock.today()).details(), clock.today());
        return changed(provider, AuditAction.CONFIRM_PROVIDER, p -> p.apply(today, caller(), clock.now()));
    }

    /**
     * What importing this treatment-locator file would do, row by row, saving nothing: each row creates an entry,
     * or updates (and confirms today) the entry with its locator id, or has problems named by row and column.
     * Audited with the counts.
     */
    @RolesAllowed({Role.Names.SUPERVISOR, Role.Names.ADMIN})
    public ImportPreview previewImport(String csv) {
        ImportPreview preview = preview(LocatorCsv.read(csv, clock.today()));
        audit.record(new AuditEvent(
                AuditAction.PREVIEW_PROVIDER_IMPORT,
                ENTITY,
                null,
                null,
                AuditOutcome.ALLOWED,
                "rows " + preview.rows().size() + ": create " + preview.creates() + ", update " + preview.updates()
                        + ", with problems " + preview.rowsWithProblems()));
        return preview;
    }

    /**
     * Imports the file, all or nothing: read and checked again here, any problem in any row refuses the whole
     * import ({@link Invalid}, each problem named "row N, column"), and otherwise every row is created or updated in
     * this one transaction. An updated entry keeps what the locator does not carry (intake hours, typical wait,
     * notes) and its retirement, and is confirmed today. Audited with the ids.
     */
    @RolesAllowed({Role.Names.SUPERVISOR, Role.Names.ADMIN})
    public ImportResult importProviders(String csv) {
        LocalDate today = clock.today();
        LocatorCsv.Read read = LocatorCsv.read(csv, today);
        ImportPreview preview = preview(read);
        if (!preview.importable()) {
            throw new Invalid(
                    Invalid.Subject.PROVIDER_IMPORT,
                    preview.problems().stream().map(Providers::rowReason).toList());
        }
        Map<String, TreatmentProvider> existing = byLocatorId(read);
        Instant now = clock.now();
        String by = caller();
        List<Long> ids = new ArrayList<>();
        int created = 0;
        int updated = 0;
        for (LocatorCsv.Row row : read.rows()) {
            TreatmentProvider provider = row.locatorId() == null ? null : existing.get(row.locatorId());
            if (provider == null) {
                provider = new TreatmentProvider(row.locatorId(), row.details(), by, now);
                em.persist(provider);
                created++;
            } else {
                provider.apply(keepingHearthsOwn(row.details(), provider), by, now);
                updated++;
            }
            em.flush();
            ids.add(provider.getId());
        }
        audit.record(new AuditEvent(
                AuditAction.IMPORT_PROVIDERS,
                ENTITY,
                null,
                null,
                AuditOutcome.ALLOWED,
                "created " + created + ", updated " + updated + ": " + ids));
        return new ImportResult(created, updated, ids);
    }

    private ImportPreview preview(LocatorCsv.Read read) {
        Map<String, TreatmentProvider> existing = byLocatorId(read);
        List<ImportRow> rows = read.rows().stream()
                .map(row -> {
                    TreatmentProvider match = row.locatorId() == null ? null : existing.get(row.locatorId());
                    ImportRow.Action action = !row.problems().isEmpty()
                            ? ImportRow.Action.ERROR
                            : match == null ? ImportRow.Action.CREATE : ImportRow.Action.UPDATE;
                    return new ImportRow(
                            row.row(),
                            row.locatorId(),
                            row.details().name(),
                            row.details().city(),
                            action,
                            match == null ? null : match.getId(),
                            match != null && !match.isActive(),
                            row.problems());
                })
                .toList();
        return new ImportPreview(rows, read.fileProblems());
    }

    /** The entries the file's locator ids name, in one query. */
    private Map<String, TreatmentProvider> byLocatorId(LocatorCsv.Read read) {
        List<String> locatorIds = read.rows().stream()
                .map(LocatorCsv.Row::locatorId)
                .filter(id -> id != null)
                .distinct()
                .toList();
        Map<String, TreatmentProvider> found = new HashMap<>();
        if (locatorIds.isEmpty()) {
            return found;
        }
        for (int from = 0; from < locatorIds.size(); from += 1000) {
            em.createQuery("select p from TreatmentProvider p where p.locatorId in :ids", TreatmentProvider.class)
                    .setParameter("ids", locatorIds.subList(from, Math.min(from + 1000, locatorIds.size())))
                    .getResultList()
                    .forEach(p -> found.put(p.getLocatorId(), p));
        }
        return found;
    }

    private ProviderView setActive(long providerId, Long version, boolean active) {
        TreatmentProvider provider = find(providerId);
        Conflict.requireVersion(version, provider.getVersion(), RECORD);
        return changed(
                provider,
                active ? AuditAction.RESTORE_PROVIDER : AuditAction.RETIRE_PROVIDER,
                p -> p.setActive(active, caller(), clock.now()));
    }

    private ProviderView changed(TreatmentProvider provider, AuditAction action, Consumer<TreatmentProvider> change) {
        change.accept(provider);
        // the version moves now, so the answer names the version the next change must send
        em.flush();
        audit.record(AuditEvent.allowed(action, ENTITY, provider.getId()));
        return ProviderView.of(provider, clock.today());
    }

    private ProviderDetails checked(ProviderDetails details) {
        ProviderDetails normalized = ProviderRules.normalized(details);
        List<Invalid.Reason> reasons = ProviderRules.reasons(normalized, clock.today());
        if (!reasons.isEmpty()) {
            throw new Invalid(Invalid.Subject.PROVIDER, reasons);
        }
        return normalized;
    }

    private TreatmentProvider find(long providerId) {
        TreatmentProvider provider = em.find(TreatmentProvider.class, providerId);
        if (provider == null) {
            throw new NotFound("treatment provider", providerId);
        }
        return provider;
    }

    /** The locator's details for an entry, with what only Hearth knows of it kept as it was. */
    private static ProviderDetails keepingHearthsOwn(ProviderDetails imported, TreatmentProvider provider) {
        return new ProviderDetails(
                imported.name(),
                imported.street(),
                imported.city(),
                imported.state(),
                imported.zip(),
                imported.phone(),
                imported.website(),
                imported.levelsOfCare(),
                imported.medications(),
                imported.payments(),
                imported.languages(),
                imported.populations(),
                imported.coOccurringCare(),
                provider.getIntakeHours(),
                provider.getTypicalWaitDays(),
                imported.confirmedOn(),
                provider.getNotes());
    }

    private static ProviderDetails withConfirmation(ProviderDetails details, LocalDate on) {
        return new ProviderDetails(
                details.name(),
                details.street(),
                details.city(),
                details.state(),
                details.zip(),
                details.phone(),
                details.website(),
                details.levelsOfCare(),
                details.medications(),
                details.payments(),
                details.languages(),
                details.populations(),
                details.coOccurringCare(),
                details.intakeHours(),
                details.typicalWaitDays(),
                on,
                details.notes());
    }

    /** A row's problem as a reason of the refused import, its field "row N, column". */
    private static Invalid.Reason rowReason(ImportProblem problem) {
        String where = problem.row() == 0
                ? "file"
                : "row " + problem.row() + (problem.column() == null ? "" : ", " + problem.column());
        Invalid.Reason reason = problem.reason();
        return new Invalid.Reason(where, reason.messageKey(), reason.arguments(), reason.formatted(), reason.written());
    }

    private String caller() {
        return context.getCallerPrincipal().getName();
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
