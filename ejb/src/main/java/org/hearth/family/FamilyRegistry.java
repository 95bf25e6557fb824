package org.hearth.family;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.hearth.audit.AuditAction;
import org.hearth.audit.AuditEvent;
import org.hearth.audit.AuditTrail;
import org.hearth.security.Invalid;
import org.hearth.security.Refused;
import org.hearth.security.Role;
import org.hearth.staff.Program;
import org.hearth.staff.StaffMember;
import org.hearth.time.ClinicClock;

/**
 * Registers the families that call: the front desk for any program, a supervisor for their own
 * programs. Before registering, it finds families that are likely the same (a member with the same
 * name and date of birth, or the same phone number), showing only contact details.
 */
@Stateless
public class FamilyRegistry {

    private static final int MAX_DUPLICATES = 10;
    private static final int MAX_SEARCH_RESULTS = 50;

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

    /**
     * Registers the family in status INTAKE with the next case number of this year. A supervisor who is
     * not also front desk registers only into a program they belong to; a closed program takes no new family.
     * Audited.
     */
    @RolesAllowed({Role.Names.FRONT_DESK, Role.Names.SUPERVISOR})
    public FamilyContact register(@NotNull @Valid NewFamily details) {
        Program program = programToRegisterInto(details.programId());
        if (program.isClosed()) {
            throw new Invalid(
                    Invalid.Subject.STAFF_CHANGE, Invalid.Reason.of(null, "program.closed", program.getName()));
        }
        LocalDate today = clock.today();
        CaseNumber caseNumber = new CaseNumberAllocator(em).next(today.getYear());
        Family family = new Family(
                caseNumber, program, details, context.getCallerPrincipal().getName(), clock.now(), today);
        em.persist(family);
        em.flush();
        audit.record(AuditEvent.allowedOnFamily(
                AuditAction.REGISTER_FAMILY, "Family", caseNumber.toString(), family.getId()));
        return FamilyContact.of(family);
    }

    /**
     * Families that are likely the ones being registered: a member with the same name (ignoring case)
     * and date of birth, or a member with the same phone digits, among the families of the programs the
     * caller serves (never another program's, whose families the caller has no part in). Contact details
     * only.
     */
    @RolesAllowed({Role.Names.FRONT_DESK, Role.Names.SUPERVISOR})
    public List<FamilyContact> likelyDuplicates(@NotNull NewFamily details) {
        if (details.programId() != null) {
            programToRegisterInto(details.programId());
        }
        // one query for all members: each name with its birth date, and every phone
        List<String> matches = new ArrayList<>();
        Map<String, Object> parameters = new HashMap<>();
        Set<String> phones = new LinkedHashSet<>();
        for (NewFamilyMember member : details.members()) {
            if (member == null) {
                continue;
            }
            if (member.fullName() != null && member.dateOfBirth() != null) {
                int n = matches.size();
                matches.add("(lower(m.fullName) = :name" + n + " and m.dateOfBirth = :born" + n + ")");
                parameters.put("name" + n, member.fullName().trim().toLowerCase(Locale.ROOT));
                parameters.put("born" + n, member.dateOfBirth());
            }
            String digits = PhoneNumbers.digitsOf(member.phone());
            if (digits != null) {
                phones.add(digits);
            }
        }
        if (!phones.isEmpty()) {
            matches.add("m.phoneDigits in :phones");
            parameters.put("phones", phones);
        }
        List<Long> programs = caller().getProgramIds();
        if (matches.isEmpty() || programs.isEmpty()) {
            return List.of();
        }
        var query = em.createQuery(
                "select m.family.id from FamilyMember m where m.family.program.id in :programs and ("
                        + String.join(" or ", matches) + ") group by m.family.id order by m.family.id",
                Long.class);
        parameters.forEach(query::setParameter);
        query.setParameter("programs", programs);
        List<Long> ids = query.setMaxResults(MAX_DUPLICATES).getResultList();
        List<FamilyContact> families = contactsOf(ids);
        audit.record(AuditEvent.listed(
                AuditAction.SEARCH_FAMILIES,
                "Family",
                families.stream().map(FamilyContact::id).toList()));
        return families;
    }

    /**
     * The front desk's family search: part of the family's or a member's name, a phone number (its
     * digits, at least four), or a case number. A supervisor finds only families of their own programs.
     * Contact details only, never clinical content; at most 50 families, by case number. Audited.
     */
    @RolesAllowed({Role.Names.FRONT_DESK, Role.Names.SUPERVISOR})
    public List<FamilyContact> search(
            @NotNull(message = "{family.search.length}") @Size(min = 2, max = 100, message = "{family.search.length}")
                    String text) {
        String term = text.trim();
        String digits = PhoneNumbers.digitsOf(term);
        // the families found each way, as one set the database reads through its indexes (V20's trigrams)
        StringBuilder where = new StringBuilder("f.id in (select x.id from Family x where lower(x.name) like :name"
                + " union select m.family.id from FamilyMember m where lower(m.fullName) like :name"
                + " union select x.id from Family x where x.caseNumber = :caseNumber");
        if (digits != null && digits.length() >= 4) {
            where.append(" union select m.family.id from FamilyMember m where m.phoneDigits like :digits");
        }
        where.append(")");
        boolean ownProgramsOnly = !context.isCallerInRole(Role.Names.FRONT_DESK);
        if (ownProgramsOnly) {
            where.append(" and f.program.id in :programs");
        }
        var query = em.createQuery("select f.id from Family f where " + where + " order by f.id", Long.class)
                .setParameter("name", SearchPatterns.containing(term.toLowerCase(Locale.ROOT)))
                .setParameter("caseNumber", term.toUpperCase(Locale.ROOT));
        if (digits != null && digits.length() >= 4) {
            query.setParameter("digits", "%" + digits + "%");
        }
        if (ownProgramsOnly) {
            List<Long> programs = caller().getProgramIds();
            if (programs.isEmpty()) {
                return List.of();
            }
            query.setParameter("programs", programs);
        }
        List<Long> ids = query.setMaxResults(MAX_SEARCH_RESULTS).getResultList();
        audit.record(AuditEvent.listed(AuditAction.SEARCH_FAMILIES, "Family", ids));
        return contactsOf(ids);
    }

    /**
     * The open programs the caller may register a family into: all for the front desk, their own for a
     * supervisor.
     */
    @RolesAllowed({Role.Names.FRONT_DESK, Role.Names.SUPERVISOR})
    public List<ProgramChoice> programsForRegistration() {
        List<Program> programs = em.createQuery(
                        "select p from Program p where p.closedAt is null order by p.name", Program.class)
                .getResultList();
        if (!context.isCallerInRole(Role.Names.FRONT_DESK)) {
            StaffMember me = caller();
            programs = programs.stream().filter(me::belongsTo).toList();
        }
        return programs.stream()
                .map(p -> new ProgramChoice(p.getId(), p.getName()))
                .toList();
    }

    /**
     * The program a family is registered into: any program for the front desk (an unknown one is named as such);
     * for a supervisor one of their own, and a program that is not theirs is refused exactly as one that does not
     * exist, so the answer tells nothing of other programs.
     */
    private Program programToRegisterInto(long programId) {
        Program program = em.find(Program.class, programId);
        if (context.isCallerInRole(Role.Names.FRONT_DESK)) {
            if (program == null) {
                throw Invalid.written(Invalid.Subject.FAMILY_CHANGE, "There is no program " + programId + ".");
            }
            return program;
        }
        if (program == null || !caller().belongsTo(program)) {
            throw new Refused("a supervisor registers families only in their own programs");
        }
        return program;
    }

    /** A program as a choice in a form. */
    public record ProgramChoice(long id, String name) implements Serializable {}

    private List<FamilyContact> contactsOf(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return em
                .createQuery(
                        "select distinct f from Family f join fetch f.program left join fetch f.members"
                                + " where f.id in :ids order by f.id",
                        Family.class)
                .setParameter("ids", ids)
                .getResultList()
                .stream()
                .map(FamilyContact::of)
                .toList();
    }

    private StaffMember caller() {
        return access.caller().staff().orElseThrow(() -> new Refused("the caller has no staff record yet"));
    }
}
