package org.hearth.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hearth.engagement.CriticalEventKind.ARREST_OR_LEGAL;
import static org.hearth.engagement.CriticalEventKind.NON_FATAL_OVERDOSE;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import org.hearth.report.ReportFigures.Count;
import org.hearth.report.ReportFigures.SuppressionReason;
import org.hearth.time.ClinicTime;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The figures of the path from "yes" to treatment (issue 24) over March and April 2026, read on 1 July 2026,
 * against one hand-built program. Referrals (one loved one each; A and B are two providers of the directory):
 *
 * <pre>
 * referral  accepted  made   provider  plan ready  what became of it          counts as
 * R1        03-04     03-05  A         yes         arrived 03-09              arrived, 5 days
 * R2        03-10     03-10  A         yes         arrived 03-12              arrived, 2 days
 * R3        03-19     03-20  B         no          arrived 03-29              arrived, 10 days
 * R4        04-01     04-01  B         no          did not arrive 04-03,      lost: no transport
 *                                                  NO_TRANSPORT
 * R5        04-05     04-05  A         yes         did not arrive 04-08,      lost: no transport
 *                                                  NO_TRANSPORT
 * R6        04-09     04-10  A         no          did not arrive 04-12,      lost: a code this version does
 *                                                  LEFT_TOWN                  not know, shown as written
 * R7        04-25     04-25  B         yes         still open                 made, neither
 * R8        02-24     02-25  B         yes         arrived 03-02              made before the range; an arrival
 *                                                                             at B in it
 * R9        04-28     04-28  A         no          arrived 05-03              made in the range; arrived after it
 * </pre>
 *
 * <p>By hand: 8 referrals made (R1-R7, R9); 3 arrived (R1, R2, R3), median of 2, 5, 10 days = 5; 3 did not
 * arrive - NO_TRANSPORT 2, LEFT_TOWN 1; ready plans at acceptance 4 of 8 (R1, R2, R5, R7); arrivals in the range
 * by provider: A 2 (R1, R2), B 2 (R3, R8).
 *
 * <p>Offers and critical events (each line one loved one's episode, besides the referrals' own accepted offers,
 * which follow no critical event):
 *
 * <pre>
 * X  overdose 03-01; offers 03-10 accepted (9 days after), 03-15 refused (14 days), 03-16 deferred (15: not)
 * W  arrest 02-20 (before the range); offer 03-01 accepted (9 days after)
 * Z  overdose 04-10; offer 04-10 refused (same day); offer 05-02 accepted (after the range: not)
 * Y  overdose 04-20, voided; offer 04-22 accepted (not: the event never happened)
 * V  overdose 04-25; U, another loved one: offer 04-26 accepted (not: another episode's event)
 * </pre>
 *
 * <p>By hand: 4 offers within 14 days after a critical event (X 03-10, X 03-15, W 03-01, Z 04-10), 2 accepted.
 */
class TreatmentPathFiguresPostgresTest {

    private static final LocalDate MARCH_1 = LocalDate.of(2026, 3, 1);
    private static final LocalDate APRIL_30 = LocalDate.of(2026, 4, 30);
    private static final Clock JULY_1 = Clock.fixed(
            ZonedDateTime.of(2026, 7, 1, 12, 0, 0, 0, ClinicTime.zone()).toInstant(), ClinicTime.zone());

    private static ReportScope marchAndApril;
    private static ProgramFigures figures;
    private static FigureLists lists;
    private static long providerA, providerB;
    private static long r1, r2, r3, r4, r5, r6, r7, r8, r9;
    private static long x10, x15, w01, z10;

    @BeforeAll
    static void buildTheProgram() {
        ReportDataset data = ReportDataset.inNewProgram();
        long carlos = data.counselor("Carlos");
        long family = data.family(carlos, LocalDate.of(2026, 1, 10));
        providerA = data.provider("Riverside Recovery");
        providerB = data.provider("Lakeview Treatment Center");

        r1 = data.referral(lovedOne(data, family), providerA, day(3, 4), day(3, 5), true, "ARRIVED", day(3, 9), null);
        r2 = data.referral(
                lovedOne(data, family), providerA, day(3, 10), day(3, 10), true, "ARRIVED", day(3, 12), null);
        r3 = data.referral(
                lovedOne(data, family), providerB, day(3, 19), day(3, 20), false, "ARRIVED", day(3, 29), null);
        r4 = data.referral(
                lovedOne(data, family),
                providerB,
                day(4, 1),
                day(4, 1),
                false,
                "NOT_ARRIVED",
                day(4, 3),
                "NO_TRANSPORT");
        r5 = data.referral(
                lovedOne(data, family),
                providerA,
                day(4, 5),
                day(4, 5),
                true,
                "NOT_ARRIVED",
                day(4, 8),
                "NO_TRANSPORT");
        r6 = data.referral(
                lovedOne(data, family),
                providerA,
                day(4, 9),
                day(4, 10),
                false,
                "NOT_ARRIVED",
                day(4, 12),
                "LEFT_TOWN");
        r7 = data.referral(lovedOne(data, family), providerB, day(4, 25), day(4, 25), true, "OPEN", null, null);
        r8 = data.referral(lovedOne(data, family), providerB, day(2, 24), day(2, 25), true, "ARRIVED", day(3, 2), null);
        r9 = data.referral(
                lovedOne(data, family), providerA, day(4, 28), day(4, 28), false, "ARRIVED", day(5, 3), null);

        long x = lovedOne(data, family);
        data.critical(x, day(3, 1), NON_FATAL_OVERDOSE);
        x10 = data.offered(x, day(3, 10), "ACCEPTED");
        x15 = data.offered(x, day(3, 15), "REFUSED");
        data.offered(x, day(3, 16), "DEFERRED");
        long w = lovedOne(data, family);
        data.critical(w, day(2, 20), ARREST_OR_LEGAL);
        w01 = data.offered(w, day(3, 1), "ACCEPTED");
        long z = lovedOne(data, family);
        data.critical(z, day(4, 10), NON_FATAL_OVERDOSE);
        z10 = data.offered(z, day(4, 10), "REFUSED");
        data.offered(z, day(5, 2), "ACCEPTED");
        long y = lovedOne(data, family);
        data.voidedCritical(y, day(4, 20), NON_FATAL_OVERDOSE);
        data.offered(y, day(4, 22), "ACCEPTED");
        long v = lovedOne(data, family);
        data.critical(v, day(4, 25), NON_FATAL_OVERDOSE);
        long u = lovedOne(data, family);
        data.offered(u, day(4, 26), "ACCEPTED");

        marchAndApril = data.scope(MARCH_1, APRIL_30);
        figures = new ProgramFigures(ReportDatabase.dataSource(), JULY_1);
        lists = new FigureLists(ReportDatabase.dataSource(), JULY_1);
    }

    private static long lovedOne(ReportDataset data, long family) {
        return data.episode(family, LocalDate.of(2026, 1, 15));
    }

    private static LocalDate day(int month, int day) {
        return LocalDate.of(2026, month, day);
    }

    @Test
    void referralsMadeInTheRangeArriveOrAreLostByTheLastDayObserved() {
        ReferralOutcomes referrals = figures.referrals(marchAndApril);

        assertThat(referrals.started())
                .as("R1-R7 and R9; R8 was made in February")
                .isEqualTo(8);
        assertThat(referrals.arrived()).as("R1, R2, R3; R9 arrived in May").isEqualTo(3);
        assertThat(referrals.medianDaysToArrival())
                .as("the middle of 2, 5 and 10 days")
                .isEqualTo(5.0);
        assertThat(referrals.lost()).as("R4, R5, R6").isEqualTo(3);
        assertThat(referrals.readyShare()).as("R1, R2, R5, R7 of 8").isEqualTo(new Share(4, 8));

        assertThat(ids(lists.referrals(marchAndApril, ""))).containsExactly(r1, r2, r3, r4, r5, r6, r7, r9);
        assertThat(ids(lists.referrals(marchAndApril, " where arrived"))).containsExactly(r1, r2, r3);
        assertThat(ids(lists.referrals(marchAndApril, " where ready"))).containsExactly(r1, r2, r5, r7);
    }

    @Test
    void lostReferralsAreCountedByTheirCodeKnownOrNot() {
        assertThat(figures.referralsLost(marchAndApril))
                .containsExactly(new ReasonTally("NO_TRANSPORT", 2), new ReasonTally("LEFT_TOWN", 1));
        assertThat(ids(lists.referralsLost(marchAndApril, "NO_TRANSPORT"))).containsExactly(r4, r5);
        assertThat(ids(lists.referralsLost(marchAndApril, "LEFT_TOWN"))).containsExactly(r6);
        assertThat(ReportTables.codeWords("NO_TRANSPORT")).isEqualTo("No transport");
    }

    @Test
    void arrivalsInTheRangeAreCountedByProvider() {
        List<ProviderEntries> byProvider = figures.entriesByProvider(marchAndApril);

        assertThat(byProvider)
                .extracting(ProviderEntries::providerId, ProviderEntries::arrivals)
                .as("two each, so by name: Lakeview (B) before Riverside (A)")
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(providerB, 2L),
                        org.assertj.core.groups.Tuple.tuple(providerA, 2L));
        assertThat(ids(lists.providerArrivals(marchAndApril, providerB))).containsExactly(r3, r8);
        assertThat(ids(lists.providerArrivals(marchAndApril, providerA))).containsExactly(r1, r2);
    }

    @Test
    void offersWithinFourteenDaysAfterACriticalEventOfTheSameEpisodeCount() {
        assertThat(figures.offersAfterCriticalEvent(marchAndApril)).isEqualTo(new Share(2, 4));
        assertThat(ids(lists.offersAfterCriticalEvent(marchAndApril, false))).containsExactly(x10, x15, w01, z10);
        assertThat(ids(lists.offersAfterCriticalEvent(marchAndApril, true))).containsExactly(x10, w01);
    }

    @Test
    void theApiFiguresWithholdTheSmallCountsOfThePath() {
        TreatmentPath path = new TreatmentPath(
                figures.referrals(marchAndApril),
                figures.referralsLost(marchAndApril),
                figures.entriesByProvider(marchAndApril),
                figures.offersAfterCriticalEvent(marchAndApril));
        ProgramReport report = ReportFiguresTest.report(APRIL_30, path);
        ReportFigures.TreatmentPathFigures shown = ReportFigures.of(report).treatmentPath();

        assertThat(shown.referralsMade()).isEqualTo(new Count(8L, false, null));
        assertThat(shown.arrived()).as("3 arrived").isEqualTo(new Count(null, true, SuppressionReason.SMALL_COUNT));
        assertThat(shown.arrivedShare().suppressed()).isTrue();
        assertThat(shown.medianDaysToArrival().suppressed()).as("a median of 3").isTrue();
        assertThat(shown.readyPlanAtAcceptance().suppressed())
                .as("4 of 8: 4 ready, 4 not")
                .isTrue();
        assertThat(shown.lostByReason())
                .extracting(ReportFigures.ReasonCount::reason)
                .containsExactly("NO_TRANSPORT", "LEFT_TOWN");
        assertThat(shown.lostByReason())
                .allSatisfy(r -> assertThat(r.referrals().suppressed()).isTrue());
        assertThat(shown.offersAfterCriticalEvent()).isEqualTo(new Count(null, true, SuppressionReason.SMALL_COUNT));

        List<List<Object>> table = ReportTables.of(report).stream()
                .filter(t -> t.title().equals("From yes to treatment"))
                .findFirst()
                .orElseThrow()
                .rows();
        assertThat(table.get(0)).containsExactly("Referrals made", 8L);
        assertThat(table.get(1)).containsExactly("Arrived at the provider", "<5 of 8");
    }

    private static List<Long> ids(List<Listed> listed) {
        return listed.stream().map(Listed::recordId).toList();
    }
}
