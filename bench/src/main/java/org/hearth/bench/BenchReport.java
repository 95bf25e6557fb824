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
 * count, p50, p95, p99, throughput and errors, the page's floor ({@link Floors}), its p95 as a multiple of the
 * floor, and whether it meets the targets: no error; an interactive page's p95 under 250 ms and at most 3 times
 * its floor; a report under 2 s. Then the WildFly heap's peak, against 1 GiB.
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

    /** The verdict for one request: "ok", or what it misses. */
    static String verdict(Request request, Double floor) {
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
            if (floor != null && floor > 0 && request.p95() > FLOOR_MULTIPLE * floor) {
                missed.add("over 3x its floor");
            }
        }
        return missed.isEmpty() ? "ok" : "MISSED: " + String.join(", ", missed);
    }

    static String markdown(List<Request> requests, Map<String, Double> floors, double peakHeapMib) {
        StringBuilder md = new StringBuilder();
        md.append("| Request | Count | Errors | p50 ms | p95 ms | p99 ms | req/s | Floor p95 ms | p95 / floor |"
                + " Target |\n");
        md.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---|\n");
        long errors = 0;
        int missed = 0;
        for (Request r : requests) {
            Double floor = floors.get(r.name());
            String verdict = verdict(r, floor);
            errors += r.errors();
            if (verdict.startsWith("MISSED") || (r.errors() > 0)) {
                missed++;
            }
            md.append(String.format(
                    Locale.ROOT,
                    "| %s | %d | %d | %.0f | %.0f | %.0f | %.2f | %s | %s | %s |%n",
                    r.name(),
                    r.count(),
                    r.errors(),
                    r.p50(),
                    r.p95(),
                    r.p99(),
                    r.perSecond(),
                    floor == null ? "-" : String.format(Locale.ROOT, "%.1f", floor),
                    floor == null || floor <= 0 ? "-" : String.format(Locale.ROOT, "%.1fx", r.p95() / floor),
                    verdict));
        }
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
