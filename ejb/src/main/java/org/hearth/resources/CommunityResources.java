package org.hearth.resources;

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
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.hearth.audit.AuditAction;
import org.hearth.audit.AuditEvent;
import org.hearth.audit.AuditTrail;
import org.hearth.security.Conflict;
import org.hearth.security.Invalid;
import org.hearth.security.NotFound;
import org.hearth.security.Role;
import org.hearth.time.ClinicClock;

/**
 * The community-resource directory: every staff role reads it; supervisors and administrators keep it: add, change,
 * retire and restore entries, and confirm an entry's details today. Anyone else asking to change it is refused by
 * the container, and the refusal audited. Every change names the version read (a second editor gets a {@link
 * Conflict} naming the "resource"); every read and change is audited. Searching and filtering happen in the
 * database, a page at a time.
 */
@Stateless
@RolesAllowed({Role.Names.FRONT_DESK, Role.Names.COUNSELOR, Role.Names.SUPERVISOR, Role.Names.ADMIN})
public class CommunityResources {

    static final String ENTITY = "CommunityResource";
    private static final String RECORD = "resource";

    @PersistenceContext
    private EntityManager em;

    @EJB
    private AuditTrail audit;

    @Inject
    private ClinicClock clock;

    @Resource
    private SessionContext context;

    /**
     * A page of the directory, searched (words in the name, through the trigram index) and filtered by the
     * database, ordered by name. "Needs checking" is by the clinic's today. Audited as a listing with the ids.
     */
    public ResourcePage search(@NotNull ResourceQuery query) {
        LocalDate today = clock.today();
        StringBuilder where = new StringBuilder(" where 1 = 1");
        Map<String, Object> parameters = new HashMap<>();
        if (query.text() != null) {
            where.append(" and lower(r.name) like :pattern");
            parameters.put("pattern", "%" + escapeLike(query.text().toLowerCase(Locale.ROOT)) + "%");
        }
        if (query.kind() != null) {
            where.append(" and r.kind = :kind");
            parameters.put("kind", query.kind());
        }
        if (query.language() != null) {
            where.append(" and :language member of r.languages");
            parameters.put("language", query.language());
        }
        if (query.needsCheckingOnly()) {
            // confirmedOn + 180 days <= today, said so that the index on confirmed_on answers it
            where.append(" and r.confirmedOn <= :staleFrom");
            parameters.put("staleFrom", today.minusDays(CommunityResource.STALE_AFTER_DAYS));
        }
        if (query.active() != null) {
            where.append(" and r.active = :active");
            parameters.put("active", query.active());
        }
        TypedQuery<CommunityResource> rows = em.createQuery(
                        "select r from CommunityResource r" + where + " order by lower(r.name), r.id",
                        CommunityResource.class)
                .setFirstResult(query.first())
                .setMaxResults(query.max());
        TypedQuery<Long> count = em.createQuery("select count(r) from CommunityResource r" + where, Long.class);
        parameters.forEach((name, value) -> {
            rows.setParameter(name, value);
            count.setParameter(name, value);
        });
        List<ResourceView> page = rows.getResultList().stream()
                .map(r -> ResourceView.of(r, today))
                .toList();
        audit.record(AuditEvent.listed(
                AuditAction.READ_RESOURCES,
                ENTITY,
                page.stream().map(ResourceView::id).toList()));
        return new ResourcePage(page, count.getSingleResult());
    }

    /** One entry, retired or not. An id that names no entry is refused as every unknown id is. Audited. */
    public ResourceView resource(long resourceId) {
        CommunityResource resource = find(resourceId);
        audit.record(AuditEvent.allowed(AuditAction.READ_RESOURCE, ENTITY, resourceId));
        return ResourceView.of(resource, clock.today());
    }

    /** Adds an entry with these details, checked field by field ({@link ResourceRules}). Audited. */
    @RolesAllowed({Role.Names.SUPERVISOR, Role.Names.ADMIN})
    public ResourceView create(@NotNull ResourceDetails details) {
        ResourceDetails checked = checked(details);
        CommunityResource resource = new CommunityResource(checked, caller(), clock.now());
        em.persist(resource);
        em.flush();
        audit.record(AuditEvent.allowed(AuditAction.CREATE_RESOURCE, ENTITY, resource.getId()));
        return ResourceView.of(resource, clock.today());
    }

    /** Replaces the entry's details with these, checked field by field, as read at {@code version}. Audited. */
    @RolesAllowed({Role.Names.SUPERVISOR, Role.Names.ADMIN})
    public ResourceView update(long resourceId, Long version, @NotNull ResourceDetails details) {
        CommunityResource resource = find(resourceId);
        Conflict.requireVersion(version, resource.getVersion(), RECORD);
        ResourceDetails checked = checked(details);
        return changed(resource, AuditAction.CHANGE_RESOURCE, r -> r.apply(checked, caller(), clock.now()));
    }

    /**
     * Retires the entry: it leaves the list of entries in use and cannot be given any more, but stays for the gifts
     * that name it. As read at {@code version}. Audited.
     */
    @RolesAllowed({Role.Names.SUPERVISOR, Role.Names.ADMIN})
    public ResourceView retire(long resourceId, Long version) {
        return setActive(resourceId, version, false);
    }

    /** Brings a retired entry back into use, as read at {@code version}. Audited. */
    @RolesAllowed({Role.Names.SUPERVISOR, Role.Names.ADMIN})
    public ResourceView restore(long resourceId, Long version) {
        return setActive(resourceId, version, true);
    }

    /**
     * Records that the entry's details were checked today (the clinic's today): it no longer needs checking. As read
     * at {@code version}. Audited.
     */
    @RolesAllowed({Role.Names.SUPERVISOR, Role.Names.ADMIN})
    public ResourceView confirm(long resourceId, Long version) {
        CommunityResource resource = find(resourceId);
        Conflict.requireVersion(version, resource.getVersion(), RECORD);
        ResourceDetails today =
                ResourceView.of(resource, clock.today()).details().confirmedOn(clock.today());
        return changed(resource, AuditAction.CONFIRM_RESOURCE, r -> r.apply(today, caller(), clock.now()));
    }

    private ResourceView setActive(long resourceId, Long version, boolean active) {
        CommunityResource resource = find(resourceId);
        Conflict.requireVersion(version, resource.getVersion(), RECORD);
        return changed(
                resource,
                active ? AuditAction.RESTORE_RESOURCE : AuditAction.RETIRE_RESOURCE,
                r -> r.setActive(active, caller(), clock.now()));
    }

    private ResourceView changed(CommunityResource resource, AuditAction action, Consumer<CommunityResource> change) {
        change.accept(resource);
        // the version moves now, so the answer names the version the next change must send
        em.flush();
        audit.record(AuditEvent.allowed(action, ENTITY, resource.getId()));
        return ResourceView.of(resource, clock.today());
    }

    private ResourceDetails checked(ResourceDetails details) {
        ResourceDetails normalized = ResourceRules.normalized(details);
        List<Invalid.Reason> reasons = ResourceRules.reasons(normalized, clock.today());
        if (!reasons.isEmpty()) {
            throw new Invalid(Invalid.Subject.RESOURCE, reasons);
        }
        return normalized;
    }

    private CommunityResource find(long resourceId) {
        CommunityResource resource = em.find(CommunityResource.class, resourceId);
        if (resource == null) {
            throw new NotFound("community resource", resourceId);
        }
        return resource;
    }

    private String caller() {
        return context.getCallerPrincipal().getName();
    }

    static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
