package org.hearth.bench;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The benchmark's report: for each request type of a Gatling run (the statistics table of its HTML report), the
 * count, p50, p95, p99, throughput and errors, the page's SQL floor ({@link Floors}), the stack floor measured in
 * the same run, and whether it meets the targets: no error; an interactive page's p95 under 250 ms and at most 3
 * times (its SQL floor + the stack floor); a report under 2 s. Then the WildFly heap's peak, against 1 GiB.
 *
 * <p>The stack floor is what any signed-in request costs before it reads anything: HTTP, the session (or the
 * bearer token), Faces, the deactivation check and one audit entry. The run times it on the lightest signed-in
 * page, the staff member's own profile ({@link #STACK_PAGE}), and on the same read through the API
 * ({@link #STACK_API}); a page is judged with the page's, an API call with the API's.
 *
 * <p>{@code java ... org.hearth.bench.BenchReport <gatling run dir> <floors.properties> <peak heap MiB> [out.md]}
 */
public final class BenchReport {

    static final double PAGE_P95_MS = 250;
    static final double FLOOR_MULTIPLE = 3;
    static final double REPORT_MS = 2_000;
    static final double HEAP_MIB = 1_024;

    /** One request type's figures. */
    record Request(String name, long count, long errors, double p50, double p95, double p99, double perSecond) {}

    private BenchReport() {}

    public static void main(String[] args) throws IOException {
        if (args.length < 3) {
            System.err.println("usage: BenchReport <gatling run dir> <floors.properties> <peak heap MiB> [out.md]");
            System.exit(2);
        }
        List<Request> requests = read(Path.of(args[0], "index.html"));
        Map<String, Double> floors = floors(Path.of(args[1]));
        String report = markdown(requests, floors, Double.parseDouble(args[2]));
        System.out.println(report);
        if (args.length > 3) {
            Files.writeString(Path.of(args[3]), report);
        }
    }

    private static final Pattern ROW = Pattern.compile(
            "<tr id=\"req_[^\"]*\"[^>]*>.*?class=\"ellipsed-name\">(.*?)</span>(.*?)</tr>", Pattern.DOTALL);
    private static final Pattern CELL = Pattern.compile("<td class=\"value [a-z]+ col-(\\d+)\">([^<]*)</td>");

    /**
     * The request types of a run, in the order of its report's statistics table ({@code index.html}: Gatling
     * 3.15 writes no stats.json): total, OK, KO, % KO, per second, min, 50th, 75th, 95th, 99th percentile, max.
     */
    static List<Request> read(Path indexHtml) throws IOException {
        String html = Files.readString(indexHtml);
        List<Request> requests = new ArrayList<>();
        Matcher row = ROW.matcher(html);
        while (row.find()) {
            Map<Integer, Double> cells = new HashMap<>();
            Matcher cell = CELL.matcher(row.group(2));
            while (cell.find()) {
                String text = cell.group(2).trim().replace(",", "");
                cells.put(
                        Integer.parseInt(cell.group(1)),
                        text.isEmpty() || text.equals("-") ? 0 : Double.parseDouble(text));
            }
            requests.add(new Request(
                    unescape(row.group(1)),
                    cells.getOrDefault(2, 0.0).longValue(),
                    cells.getOrDefault(4, 0.0).longValue(),
                    cells.getOrDefault(8, 0.0),
                    cells.getOrDefault(10, 0.0),
                    cells.getOrDefault(11, 0.0),
                    cells.getOrDefault(6, 0.0)));
        }
        if (requests.isEmpty()) {
            throw new IOException("No request statistics in " + indexHtml + ": is it a Gatling report?");
        }
        return requests;
    }

    private static String unescape(String html) {
        return html.replace("&#39;", "'")
                .replace("&quot;", "\"")
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&amp;", "&");
    }

    /** Each page's floor p95, in ms, as {@link Floors} wrote them. */
    static Map<String, Double> floors(Path properties) throws IOException {
        Properties read = new Properties();
        try (Reader reader = Files.newBufferedReader(properties)) {
            read.load(reader);
        }
        Map<String, Double> floors = new LinkedHashMap<>();
        read.forEach(
                (name, value) -> floors.put((String) name, Double.parseDouble(((String) value).split(",")[1].trim())));
        return floors;
    }

    /** What kind of target a request has: a report (2 s), an interactive page or call (250 ms, 3x floor). */
    static boolean isReport(String name) {
        return name.startsWith("supervisor: program overview")
                || name.startsWith("supervisor: export")
                || name.startsWith("supervisor: program report")
                || name.startsWith("supervisor: caseloads")
                || name.startsWith("supervisor: a figure's list");
    }

    /** Whether the request is part of signing in (Keycloak's own work, no target of Hearth's). */
    static boolean isSignIn(String name) {
        return name.startsWith("sign in") || name.startsWith("API token");
    }

    /** The request that times the stack floor of a page, and the same for the API. */
    static final String STACK_PAGE = "stack floor: my profile";

    static final String STACK_API = "stack floor: my profile (API)";

    /** Whether the request goes through the REST API (a bearer token, no Faces). */
    static boolean isApi(String name) {
        return name.startsWith("API") || name.contains("(API)");
    }

    /** Whether the request has an interactive page's targets (250 ms, the bound): neither a sign-in nor a report. */
    static boolean isInteractive(String name) {
        return !isSignIn(name) && !isReport(name);
    }

    /** The two stack floors of a run: its {@link #STACK_PAGE} and {@link #STACK_API} p95s, where timed. */
    record Stack(Double page, Double api) {
        static Stack of(List<Request> requests) {
            Double page = null;
            Double api = null;
            for (Request r : requests) {
                if (r.name().equals(STACK_PAGE)) {
                    page = r.p95();
                } else if (r.name().equals(STACK_API)) {
                    api = r.p95();
                }
            }
            return new Stack(page, api);
        }

        /** The stack floor that applies to a request: the API's for the API, the page's for a page. */
        Double of(String name) {
            return isApi(name) ? api : page;
        }
    }

    /** The most a page's p95 may be: 3 x (its SQL floor + the stack floor); null without a SQL floor. */
    static Double bound(Double floor, Double stack) {
        if (floor == null || floor <= 0) {
            return null;
        }
        return FLOOR_MULTIPLE * (floor + (stack == null ? 0 : stack));
    }

    /** The verdict for one request without a stack floor: 3 x its SQL floor. */
    static String verdict(Request request, Double floor) {
        return verdict(request, floor, null);
    }

    /** The verdict for one request: "ok", or what it misses. */
    static String verdict(Request request, Double floor, Double stack) {
        List<String> missed = new ArrayList<>();
        if (request.errors() > 0) {
            missed.add(request.errors() + " errors");
        }
        if (isSignIn(request.name())) {
            return missed.isEmpty() ? "ok (sign-in)" : String.join(", ", missed);
        }
        if (isReport(request.name())) {
            if (request.p95() >= REPORT_MS) {
                missed.add("p95 over 2 s");
            }
        } else {
            if (request.p95() >= PAGE_P95_MS) {
                missed.add("p95 over 250 ms");
            }
            Double bound = bound(floor, stack);
            if (bound != null && request.p95() > bound) {
                missed.add(stack == null ? "over 3x its floor" : "over 3x (SQL floor + stack floor)");
            }
        }
        return missed.isEmpty() ? "ok" : "MISSED: " + String.join(", ", missed);
    }

    static String markdown(List<Request> requests, Map<String, Double> floors, double peakHeapMib) {
        Stack stack = Stack.of(requests);
        StringBuilder md = new StringBuilder();
        md.append("| Request | Count | Errors | p50 ms | p95 ms | p99 ms | req/s | SQL floor p95 ms | Stack floor p95"
                + " ms | Bound ms | p95 / bound | Target |\n");
        md.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|\n");
        long errors = 0;
        int missed = 0;
        int judged = 0;
        int withinBound = 0;
        for (Request r : requests) {
            Double floor = floors.get(r.name());
            boolean interactive = isInteractive(r.name());
            Double stackFloor = interactive ? stack.of(r.name()) : null;
            Double bound = interactive ? bound(floor, stackFloor) : null;
            String verdict = verdict(r, floor, interactive ? stackFloor : null);
            errors += r.errors();
            if (verdict.startsWith("MISSED") || (r.errors() > 0)) {
                missed++;
            }
            if (bound != null) {
                judged++;
                if (r.p95() <= bound) {
                    withinBound++;
                }
            }
            md.append(String.format(
                    Locale.ROOT,
                    "| %s | %d | %d | %.0f | %.0f | %.0f | %.2f | %s | %s | %s | %s | %s |%n",
                    r.name(),
                    r.count(),
                    r.errors(),
                    r.p50(),
                    r.p95(),
                    r.p99(),
                    r.perSecond(),
                    floor == null ? "-" : String.format(Locale.ROOT, "%.1f", floor),
                    stackFloor == null ? "-" : String.format(Locale.ROOT, "%.0f", stackFloor),
                    bound == null ? "-" : String.format(Locale.ROOT, "%.0f", bound),
                    bound == null ? "-" : String.format(Locale.ROOT, "%.2f", r.p95() / bound),
                    verdict));
        }
        md.append(String.format(
                Locale.ROOT,
                "%nStack floor (p95, this run): page %s, API %s. Interactive requests with a SQL floor within 3 x"
                        + " (SQL floor + stack floor): %d of %d.%n",
                stack.page() == null ? "not timed" : String.format(Locale.ROOT, "%.0f ms", stack.page()),
                stack.api() == null ? "not timed" : String.format(Locale.ROOT, "%.0f ms", stack.api()),
                withinBound,
                judged));
        md.append(String.format(
                Locale.ROOT,
                "%nErrors: %d. WildFly heap peak: %.0f MiB (%s). Request types missing a target: %d.%n",
                errors,
                peakHeapMib,
                peakHeapMib < HEAP_MIB ? "under 1 GiB" : "MISSED: over 1 GiB",
                missed));
        return md.toString();
    }
}
