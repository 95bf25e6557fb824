package org.hearth.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchReportTest {

    private static Path stats() throws URISyntaxException {
        return Path.of(BenchReportTest.class.getResource("index.html").toURI());
    }

    @Test
    void readsEachRequestTypeOfGatlingsStatisticsTable() throws Exception {
        List<BenchReport.Request> requests = BenchReport.read(stats());

        assertThat(requests)
                .extracting(BenchReport.Request::name)
                .containsExactlyInAnyOrder(
                        "counselor: my caseload", "supervisor: program overview", "sign in: Keycloak login page");
        BenchReport.Request caseload = named(requests, "counselor: my caseload");
        assertThat(caseload.count()).isEqualTo(100);
        assertThat(caseload.errors()).isZero();
        assertThat(caseload.p50()).isEqualTo(40);
        assertThat(caseload.p95()).isEqualTo(90);
        assertThat(caseload.p99()).isEqualTo(140);
        assertThat(caseload.perSecond()).isEqualTo(1.67);
        assertThat(named(requests, "supervisor: program overview").errors()).isEqualTo(1);
    }

    private static BenchReport.Request named(List<BenchReport.Request> requests, String name) {
        return requests.stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void aPageMeetsItsTargetUnder250MsAndThreeTimesItsFloor() {
        BenchReport.Request page = new BenchReport.Request("counselor: my caseload", 100, 0, 40, 90, 140, 1.6);
        assertThat(BenchReport.verdict(page, 30.0)).isEqualTo("ok");
        assertThat(BenchReport.verdict(page, 29.0)).isEqualTo("MISSED: over 3x its floor");
        BenchReport.Request slow = new BenchReport.Request("counselor: family record", 100, 0, 200, 260, 300, 1.6);
        assertThat(BenchReport.verdict(slow, 100.0)).isEqualTo("MISSED: p95 over 250 ms");
    }

    @Test
    void aReportHasTwoSecondsAndSignInHasNoTargetButErrorsCountEverywhere() {
        assertThat(BenchReport.verdict(
                        new BenchReport.Request("supervisor: program overview", 20, 0, 900, 1_900, 2_100, 0.3), 500.0))
                .isEqualTo("ok");
        assertThat(BenchReport.verdict(
                        new BenchReport.Request("supervisor: program overview", 20, 1, 900, 2_500, 2_900, 0.3), 500.0))
                .isEqualTo("MISSED: 1 errors, p95 over 2 s");
        assertThat(BenchReport.verdict(
                        new BenchReport.Request("sign in: Keycloak login page", 10, 0, 300, 400, 420, 0.2), null))
                .isEqualTo("ok (sign-in)");
    }

    @Test
    void theMarkdownTableHasTheMultipleOfTheFloorAndTheHeap(@TempDir Path dir) throws Exception {
        Path floors = dir.resolve("floors.properties");
        Floors.write(Map.of("counselor: my caseload", new double[] {10, 30}), floors);
        assertThat(BenchReport.floors(floors)).containsEntry("counselor: my caseload", 30.0);

        String md = BenchReport.markdown(BenchReport.read(stats()), BenchReport.floors(floors), 612);
        assertThat(md)
                .contains("| counselor: my caseload | 100 | 0 | 40 | 90 | 140 | 1.67 | 30.0 | 3.0x | ok |")
                .contains(
                        "| supervisor: program overview | 20 | 1 | 900 | 2500 | 2900 | 0.33 | - | - | MISSED: 1 errors,"
                                + " p95 over 2 s |")
                .contains("Errors: 1. WildFly heap peak: 612 MiB (under 1 GiB). Request types missing a target: 1.");
    }

    @Test
    void percentilesAreNearestRank() {
        double[] sorted = new double[100];
        for (int i = 0; i < 100; i++) {
            sorted[i] = i + 1;
        }
        assertThat(Floors.percentile(sorted, 95)).isEqualTo(95);
        assertThat(Floors.percentile(sorted, 50)).isEqualTo(50);
        assertThat(Floors.summary(new double[] {5, 1, 3})).containsExactly(3, 5);
    }
}
