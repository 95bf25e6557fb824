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
                .contains("| counselor: my caseload | 100 | 0 | 40 | 90 | 140 | 1.67 | 30.0 | - | 90 | 1.00 | ok |")
                .contains("| supervisor: program overview | 20 | 1 | 900 | 2500 | 2900 | 0.33 | - | - | - | - |"
                        + " MISSED: 1 errors, p95 over 2 s |")
                .contains("Stack floor (p95, this run): page not timed, API not timed.")
                .contains("Errors: 1. WildFly heap peak: 612 MiB (under 1 GiB). Request types missing a target: 1.");
    }

    @Test
    void aPageIsJudgedAgainstThreeTimesItsSqlFloorPlusTheStackFloorOfTheSameRun() {
        List<BenchReport.Request> run = List.of(
                new BenchReport.Request(BenchReport.STACK_PAGE, 50, 0, 12, 20, 30, 0.3),
                new BenchReport.Request(BenchReport.STACK_API, 50, 0, 6, 10, 15, 0.3),
                new BenchReport.Request("counselor: family record", 100, 0, 60, 70, 90, 1.6),
                new BenchReport.Request("counselor: note page", 100, 0, 50, 71, 90, 1.6),
                new BenchReport.Request("API: an episode", 100, 0, 20, 40, 60, 1.6),
                new BenchReport.Request("front desk: book a session (API)", 100, 0, 20, 300, 400, 1.6));
        Map<String, Double> floors =
                Map.of("counselor: family record", 3.0, "counselor: note page", 3.0, "API: an episode", 4.0);

        String md = BenchReport.markdown(run, floors, 300);

        // 3 x (3 + 20) = 69: the family record's 70 is over, the note's 71 too; the API's 40 is within 3 x (4 + 10)
        assertThat(md)
                .contains("| counselor: family record | 100 | 0 | 60 | 70 | 90 | 1.60 | 3.0 | 20 | 69 | 1.01 |"
                        + " MISSED: over 3x (SQL floor + stack floor) |")
                .contains("| API: an episode | 100 | 0 | 20 | 40 | 60 | 1.60 | 4.0 | 10 | 42 | 0.95 | ok |")
                // no SQL floor: only the 250 ms
                .contains("| front desk: book a session (API) | 100 | 0 | 20 | 300 | 400 | 1.60 | - | 10 | - | - |"
                        + " MISSED: p95 over 250 ms |")
                .contains("Stack floor (p95, this run): page 20 ms, API 10 ms. Interactive requests with a SQL floor"
                        + " within 3 x (SQL floor + stack floor): 1 of 3.");
        assertThat(BenchReport.verdict(run.get(2), 3.0, 21.0)).isEqualTo("ok");
    }

    @Test
    void theKneeIsTheLastStepWhereEveryInteractivePageHeldUnder250MsWithoutErrors() {
        Knee.Step fifty = step(50, 120, 0, 1_500);
        Knee.Step hundred = step(100, 240, 0, 2_500);
        Knee.Step oneFifty = step(150, 260, 0, 1_000);
        Knee.Step twoHundred = step(200, 200, 0, 1_000);
        assertThat(fifty.held()).isTrue();
        // a report over 2 s is not the knee's business
        assertThat(hundred.held()).isTrue();
        assertThat(oneFifty.misses()).containsExactly("counselor: family record p95 260 ms");
        // 3 failed of 150 is over 1%; 1 of 150 is not
        assertThat(step(50, 100, 3, 1_000).misses()).containsExactly("3 of 150 requests failed");
        assertThat(step(50, 100, 1, 1_000).held()).isTrue();
        assertThat(Knee.knee(List.of(fifty, hundred, oneFifty, twoHundred))).isEqualTo(100);
        assertThat(Knee.knee(List.of(oneFifty))).isNull();

        String md = Knee.markdown(List.of(fifty, hundred, oneFifty));
        assertThat(md)
                .contains("| p95 ms at | 50 users | 100 users | 150 users |")
                .contains("| counselor: family record | 120 | 240 | **260** |")
                .contains("| supervisor: caseloads | 1500 | 2500 | 1000 |")
                .contains("| held | yes | yes | **no** |")
                .contains("The knee: **100 users** held")
                .contains("at 150 users: counselor: family record p95 260 ms.");
    }

    private static Knee.Step step(int users, double recordP95, long errors, double reportP95) {
        return new Knee.Step(
                users,
                List.of(
                        new BenchReport.Request("sign in: Keycloak login page", users, 0, 100, 900, 1_000, 1),
                        new BenchReport.Request("counselor: family record", users, errors, 50, recordP95, 300, 1),
                        new BenchReport.Request("supervisor: caseloads", users, 0, 500, reportP95, 3_000, 0.5)));
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
