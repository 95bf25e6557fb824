package org.hearth.report;

import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The program reports counted in the last few minutes, by scope: a report costs seconds of database work at an
 * agency's size, and supervisors open the same program's overview, its lists and its exports again and again in a
 * morning. A count serves the same scope (programs, counselor, days, and the day it was made) for {@code
 * HEARTH_REPORT_CACHE_SECONDS} (300 by default; 0 counts every time); the report says when it was counted, and
 * applying a filter counts afresh ({@link ProgramReports#freshReport}).
 *
 * <p>Only figures are kept, and only for a scope its reader was allowed: {@link ProgramReports} settles who may
 * read which scope before it asks, and audits every read. Each server keeps its own: nothing depends on another
 * node having counted.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class ReportCache {

    /** How many scopes are kept at most; the oldest go first. */
    static final int MAX_ENTRIES = 500;

    private final Map<Key, ProgramReport> reports = new ConcurrentHashMap<>();
    private final Duration lifetime = lifetime(System.getenv("HEARTH_REPORT_CACHE_SECONDS"));
    private final Clock clock = Clock.systemUTC();

    /** What a report's figures depend on once the reader's rights are settled. */
    public record Key(
            ReportScope scope, List<String> programNames, String counselorName, boolean mine, LocalDate today) {}

    /** The report of the key counted in the last few minutes, or the one {@code count} makes now (then kept). */
    public ProgramReport get(Key key, Supplier<ProgramReport> count) {
        return Optional.ofNullable(reports.get(key)).filter(this::fresh).orElseGet(() -> put(key, count.get()));
    }

    /** Keeps a report just counted for its key; returns it. */
    public ProgramReport put(Key key, ProgramReport report) {
        if (lifetime.isZero()) {
            return report;
        }
        reports.put(key, report);
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

    private boolean fresh(ProgramReport report) {
        return report.asOf().plus(lifetime).isAfter(Instant.now(clock));
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
