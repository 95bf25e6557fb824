package org.hearth.report;

import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.hearth.time.ClinicClock;

/**
 * The program reports counted in the last few minutes, by scope: a report costs seconds of database work at an
 * agency's size, and supervisors open the same program's overview, its lists and its exports again and again in a
 * morning. A count serves the same scope (programs, counselor, days, and the day it was made) for {@code
 * HEARTH_REPORT_CACHE_SECONDS} (300 by default; 0 counts every time); the report says when it was counted, and
 * applying a filter counts afresh ({@link ProgramReports#freshReport}).
 *
 * <p>How the counting spares the people working on the same two cores:
 *
 * <ul>
 *   <li>A scope nobody has counted yet is counted while its reader waits, once: who asks for it meanwhile waits for
 *       that count rather than starting another.
 *   <li>A count older than its lifetime is still served, with its "as of" time, while it is counted again in the
 *       background: one scope at a time, one figure at a time, so a recount takes at most one core from the
 *       pages staff are waiting for.
 *   <li>However many reports are being counted, at most {@link #FIGURE_SLOTS} figures are counted at a time: with
 *       every figure at once, a supervisor's first report ran seventeen queries on two cores and the pages of
 *       everyone else waited seconds.
 * </ul>
 *
 * <p>Only figures are kept, and only for a scope its reader was allowed: {@link ProgramReports} settles who may
 * read which scope before it asks, and audits every read. Each server keeps its own: nothing depends on another
 * node having counted.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class ReportCache {

    private static final Logger LOG = Logger.getLogger(ReportCache.class.getName());

    /** How many scopes are kept at most; the oldest go first. */
    static final int MAX_ENTRIES = 500;

    private final Map<Key, ProgramReport> reports = new ConcurrentHashMap<>();
    private final Map<Key, CompletableFuture<ProgramReport>> counting = new ConcurrentHashMap<>();
    private final Semaphore oneRecount = new Semaphore(1);

    /**
     * How many report figures are counted at a time across the server: two, so a report is counted in about half
     * the time its figures take one after another, and pages waiting for the database still find a core.
     */
    static final int FIGURE_SLOTS = 2;

    private final Semaphore figureSlots = new Semaphore(FIGURE_SLOTS, true);
    private final Duration lifetime;
    private final ClinicClock clock = new ClinicClock();

    @Resource
    private ManagedExecutorService managedExecutor;

    private final Executor background;

    public ReportCache() {
        this(lifetime(System.getenv("HEARTH_REPORT_CACHE_SECONDS")), null);
    }

    /** A cache keeping counts for {@code lifetime}, recounting on {@code background} (tests; else the server's). */
    ReportCache(Duration lifetime, Executor background) {
        this.lifetime = lifetime;
        this.background = background;
    }

    /**
     * What a report's figures depend on once the reader's rights are settled: the scope (programs, counselor,
     * days), whether it is read as the reader's own caseload, and the day it is counted on.
     */
    public record Key(ReportScope scope, boolean mine, LocalDate today) {}

    /**
     * The report of the key: the one counted in the last few minutes; else the last one while {@code recount}
     * counts it again in the background; else the one {@code count} makes now (then kept), or that a reader who
     * asked first is making.
     */
    public ProgramReport get(Key key, Supplier<ProgramReport> count, Supplier<ProgramReport> recount) {
        ProgramReport kept = reports.get(key);
        if (kept != null) {
            if (!fresh(kept)) {
                recountLater(key, recount);
            }
            return kept;
        }
        CompletableFuture<ProgramReport> mine = new CompletableFuture<>();
        CompletableFuture<ProgramReport> first = counting.putIfAbsent(key, mine);
        if (first != null) {
            return ProgramReports.result(first);
        }
        try {
            ProgramReport report = put(key, count.get());
            mine.complete(report);
            return report;
        } catch (RuntimeException e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            counting.remove(key, mine);
        }
    }

    /** Keeps a report just counted for its key; returns it. */
    public ProgramReport put(Key key, ProgramReport report) {
        if (lifetime.isZero()) {
            return report;
        }
        reports.merge(key, report, (old, now) -> now.asOf().isBefore(old.asOf()) ? old : now);
        if (reports.size() > MAX_ENTRIES) {
            reports.entrySet().removeIf(e -> !fresh(e.getValue()));
            reports.entrySet().stream()
                    .sorted(Comparator.comparing(e -> e.getValue().asOf()))
                    .limit(Math.max(0, reports.size() - MAX_ENTRIES))
                    .map(Map.Entry::getKey)
                    .toList()
                    .forEach(reports::remove);
        }
        return report;
    }

    /**
     * One figure's count, when one of the {@link #FIGURE_SLOTS} is free: every report's figures, counted now or in
     * the background, share them, so reports never take more of the database's cores than that, however many
     * supervisors open one at once.
     */
    public <T> T figure(Supplier<T> count) {
        figureSlots.acquireUninterruptibly();
        try {
            return count.get();
        } finally {
            figureSlots.release();
        }
    }

    /**
     * Counts the key again in the background, unless a recount (of any scope) is under way: then nothing waits in
     * a queue holding a server thread, and a later reader of this scope asks again.
     */
    private void recountLater(Key key, Supplier<ProgramReport> recount) {
        if (!oneRecount.tryAcquire()) {
            return;
        }
        try {
            executor().execute(() -> {
                try {
                    put(key, recount.get());
                } catch (RuntimeException e) {
                    // the kept count goes on serving, with its time; the next reader's request tries again
                    LOG.log(Level.WARNING, "A report could not be counted again in the background", e);
                } finally {
                    oneRecount.release();
                }
            });
        } catch (RuntimeException e) {
            oneRecount.release();
            LOG.log(Level.WARNING, "A report's recount could not be started", e);
        }
    }

    private Executor executor() {
        return background != null ? background : managedExecutor;
    }

    private boolean fresh(ProgramReport report) {
        return report.asOf().plus(lifetime).isAfter(clock.now());
    }

    /** The configured lifetime: whole seconds, 0 or more; 300 when unset or not a number. */
    static Duration lifetime(String seconds) {
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(seconds == null ? "300" : seconds.strip())));
        } catch (NumberFormatException e) {
            return Duration.ofSeconds(300);
        }
    }
}
