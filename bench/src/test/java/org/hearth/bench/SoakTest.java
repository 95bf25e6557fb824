package org.hearth.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SoakTest {

    /** Samples every 30 s for {@code minutes}, the old generation after GC rising {@code mibPerMinute}. */
    private static List<Soak.Sample> samples(int minutes, double mibPerMinute, long connectionsAtEnd) {
        List<Soak.Sample> samples = new ArrayList<>();
        for (int s = 0; s <= minutes * 60; s += 30) {
            double old = 200 + mibPerMinute * s / 60.0;
            long connections = s > (minutes - 4) * 60 ? connectionsAtEnd : 12;
            samples.add(new Soak.Sample(1_000_000 + s, old + 150, old, 3, 9, 14, 0, 0, 0, 0, connections));
        }
        return samples;
    }

    @Test
    void a_steady_run_is_judged_flat_with_its_windows_of_five_minutes() {
        List<Soak.Sample> samples = samples(30, 0.5, 12);

        List<Soak.Window> windows = Soak.windows(samples);
        String verdict = Soak.verdict(windows, 0);

        assertThat(windows).hasSize(7); // minutes 0, 5, ..., 30
        assertThat(windows.get(1).minute()).isEqualTo(5);
        assertThat(verdict)
                .startsWith("0 errors")
                .contains("old generation after GC 205 → 215 MiB (flat)")
                .contains("database connections peak 12 in the last window, 12 in the second (flat)")
                .doesNotContain("GROWING");
    }

    @Test
    void a_heap_that_keeps_growing_and_connections_that_pile_up_are_named() {
        List<Soak.Sample> samples = samples(30, 8, 25);

        String verdict = Soak.verdict(Soak.windows(samples), 3);

        assertThat(verdict)
                .startsWith("3 errors")
                .contains("old generation after GC 276 → 440 MiB (GROWING)")
                .contains("database connections peak 25 in the last window, 12 in the second (GROWING)");
    }

    @Test
    void the_report_says_the_pool_waits_and_the_failures() {
        List<Soak.Sample> samples = new ArrayList<>(samples(20, 0, 12));
        Soak.Sample last = samples.remove(samples.size() - 1);
        samples.add(new Soak.Sample(last.epochSecond(), 300, 200, 4, 8, 17, 2, 41, 60, 0, 12));
        List<BenchReport.Request> requests = List.of(
                new BenchReport.Request("Front desk: day sheet", 900, 0, 40, 90, 120, 0.5),
                new BenchReport.Request("API: caseload", 300, 1, 20, 50, 80, 0.2));

        String report = Soak.report(samples, requests);

        assertThat(report)
                .contains("1200 requests in 20 minutes, 1 failed")
                .contains("The pool lent at most 17 connections at once; 2 requests waited for one (longest 41 ms,"
                        + " 60 ms in all); 0 timed out.")
                .contains("| Front desk: day sheet | 900 | 0 |");
    }

    @Test
    void a_samples_line_reads_back_as_written() {
        Soak.Sample sample = new Soak.Sample(1_700_000_000L, 512.5, 300.25, 3, 7, 11, 1, 5, 9, 0, 10);

        assertThat(Soak.Sample.parse(sample.line()))
                .isEqualTo(new Soak.Sample(1_700_000_000L, 512.5, 300.3, 3, 7, 11, 1, 5, 9, 0, 10));
    }
}
