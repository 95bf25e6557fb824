package org.hearth.family;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.hearth.audit.AuditAction;
import org.hearth.audit.AuditEvent;
import org.hearth.audit.AuditTrail;
import org.hearth.security.AccessDeniedException;
import org.hearth.staff.Program;
import org.hearth.staff.Role;
import org.hearth.staff.StaffMember;

/**
 * Registers the families that call: the front desk for any program, a supervisor for their own
 * programs. Before registering, it finds families that are likely the same (a member with the same
 * name and date of birth, or the same phone number), showing only contact details.
 */
@Stateless
public class FamilyRegistry {

    private static final int MAX_DUPLICATES = 10;

    @PersistenceContext
    private EntityManager em;

    @Resource
    private SessionContext context;

    @EJB
    private AuditTrail audit;

    private final Clock clock = Clock.systemDefaultZone();

    /**
     * Registers the family in status INTAKE with the next case number of this year. A supervisor who is
     * not also front desk registers only into a program they belong to. Audited.
     */
    @RolesAllowed({Role.Names.FRONT_DESK, Role.Names.SUPERVISOR})
    public FamilyContact register(@NotNull @Valid NewFamily details) {
        Program program = em.find(Program.class, details.programId());
        if (program == null) {
            throw new UnknownProgramException(details.programId());
        }
        if (!context.isCallerInRole(Role.Names.FRONT_DESK) && !caller().belongsTo(program)) {
            throw new AccessDeniedException("a supervisor registers families only in their own programs");
        }
        LocalDate today = LocalDate.now(clock);
        CaseNumber caseNumber = new CaseNumberAllocator(em).next(today.getYear());
        Family family = new Family(
                caseNumber, program, details, context.getCallerPrincipal().getName(), Instant.now(clock), today);
        em.persist(family);
        em.flush();
        audit.record(AuditEvent.allowedOnFamily(
                AuditAction.REGISTER_FAMILY, "Family", caseNumber.toString(), family.getId()));
        return FamilyContact.of(family);
    }

    /**
     * Families that are likely the ones being registered: a member with the same name (ignoring case)
     * and date of birth, or a member with the same phone digits. Contact details only.
     */
    @RolesAllowed({Role.Names.FRONT_DESK, Role.Names.SUPERVISOR})
    public List<FamilyContact> likelyDuplicates(@NotNull NewFamily details) {
        Set<Long> ids = new LinkedHashSet<>();
        for (NewFamilyMember member : details.members()) {
            if (member == null) {
                continue;
            }
            if (member.fullName() != null && member.dateOfBirth() != null) {
                ids.addAll(em.createQuery(
                                "select m.family.id from FamilyMember m"
                                        + " where lower(m.fullName) = lower(:name) and m.dateOfBirth = :born",
                                Long.class)
                        .setParameter("name", member.fullName().trim())
                        .setParameter("born", member.dateOfBirth())
                        .setMaxResults(MAX_DUPLICATES)
                        .getResultList());
            }
            String digits = PhoneNumbers.digitsOf(member.phone());
            if (digits != null) {
                ids.addAll(em.createQuery(
                                "select m.family.id from FamilyMember m where m.phoneDigits = :digits", Long.class)
                        .setParameter("digits", digits)
                        .setMaxResults(MAX_DUPLICATES)
                        .getResultList());
            }
        }
        if (ids.isEmpty()) {
            return List.of();
        }
        List<Family> families = em.createQuery(
                        "select distinct f from Family f join fetch f.program left join fetch f.members"
                                + " where f.id in :ids order by f.id",
                        Family.class)
                .setParameter("ids", ids)
                .getResultList();
        audit.record(AuditEvent.allowed(
                AuditAction.SEARCH_FAMILIES,
                "Family",
                families.stream().map(Family::getId).map(Objects::toString).toList()));
        return families.stream().limit(MAX_DUPLICATES).map(FamilyContact::of).toList();
    }

    private StaffMember caller() {
        List<StaffMember> found = em.createNamedQuery("StaffMember.findByUsername", StaffMember.class)
                .setParameter("username", context.getCallerPrincipal().getName())
                .getResultList();
        if (found.isEmpty()) {
            throw new AccessDeniedException("the caller has no staff record yet");
        }
        return found.get(0);
    }
}
