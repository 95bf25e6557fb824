package org.hearth.staff;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.hearth.audit.AuditAction;
import org.hearth.audit.AuditEvent;
import org.hearth.audit.AuditOutcome;
import org.hearth.audit.AuditTrail;
import org.hearth.security.Conflict;
import org.hearth.security.Invalid;
import org.hearth.security.NotFound;
import org.hearth.security.RequestMemo;
import org.hearth.security.Role;
import org.hearth.time.ClinicClock;

/**
 * Who serves where, for administrators: the staff list, each staff member's programs, deactivating and
 * reactivating staff, and creating, renaming, closing and reopening programs. Every change names the version it
 * was read at (a second editor gets a conflict, {@link Conflict}) and is audited; anyone else is
 * refused by the container, and the refusal audited.
 */
@Stateless
@RolesAllowed(Role.Names.ADMIN)
public class StaffAdministration {

    @Inject
    Event<StaffDeactivated> deactivations;

    @PersistenceContext
    private EntityManager em;

    @Resource
    private SessionContext context;

    @EJB
    private AuditTrail audit;

    @Inject
    private ClinicClock clock;

    /** A page of the staff list, searched, filtered and sorted by the database. Audited as a listing. */
    public StaffPage staff(@NotNull StaffQuery query) {
        StringBuilder where = new StringBuilder(" where 1 = 1");
        if (query.search() != null) {
            where.append(" and (lower(s.displayName) like :pattern or lower(s.username) like :pattern"
                    + " or lower(coalesce(s.email, '')) like :pattern)");
        }
        if (query.active() != null) {
            where.append(query.active() ? " and s.deactivatedAt is null" : " and s.deactivatedAt is not null");
        }
        String direction = query.descending() ? " desc" : " asc";
        String order =
                switch (query.sort()) {
                    case NAME -> "lower(s.displayName)" + direction;
                    case USERNAME -> "s.username" + direction;
                    case LAST_SIGN_IN -> "s.lastSignInAt" + direction + " nulls last";
                    case STATUS -> "case when s.deactivatedAt is null then 0 else 1 end" + direction
                            + ", lower(s.displayName)";
                };
        TypedQuery<StaffMember> rows = em.createQuery(
                        "select s from StaffMember s" + where + " order by " + order + ", s.id", StaffMember.class)
                .setFirstResult(query.first())
                .setMaxResults(query.max());
        TypedQuery<Long> count = em.createQuery("select count(s) from StaffMember s" + where, Long.class);
        if (query.search() != null) {
            String pattern = "%" + escapeLike(query.search().toLowerCase(Locale.ROOT)) + "%";
            rows.setParameter("pattern", pattern);
            count.setParameter("pattern", pattern);
        }
        List<StaffMember> members = rows.getResultList();
        Map<Long, List<Program>> programs =
                programsOf(members.stream().map(StaffMember::getId).toList());
        List<StaffRow> page = members.stream()
                .map(m -> StaffRow.of(m, programs.getOrDefault(m.getId(), List.of())))
                .toList();
        audit.record(AuditEvent.listed(
                AuditAction.READ_STAFF,
                "StaffMember",
                page.stream().map(StaffRow::id).toList()));
        return new StaffPage(page, count.getSingleResult());
    }

    /** One staff member, as the list shows them. Audited as a read. */
    public StaffRow member(long staffId) {
        StaffMember member = staffMember(staffId);
        audit.record(AuditEvent.allowed(AuditAction.READ_STAFF, "StaffMember", staffId));
        return rowOf(member);
    }

    /**
     * Replaces the programs the staff member works in. A closed program can be kept but not joined; an
     * unknown program id is refused. The staff member must be as read at {@code version}. Audited with the
     * programs joined and left.
     */
    public StaffRow setPrograms(
            long staffId, Long version, @NotNull(message = "{staff.programs.required}") Collection<Long> programIds) {
        StaffMember member = staffMember(staffId);
        requireVersion(member.getVersion(), version, "staff member");
        ProgramMembership.Change change = ProgramMembership.between(member.getProgramIds(), programIds);
        if (change.isNone()) {
            return rowOf(member);
        }
        List<String> joined = new ArrayList<>();
        for (Long id : change.added()) {
            Program program = programForMembership(id);
            if (program.isClosed()) {
                throw new Invalid(
                        Invalid.Subject.STAFF_CHANGE, Invalid.Reason.of(null, "program.closed", program.getName()));
            }
            member.joinProgram(program);
            joined.add(program.getName());
        }
        List<String> left = new ArrayList<>();
        for (Long id : change.removed()) {
            Program program = em.find(Program.class, id);
            member.leaveProgram(program);
            left.add(program.getName());
        }
        // the membership is the staff member's own collection: changing it moves their version (Hibernate's
        // default), so an editor who read them before this change is refused
        em.flush();
        RequestMemo.forgetInRequest(); // whose families the staff member works with changed
        audit.record(new AuditEvent(
                AuditAction.CHANGE_STAFF_PROGRAMS,
                "StaffMember",
                Long.toString(staffId),
                null,
                AuditOutcome.ALLOWED,
                clipped("joined " + joined + ", left " + left)));
        return rowOf(member);
    }

    /**
     * Deactivates the staff member: Hearth refuses their sign-in and every request from now on, whatever the
     * identity provider says. At once their open emergency accesses end, their calendar feed is revoked and
     * their covering assignments not yet over end; the families they are the primary counselor of keep them
     * until a supervisor reassigns each one (the answer counts them). Nobody deactivates themselves. Audited.
     */
    public Deactivation deactivate(long staffId, Long version) {
        StaffMember member = staffMember(staffId);
        requireVersion(member.getVersion(), version, "staff member");
        if (!member.isActive()) {
            throw new Invalid(
                    Invalid.Subject.STAFF_CHANGE,
                    Invalid.Reason.of(null, "staff.deactivatedAlready", member.getDisplayName()));
        }
        if (member.getUsername().equals(caller())) {
            throw new Invalid(Invalid.Subject.STAFF_CHANGE, Invalid.Reason.of(null, "staff.notYourself"));
        }
        Instant now = clock.now();
        member.deactivate(caller(), now);
        em.flush();
        StaffDeactivated ended = new StaffDeactivated(member, now, caller());
        deactivations.fire(ended);
        RequestMemo.forgetInRequest(); // caseloads and emergency accesses changed
        audit.record(new AuditEvent(
                AuditAction.DEACTIVATE_STAFF,
                "StaffMember",
                Long.toString(staffId),
                null,
                AuditOutcome.ALLOWED,
                "ended " + ended.emergencyAccessesEnded() + " emergency accesses, " + ended.calendarFeedsRevoked()
                        + " calendar feeds, " + ended.coveringAssignmentsEnded()
                        + " covering assignments; still primary counselor of " + ended.familiesStillPrimary()
                        + " families"));
        return new Deactivation(
                rowOf(member),
                ended.emergencyAccessesEnded(),
                ended.calendarFeedsRevoked(),
                ended.coveringAssignmentsEnded(),
                ended.familiesStillPrimary());
    }

    /**
     * Lets a deactivated staff member in again, with the programs they had. What deactivating ended stays
     * ended: emergency accesses, calendar feeds and covering assignments are made again if needed. Audited.
     */
    public StaffRow reactivate(long staffId, Long version) {
        StaffMember member = staffMember(staffId);
        requireVersion(member.getVersion(), version, "staff member");
        if (member.isActive()) {
            throw new Invalid(
                    Invalid.Subject.STAFF_CHANGE,
                    Invalid.Reason.of(null, "staff.activeAlready", member.getDisplayName()));
        }
        member.reactivate();
        em.flush();
        audit.record(AuditEvent.allowed(AuditAction.REACTIVATE_STAFF, "StaffMember", staffId));
        return rowOf(member);
    }

    /** Every program, open ones first, by name, with how many staff work in each. */
    public List<ProgramRow> programs() {
        List<Object[]> counts = em.createQuery(
                        "select p, (select count(s) from StaffMember s join s.programs sp where sp = p) from Program p"
                                + " order by case when p.closedAt is null then 0 else 1 end, lower(p.name), p.id",
                        Object[].class)
                .getResultList();
        return counts.stream()
                .map(row -> rowOf((Program) row[0], (Long) row[1]))
                .toList();
    }

    /**
     * The programs the caller may work with: every program for an administrator, otherwise the ones they belong to
     * (open ones first, by name), so that an API client can register a family into one without reading the database.
     */
    @RolesAllowed({Role.Names.FRONT_DESK, Role.Names.COUNSELOR, Role.Names.SUPERVISOR, Role.Names.ADMIN})
    public List<ProgramRow> programsOfCaller() {
        if (context.isCallerInRole(Role.Names.ADMIN)) {
            return programs();
        }
        List<Object[]> counts = em.createQuery(
                        "select p, (select count(o) from StaffMember o join o.programs op where op = p)"
                                + " from StaffMember s join s.programs p where s.username = :username"
                                + " order by case when p.closedAt is null then 0 else 1 end, lower(p.name), p.id",
                        Object[].class)
                .setParameter("username", context.getCallerPrincipal().getName())
                .getResultList();
        return counts.stream()
                .map(row -> rowOf((Program) row[0], (Long) row[1]))
                .toList();
    }

    /** Creates an open program. Its name must differ from every other program's, whatever the case. Audited. */
    public ProgramRow createProgram(
            @NotBlank(message = "{program.name.required}")
                    @Size(max = 120, message = "{program.name.length}")
                    @Pattern(regexp = ProgramMembership.NAME_PATTERN, message = "{program.name.characters}")
                    String name) {
        String normalized = ProgramMembership.normalizedName(name);
        requireNameFree(normalized, null);
        Program program = new Program(normalized);
        em.persist(program);
        em.flush();
        audit.record(new AuditEvent(
                AuditAction.CREATE_PROGRAM,
                "Program",
                program.getId().toString(),
                null,
                AuditOutcome.ALLOWED,
                clipped("named " + normalized)));
        return rowOf(program, 0);
    }

    /**
     * Renames the program and closes or reopens it, as read at {@code version}: a null name keeps the name, a
     * null {@code closed} keeps it open or closed. A closed program takes no new families, support groups or
     * staff; its families, groups, staff and reports stay as they are. Each change is audited.
     */
    public ProgramRow changeProgram(
            long programId,
            Long version,
            @Size(max = 120, message = "{program.name.length}")
                    @Pattern(regexp = ProgramMembership.NAME_PATTERN, message = "{program.name.characters}")
                    String name,
            Boolean closed) {
        Program program = em.find(Program.class, programId);
        if (program == null) {
            throw new NotFound("program", programId);
        }
        requireVersion(program.getVersion(), version, "program");
        if (name != null) {
            String normalized = ProgramMembership.normalizedName(name);
            if (normalized == null) {
                throw new Invalid(Invalid.Subject.STAFF_CHANGE, Invalid.Reason.of(null, "program.name.required"));
            }
            if (!normalized.equals(program.getName())) {
                requireNameFree(normalized, program);
                String before = program.getName();
                program.rename(normalized);
                audit.record(new AuditEvent(
                        AuditAction.RENAME_PROGRAM,
                        "Program",
                        Long.toString(programId),
                        null,
                        AuditOutcome.ALLOWED,
                        clipped("from " + before + " to " + normalized)));
            }
        }
        if (closed != null && closed != program.isClosed()) {
            if (closed) {
                program.close(caller(), clock.now());
            } else {
                program.reopen();
            }
            audit.record(AuditEvent.allowed(
                    closed ? AuditAction.CLOSE_PROGRAM : AuditAction.REOPEN_PROGRAM, "Program", programId));
        }
        em.flush();
        return rowOf(program, staffCount(program));
    }

    private StaffMember staffMember(long staffId) {
        StaffMember member = em.find(StaffMember.class, staffId);
        if (member == null) {
            throw new NotFound("staff member", staffId);
        }
        return member;
    }

    private Program programForMembership(Long programId) {
        Program program = programId == null ? null : em.find(Program.class, programId);
        if (program == null) {
            throw new Invalid(
                    Invalid.Subject.STAFF_CHANGE,
                    Invalid.Reason.of(null, "program.unknown", String.valueOf(programId)));
        }
        return program;
    }

    private void requireNameFree(String name, Program renamed) {
        List<Program> same = em.createQuery("select p from Program p where lower(p.name) = :name", Program.class)
                .setParameter("name", name.toLowerCase(Locale.ROOT))
                .getResultList();
        if (same.stream().anyMatch(p -> renamed == null || !p.getId().equals(renamed.getId()))) {
            throw new Invalid(Invalid.Subject.STAFF_CHANGE, Invalid.Reason.of(null, "program.name.taken", name));
        }
    }

    /** The programs of each staff member of a page, by name, in one query. */
    private Map<Long, List<Program>> programsOf(List<Long> staffIds) {
        Map<Long, List<Program>> programs = new HashMap<>();
        if (staffIds.isEmpty()) {
            return programs;
        }
        List<Object[]> pairs = em.createQuery(
                        "select s.id, p from StaffMember s join s.programs p where s.id in :ids order by p.name",
                        Object[].class)
                .setParameter("ids", staffIds)
                .getResultList();
        for (Object[] pair : pairs) {
            programs.computeIfAbsent((Long) pair[0], id -> new ArrayList<>()).add((Program) pair[1]);
        }
        return programs;
    }

    private StaffRow rowOf(StaffMember member) {
        Set<Program> programs = new LinkedHashSet<>(member.programs());
        return StaffRow.of(
                member,
                programs.stream().sorted(Comparator.comparing(Program::getName)).toList());
    }

    private long staffCount(Program program) {
        return em.createQuery("select count(s) from StaffMember s join s.programs p where p = :program", Long.class)
                .setParameter("program", program)
                .getSingleResult();
    }

    private static ProgramRow rowOf(Program program, long staffCount) {
        return new ProgramRow(
                program.getId(),
                program.getName(),
                program.isClosed(),
                program.getClosedAt(),
                program.getClosedBy(),
                staffCount,
                program.getVersion());
    }

    private static void requireVersion(long current, Long read, String what) {
        if (read == null || read.longValue() != current) {
            throw Conflict.stale(what);
        }
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static String clipped(String reason) {
        return reason.length() > 1000 ? reason.substring(0, 997) + "..." : reason;
    }

    private String caller() {
        return context.getCallerPrincipal().getName();
    }
}
