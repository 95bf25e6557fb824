package org.hearth.report;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.hearth.audit.AuditAction;
import org.hearth.audit.AuditEvent;
import org.hearth.audit.AuditTrail;
import org.hearth.family.FamilyAccessPolicy;
import org.hearth.security.Invalid;
import org.hearth.security.Refused;
import org.hearth.security.Role;
import org.hearth.staff.Program;
import org.hearth.staff.StaffMember;
import org.hearth.staff.StaffMembers;
import org.hearth.time.ClinicClock;

/**
 * Program reports, the only door to their figures (DESIGN.md section 4, "reports"): a supervisor reads their
 * own programs - all of them, one, and optionally one counselor of them; a counselor reads the figures of their
 * own caseload, nothing wider. Every report read is one audit entry naming its scope.
 */
@Stateless
@RolesAllowed({Role.Names.SUPERVISOR, Role.Names.COUNSELOR})
public class ProgramReports {

    @Resource(lookup = "java:jboss/datasources/HearthDS")
    private DataSource dataSource;

    @PersistenceContext
    private EntityManager em;

    @Resource
    private SessionContext context;

    @Inject
    private FamilyAccessPolicy access;

    @EJB
    private AuditTrail audit;

    @EJB
    private ReportCache cache;

    @Resource
    private ManagedExecutorService executor;

    @Inject
    private ClinicClock clock;

    /**
     * Every figure for the filter's scope. A counselor gets their own caseload only (asking for a program or a
     * colleague is refused); a supervisor gets their programs, or one of them, or one counselor of them.
     */
    public ProgramReport report(@NotNull @Valid ReportFilter filter) {
        Reader reader = readerOf(filter);
        ProgramReport report = cached(reader, filter);
        audit.record(AuditEvent.allowed(AuditAction.READ_PROGRAM_REPORT, "ProgramReport", describe(filter)));
        return report;
    }

    /**
     * As {@link #report}, counted afresh now rather than served from the last few minutes' count: what the reader
     * gets when they apply a filter; the count then serves the next readers of the same scope.
     */
    public ProgramReport freshReport(@NotNull @Valid ReportFilter filter) {
        Reader reader = readerOf(filter);
        ProgramReport report = cache.put(keyOf(reader, filter), figuresOf(reader, filter));
        audit.record(AuditEvent.allowed(AuditAction.READ_PROGRAM_REPORT, "ProgramReport", describe(filter)));
        return report;
    }

    /**
     * What a report's figures depend on once the reader's rights are settled: the scope, whether it is the reader's
     * own caseload, and the day (the names it shows follow from the scope's programs and counselor).
     */
    private ReportCache.Key keyOf(Reader reader, ReportFilter filter) {
        return new ReportCache.Key(reader.scope(), filter.mine(), clock.today());
    }

    /**
     * The scope's report from the cache: counted now, its figures side by side, when nobody has counted it yet;
     * counted again in the background, one figure after another, when the kept one is past its lifetime.
     */
    private ProgramReport cached(Reader reader, ReportFilter filter) {
        // the background recount outlives this request and this bean instance: it holds only what it needs
        DataSource source = dataSource;
        Clock now = clock.asClock();
        ReportCache slots = cache;
        return cache.get(
                keyOf(reader, filter),
                () -> figuresOf(reader, filter),
                () -> count(new ProgramFigures(source, now), reader, filter, Runnable::run, now, slots));
    }

    /**
     * Every figure of the scope, counted side by side on the server's executor (each its own read-only statement
     * and connection): a report waits for its slowest figures, not for the sum of them all.
     */
    private ProgramReport figuresOf(Reader reader, ReportFilter filter) {
        return count(new ProgramFigures(dataSource, clock.asClock()), reader, filter, executor, clock.asClock(), cache);
    }

    /**
     * Every figure of the reader's scope, each counted on {@code on} (directly, or side by side) in one of the
     * server's figure slots ({@link ReportCache#figure}).
     */
    private static ProgramReport count(
            ProgramFigures figures, Reader reader, ReportFilter filter, Executor on, Clock clock, ReportCache slots) {
        ReportScope scope = reader.scope();
        Executor limited = task -> on.execute(() -> slots.figure(() -> {
            task.run();
            return null;
        }));
        // the slowest first, so that they start at once
        var caseloads = counted(() -> figures.caseloads(scope), limited);
        var sessionsBeforeEntry = counted(() -> figures.sessionsBeforeEntry(scope), limited);
        var timeToEntry = counted(() -> figures.timeToEntry(scope), limited);
        var daysToEntry = counted(() -> figures.daysToEntry(scope), limited);
        var entryByCohort = counted(() -> figures.entryByCohort(scope), limited);
        var levelsOfCare = counted(() -> figures.levelsOfCareEntered(scope), limited);
        var retention = counted(() -> figures.retention(scope), limited);
        var craftProcedures = counted(() -> figures.craftProceduresDelivered(scope), limited);
        var groupAttendance = counted(() -> figures.groupAttendance(scope), limited);
        var fidelity = counted(() -> figures.fidelity(scope), limited);
        var sessionsHeld = counted(() -> figures.sessionsHeld(scope), limited);
        var sessionAttendance = counted(() -> figures.sessionAttendance(scope), limited);
        var refusalReasons = counted(() -> figures.refusalReasons(scope), limited);
        var criticalEvents = counted(() -> figures.criticalEvents(scope), limited);
        var naloxoneKits = counted(() -> figures.naloxoneKitsGiven(scope), limited);
        var episodesOpened = counted(() -> figures.episodesOpened(scope), limited);
        var waitlists = counted(() -> figures.waitlists(scope), limited);
        var referrals = counted(() -> figures.referrals(scope), limited);
        var referralsLost = counted(() -> figures.referralsLost(scope), limited);
        var entriesByProvider = counted(() -> figures.entriesByProvider(scope), limited);
        var offersAfterCriticalEvent = counted(() -> figures.offersAfterCriticalEvent(scope), limited);
        var resourcesGiven = counted(() -> figures.resourcesGiven(scope), limited);
        var familyWellbeing = counted(() -> figures.familyWellbeing(scope), limited);
        return new ProgramReport(
                reader.programNames(),
                reader.counselorName(),
                filter.mine(),
                filter.from(),
                filter.to(),
                result(episodesOpened),
                result(entryByCohort),
                result(daysToEntry),
                result(timeToEntry),
                result(retention),
                result(refusalReasons),
                result(levelsOfCare),
                result(criticalEvents),
                result(naloxoneKits),
                result(sessionsHeld),
                result(sessionAttendance),
                result(groupAttendance),
                result(waitlists),
                result(craftProcedures),
                result(sessionsBeforeEntry),
                result(caseloads),
                result(fidelity),
                new TreatmentPath(
                        result(referrals),
                        result(referralsLost),
                        result(entriesByProvider),
                        result(offersAfterCriticalEvent)),
                result(resourcesGiven),
                result(familyWellbeing),
                clock.instant());
    }

    private static <T> CompletableFuture<T> counted(Supplier<T> figure, Executor on) {
        return CompletableFuture.supplyAsync(figure, on);
    }

    /** A figure's count, or the failure that stopped it, as thrown where it was counted. */
    static <T> T result(CompletableFuture<T> figure) {
        try {
            return figure.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw e;
        }
    }

    /** The kinds of file a report is exported as. */
    public enum ExportFormat {
        CSV,
        XLSX,
        PDF
    }

    /**
     * The report as a de-identified file ({@link ReportExports}), for a funder or a board: the same scope rules as
     * {@link #report}; each export is audited as such.
     */
    public void export(@NotNull @Valid ReportFilter filter, @NotNull ExportFormat format, OutputStream out)
            throws IOException {
        Reader reader = readerOf(filter);
        ProgramReport report = cached(reader, filter);
        switch (format) {
            case CSV -> ReportExports.csv(report, out);
            case XLSX -> ReportExports.xlsx(report, out);
            case PDF -> ReportPdf.write(report, out);
        }
        audit.record(AuditEvent.allowed(
                AuditAction.EXPORT_PROGRAM_REPORT, "ProgramReport", format + ", " + describe(filter)));
    }

    /**
     * The records behind one figure, in the same scope as {@link #report}, de-identified: numbered rows of the
     * figure's kind, no family named. Audited as a report read.
     */
    public FigureList list(@NotNull @Valid ReportFilter filter, @NotNull ReportFigure figure, String key) {
        List<Listed> records = recordsOf(filter, figure, key);
        List<FigureList.Row> rows = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            rows.add(new FigureList.Row(i + 1, null, null, null));
        }
        audit.record(AuditEvent.allowed(
                AuditAction.READ_PROGRAM_REPORT,
                "ProgramReport",
                "list " + figure + " " + key + ", " + describe(filter)));
        return new FigureList(figure, key, figure.recordKind(), rows, false);
    }

    /**
     * The records behind one figure with their families named (case number and name), for a reader who asks:
     * only families within the reader's scope, which the scope rules keep to their programs or caseload. One
     * audit entry, listing the families.
     */
    public FigureList identifiedList(@NotNull @Valid ReportFilter filter, @NotNull ReportFigure figure, String key) {
        List<Listed> records = recordsOf(filter, figure, key);
        Set<Long> familyIds = new TreeSet<>();
        records.forEach(r -> familyIds.add(r.familyId()));
        Map<Long, Object[]> families = new HashMap<>();
        if (!familyIds.isEmpty()) {
            em.createQuery("select f.id, f.caseNumber, f.name from Family f where f.id in :ids", Object[].class)
                    .setParameter("ids", familyIds)
                    .getResultList()
                    .forEach(f -> families.put((Long) f[0], f));
        }
        List<FigureList.Row> rows = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            Object[] family = families.get(records.get(i).familyId());
            rows.add(new FigureList.Row(i + 1, records.get(i).familyId(), (String) family[1], (String) family[2]));
        }
        audit.record(AuditEvent.listed(AuditAction.READ_IDENTIFIED_REPORT_LIST, "Family", List.copyOf(familyIds)));
        return new FigureList(figure, key, figure.recordKind(), rows, true);
    }

    /**
     * A figure's identified list as a file (CSV or XLSX) to act on - whom to call, whose note is overdue: the
     * families named as in {@link #identifiedList}, which audits them, and an export entry naming the scope.
     */
    public void exportIdentifiedList(
            @NotNull @Valid ReportFilter filter,
            @NotNull ReportFigure figure,
            String key,
            @NotNull ExportFormat format,
            OutputStream out)
            throws IOException {
        if (format == ExportFormat.PDF) {
            throw Invalid.written(Invalid.Subject.REPORT, "A list is exported as CSV or XLSX.");
        }
        FigureList list = identifiedList(filter, figure, key);
        List<String> heading = List.of(
                "Hearth: the families behind a report figure",
                "Figure: " + figure.name().toLowerCase(Locale.ROOT).replace('_', ' ')
                        + (key == null ? "" : " (" + key + ")"),
                filter.from() + " to " + filter.to(),
                "Identified: it names families. Substance-use records under 42 CFR Part 2: do not redisclose.");
        if (format == ExportFormat.CSV) {
            ReportExports.csv(list, heading, out);
        } else {
            ReportExports.xlsx(list, heading, out);
        }
        audit.record(AuditEvent.allowed(
                AuditAction.EXPORT_PROGRAM_REPORT,
                "ProgramReport",
                format + " identified list " + figure + " " + key + ", " + describe(filter)));
    }

    private List<Listed> recordsOf(ReportFilter filter, ReportFigure figure, String key) {
        if (key != null && key.length() > 40) {
            // no key (a month, a reason, an id) is longer; this one would only fill the audit trail
            throw Invalid.written(Invalid.Subject.REPORT, "There is no such list: a key is at most 40 characters.");
        }
        Reader reader = readerOf(filter);
        try {
            return figure.records(new FigureLists(dataSource, clock.asClock()), reader.scope(), key);
        } catch (IllegalArgumentException wrongKey) {
            throw Invalid.written(Invalid.Subject.REPORT, "There is no such list: " + wrongKey.getMessage() + ".");
        }
    }

    /** The programs a supervisor may report on, by name, for the page's choice. */
    @RolesAllowed(Role.Names.SUPERVISOR)
    public List<Program> programsOfCaller() {
        List<Long> mine = access.caller().programIds();
        if (mine.isEmpty()) {
            return List.of();
        }
        return em.createQuery("select p from Program p where p.id in :mine order by p.name", Program.class)
                .setParameter("mine", mine)
                .getResultList();
    }

    /** The counselors of the supervisor's programs, for the page's choice. */
    @RolesAllowed(Role.Names.SUPERVISOR)
    public List<StaffMember> counselorsOfCaller() {
        StaffMembers staff = new StaffMembers(em);
        return programsOfCaller().stream()
                .flatMap(p -> staff.counselorsOf(p).stream())
                .distinct()
                .sorted(Comparator.comparing(StaffMember::getDisplayName))
                .toList();
    }

    /** Who asks, and the scope they may have: the rule of the class comment. */
    private Reader readerOf(ReportFilter filter) {
        StaffMembers staff = new StaffMembers(em);
        StaffMember me = access.caller().staffRecord();
        boolean supervisor = context.isCallerInRole(Role.Names.SUPERVISOR);
        if (filter.mine() || !supervisor) {
            if (!context.isCallerInRole(Role.Names.COUNSELOR)) {
                throw new Refused("a caseload's report is its counselor's");
            }
            if (filter.programId() != null
                    || (filter.counselorUsername() != null
                            && !filter.counselorUsername().equals(me.getUsername()))) {
                throw new Refused("a counselor reads the figures of their own caseload only");
            }
            ReportScope scope = ReportScope.ofPrograms(me.getProgramIds(), filter.from(), filter.to())
                    .forCounselor(me.getId());
            return new Reader(scope, programNames(me.getProgramIds()), me.getDisplayName());
        }
        List<Long> programs = me.getProgramIds();
        if (filter.programId() != null) {
            if (!programs.contains(filter.programId())) {
                throw new Refused("a supervisor reads the reports of their own programs");
            }
            programs = List.of(filter.programId());
        }
        ReportScope scope = ReportScope.ofPrograms(programs, filter.from(), filter.to());
        if (filter.counselorUsername() == null) {
            return new Reader(scope, programNames(programs), null);
        }
        Set<Long> allowed = Set.copyOf(programs);
        StaffMember counselor = staff.byUsername(filter.counselorUsername())
                .filter(s -> s.getRoles().contains(Role.Names.COUNSELOR))
                .filter(s -> s.getProgramIds().stream().anyMatch(allowed::contains))
                .orElseThrow(() -> new Refused("the counselor does not work in the supervisor's programs"));
        return new Reader(scope.forCounselor(counselor.getId()), programNames(programs), counselor.getDisplayName());
    }

    private List<String> programNames(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return em.createQuery("select p.name from Program p where p.id in :ids order by p.name", String.class)
                .setParameter("ids", ids)
                .getResultList();
    }

    private static String describe(ReportFilter filter) {
        return (filter.mine() ? "own caseload" : "program " + (filter.programId() == null ? "all" : filter.programId()))
                + (filter.counselorUsername() == null ? "" : ", counselor " + filter.counselorUsername())
                + ", " + filter.from() + " to " + filter.to();
    }

    private record Reader(ReportScope scope, List<String> programNames, String counselorName) {}
}
