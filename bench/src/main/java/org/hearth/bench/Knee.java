package org.hearth.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The knee of the load benchmark: {@code run-benchmark.sh --knee} runs Gatling at 50, 100, 150 ... users, one
 * step after another with the same think times, and stops after the first step that does not hold. A step holds
 * when every interactive page's p95 (everything but signing in and the reports) is under 250 ms and at most
 * {@link #FAILED_SHARE} of its requests failed. The knee is the last step that held.
 *
 * <p>{@code Knee held <gatling run dir>}: exit status 0 when the step held, 1 (and why, printed) when not.
 * <br>{@code Knee report <out.md> <users>=<gatling run dir> ...}: each step's p95s side by side, and the knee.
 */
public final class Knee {

    /** The share of failed requests a step may have and still hold: 1%. */
    static final double FAILED_SHARE = 0.01;

    /** One step: its users and its requests. */
    record Step(int users, List<BenchReport.Request> requests) {

        /** Why the step did not hold: its failed requests and interactive pages over 250 ms; empty when it held. */
        List<String> misses() {
            List<String> misses = new ArrayList<>();
            long errors =
                    requests.stream().mapToLong(BenchReport.Request::errors).sum();
            long count = requests.stream().mapToLong(BenchReport.Request::count).sum();
            if (errors > FAILED_SHARE * count) {
                misses.add(String.format(Locale.ROOT, "%d of %d requests failed", errors, count));
            }
            for (BenchReport.Request r : requests) {
                if (BenchReport.isInteractive(r.name()) && r.p95() >= BenchReport.PAGE_P95_MS) {
                    misses.add(String.format(Locale.ROOT, "%s p95 %.0f ms", r.name(), r.p95()));
                }
            }
            return misses;
        }

        boolean held() {
            return misses().isEmpty();
        }
    }

    private Knee() {}

    public static void main(String[] args) throws IOException {
        if (args.length == 2 && args[0].equals("held")) {
            Step step = new Step(0, BenchReport.read(Path.of(args[1], "index.html")));
            List<String> misses = step.misses();
            System.out.println(
                    misses.isEmpty() ? "The step held." : "The step did not hold: " + String.join("; ", misses));
            System.exit(misses.isEmpty() ? 0 : 1);
        }
        if (args.length < 3 || !args[0].equals("report")) {
            System.err.println(
                    "usage: Knee held <gatling run dir> | Knee report <out.md> <users>=<gatling run dir> ...");
            System.exit(2);
        }
        List<Step> steps = new ArrayList<>();
        for (int i = 2; i < args.length; i++) {
            String[] step = args[i].split("=", 2);
            steps.add(new Step(Integer.parseInt(step[0]), BenchReport.read(Path.of(step[1], "index.html"))));
        }
        String report = markdown(steps);
        System.out.println(report);
        Files.writeString(Path.of(args[1]), report);
    }

    /** The last step that held, if any did (the steps are in the order they ran). */
    static Integer knee(List<Step> steps) {
        Integer knee = null;
        for (Step step : steps) {
            if (!step.held()) {
                break;
            }
            knee = step.users();
        }
        return knee;
    }

    static String markdown(List<Step> steps) {
        Set<String> names = new LinkedHashSet<>();
        steps.forEach(step -> step.requests().stream()
                .map(BenchReport.Request::name)
                .filter(BenchReport::isInteractive)
                .forEach(names::add));
        Set<String> reports = new LinkedHashSet<>();
        steps.forEach(step -> step.requests().stream()
                .map(BenchReport.Request::name)
                .filter(BenchReport::isReport)
                .forEach(reports::add));
        StringBuilder md = new StringBuilder("| p95 ms at | ");
        steps.forEach(step -> md.append(step.users()).append(" users | "));
        md.append("\n|---|");
        steps.forEach(step -> md.append("---:|"));
        md.append('\n');
        for (String name : names) {
            row(md, name, steps, name);
        }
        md.append("| *reports (target 2 s, not part of the knee)* |");
        steps.forEach(step -> md.append(" |"));
        md.append('\n');
        for (String name : reports) {
            row(md, name, steps, name);
        }
        md.append("| requests a second (all) |");
        steps.forEach(step -> md.append(String.format(
                Locale.ROOT,
                " %.1f |",
                step.requests().stream()
                        .mapToDouble(BenchReport.Request::perSecond)
                        .sum())));
        md.append("\n| failed requests |");
        steps.forEach(step -> md.append(' ')
                .append(step.requests().stream()
                        .mapToLong(BenchReport.Request::errors)
                        .sum())
                .append(" |"));
        md.append("\n| held |");
        steps.forEach(step -> md.append(step.held() ? " yes |" : " **no** |"));
        md.append("\n\n");
        Integer knee = knee(steps);
        Step first = steps.stream().filter(s -> !s.held()).findFirst().orElse(null);
        md.append(
                knee == null
                        ? "No step held"
                        : "The knee: **" + knee + " users** held (every interactive page under 250 ms at p95, at most"
                                + " 1% of the requests failed)");
        if (first != null) {
            md.append("; at ").append(first.users()).append(" users: ").append(String.join("; ", first.misses()));
        } else {
            md.append("; every step held (the steps ended before the knee)");
        }
        md.append(".\n");
        return md.toString();
    }

    private static void row(StringBuilder md, String label, List<Step> steps, String name) {
        md.append("| ").append(label).append(" |");
        for (Step step : steps) {
            Map<String, BenchReport.Request> byName = new LinkedHashMap<>();
            step.requests().forEach(r -> byName.put(r.name(), r));
            BenchReport.Request r = byName.get(name);
            if (r == null) {
                md.append(" - |");
            } else {
                boolean over = BenchReport.isInteractive(name) && r.p95() >= BenchReport.PAGE_P95_MS;
                md.append(String.format(Locale.ROOT, over ? " **%.0f** |" : " %.0f |", r.p95()));
            }
        }
        md.append('\n');
    }
}
