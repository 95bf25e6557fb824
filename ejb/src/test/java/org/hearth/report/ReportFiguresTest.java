package org.hearth.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.hearth.appointments.AppointmentKind;
import org.hearth.engagement.RefusalReason;
import org.hearth.notes.MitiBand;
import org.hearth.report.ReportFigures.Count;
import org.hearth.report.ReportFigures.Measure;
import org.hearth.report.ReportFigures.SuppressionReason;
import org.junit.jupiter.api.Test;

/** The report API's figures: numbers, withheld exactly where the exports withhold them, with the reason. */
class ReportFiguresTest {

    /**
     * 12 episodes opened; March: 6 of 12 entered, April: 1 of 2 (small), so March is withheld too (the totals
     * would give April back), 7 of 14 in all; denial 7 times, stigma 3; one counselor with 3 active families and 9
     * sessions; the curve is one step of 7 entries and 7 censorings; nobody followed for 90 days yet.
     */
    private static ProgramReport report() {
        return report(LocalDate.of(2026, 4, 30), TreatmentPath.NONE);
    }

    /** The report above over March to {@code to}, counted on 1 May 2026, with these figures of the path. */
    static ProgramReport report(LocalDate to, TreatmentPath path) {
        return new ProgramReport(
                List.of("Family Recovery Program"),
                null,
                false,
                LocalDate.of(2026, 3, 1),
                to,
                12,
                List.of(
                        new EntryCohort(YearMonth.of(2026, 3), new Share(6, 12)),
                        new EntryCohort(YearMonth.of(2026, 4), new Share(1, 2))),
                new DaysToEntry(7, 10.0),
                List.of(
                        new SurvivalPoint(6, 14, 5, 0, 0.6429),
                        new SurvivalPoint(20, 9, 2, 2, 0.5),
                        new SurvivalPoint(40, 5, 0, 5, 0.5)),
                new Retention(new Share(5, 7), new Share(0, 0)),
                List.of(new Tally<>(RefusalReason.DENIAL, 7), new Tally<>(RefusalReason.STIGMA_OR_SHAME, 3)),
                List.of(),
                List.of(),
                2,
                List.of(new Tally<>(AppointmentKind.CRAFT_SESSION, 9)),
                new SessionAttendance(10, 8, new Share(1, 10), new Share(0, 10)),
                List.of(new GroupAttendance(4, "Tuesday CRAFT group", 8, new Share(30, 40), 0)),
                List.of(new GroupWaitlist(4, "Tuesday CRAFT group", 0), new GroupWaitlist(5, "Evening group", 6)),
                List.of(),
                new SessionsBeforeEntry(3, 4.0, 4.3),
                List.of(new CounselorCaseload(1, "carlos", "Carlos Rivera", 3, 9, 0, 1, 0)),
                List.of(new CounselorFidelity(
                        1,
                        "carlos",
                        "Carlos Rivera",
                        3,
                        0,
                        new BigDecimal("3.83"),
                        MitiBand.FAIR,
                        new BigDecimal("4.33"),
                        MitiBand.GOOD,
                        new BigDecimal("1.36"),
                        MitiBand.FAIR,
                        new BigDecimal("0.3770"),
                        MitiBand.BELOW_FAIR)),
                path,
                ResourcesGiven.NONE,
                FamilyWellbeing.NONE,
                java.time.Instant.parse("2026-05-01T12:00:00Z"));
    }

    private static Count shown(long value) {
        return new Count(value, false, null);
    }

    private static Count withheld(SuppressionReason reason) {
        return new Count(null, true, reason);
    }

    @Test
    void theSummaryIsNumbersAndSharesAreFractions() {
        ReportFigures.Summary summary = ReportFigures.of(report()).summary();

        assertThat(summary.episodesOpened()).isEqualTo(shown(12));
        assertThat(summary.enteredTreatment().opened()).isEqualTo(shown(14));
        assertThat(summary.enteredTreatment().entered()).isEqualTo(shown(7));
        assertThat(summary.enteredTreatment().share().value()).isEqualByComparingTo("0.5");
        assertThat(summary.medianDaysToEntry().value()).isEqualByComparingTo("10.0");
        assertThat(summary.naloxoneKits())
                .as("2 kits is a small count")
                .isEqualTo(withheld(SuppressionReason.SMALL_COUNT));
        assertThat(summary.lateCancels().value()).as("0 of 10 points to nobody").isEqualByComparingTo("0");
        assertThat(summary.craftTrialsEntryRange().low()).isEqualByComparingTo("0.586");
    }

    @Test
    void aWithheldFigureHasNoValueAndSaysWhy() {
        ReportFigures figures = ReportFigures.of(report());
        ReportFigures.Summary summary = figures.summary();

        assertThat(summary.stillInTreatmentAt30Days())
                .as("5 of 7: the 2 who left are few")
                .isEqualTo(new Measure(null, true, SuppressionReason.SMALL_BASE));
        assertThat(summary.stillInTreatmentAt90Days())
                .as("nobody followed for 90 days: nothing to share, nothing withheld")
                .isEqualTo(new Measure(null, false, null));
        assertThat(summary.noShows().suppressed()).isTrue();
        assertThat(summary.medianSessionsBeforeEntry())
                .as("a median over 3 entrants")
                .isEqualTo(new Measure(null, true, SuppressionReason.SMALL_BASE));

        ReportFigures.Entry march = figures.entryByIntakeMonth().get(0).entry();
        ReportFigures.Entry april = figures.entryByIntakeMonth().get(1).entry();
        assertThat(figures.entryByIntakeMonth().get(1).month()).isEqualTo("2026-04");
        assertThat(april.opened()).isEqualTo(withheld(SuppressionReason.SMALL_COUNT));
        assertThat(april.entered()).isEqualTo(withheld(SuppressionReason.SMALL_COUNT));
        assertThat(april.share()).isEqualTo(new Measure(null, true, SuppressionReason.SMALL_BASE));
        assertThat(march.opened())
                .as("March's 12 would give April's 2 back from the total of 14")
                .isEqualTo(withheld(SuppressionReason.SECONDARY));
        assertThat(march.entered()).isEqualTo(withheld(SuppressionReason.SECONDARY));
        assertThat(march.share()).isEqualTo(new Measure(null, true, SuppressionReason.SECONDARY));

        assertThat(figures.refusalReasons())
                .containsExactly(
                        new ReportFigures.Times<>(RefusalReason.DENIAL, shown(7)),
                        new ReportFigures.Times<>(
                                RefusalReason.STIGMA_OR_SHAME, withheld(SuppressionReason.SMALL_COUNT)));
        assertThat(figures.caseloads().get(0).activeFamilies()).isEqualTo(withheld(SuppressionReason.SMALL_COUNT));
        assertThat(figures.caseloads().get(0).sessionsHeld()).isEqualTo(shown(9));
    }

    @Test
    void theCurveGroupsAndTheOtherTablesAreTyped() {
        ReportFigures figures = ReportFigures.of(report());

        assertThat(figures.timeToEntry())
                .as("the steps the exports show: one of 7 entries and 7 censorings")
                .containsExactly(new ReportFigures.CurveStep(40, 14, 7, 7, new BigDecimal("0.5000")));
        assertThat(figures.groupAttendance().get(0).attended().value()).isEqualByComparingTo("0.75");
        assertThat(figures.waitlists())
                .as("groups nobody waits for are left out")
                .containsExactly(new ReportFigures.Waitlist("Evening group", shown(6)));
        assertThat(figures.fidelity().get(0).complexReflections()).isEqualByComparingTo("0.377");
        assertThat(figures.fidelity().get(0).complexReflectionsBand()).isEqualTo(MitiBand.BELOW_FAIR);
        assertThat(figures.scope().programs()).containsExactly("Family Recovery Program");
        assertThat(figures.scope().from()).isEqualTo(LocalDate.of(2026, 3, 1));
    }

    @Test
    void theMedianTimeToEntryIsReadOffTheCurveAsShownAndCountingStopsOnTheDayCounted() {
        ReportFigures figures = ReportFigures.of(report());
        assertThat(figures.summary().medianTimeToEntryOnCurve().value())
                .as("the one step shown comes down to 50% on day 40")
                .isEqualByComparingTo("40");
        assertThat(figures.scope().countedUpTo()).isEqualTo(LocalDate.of(2026, 4, 30));
        assertThat(report().stoppedBeforeEnd()).isFalse();

        ProgramReport toYearEnd = report(LocalDate.of(2026, 12, 31), TreatmentPath.NONE);
        assertThat(toYearEnd.stoppedBeforeEnd()).isTrue();
        assertThat(toYearEnd.countedUpTo()).as("counted on 1 May").isEqualTo(LocalDate.of(2026, 5, 1));
        assertThat(ReportFigures.of(toYearEnd).scope().countedUpTo()).isEqualTo(LocalDate.of(2026, 5, 1));
        assertThat(ReportExports.heading(toYearEnd).get(2))
                .isEqualTo("2026-03-01 to 2026-12-31 (counted up to 2026-05-01)");
    }

    @Test
    void aCurveThatStaysAboveHalfHasNoMedian() {
        ProgramReport report = report();
        ProgramReport high = new ProgramReport(
                report.programNames(),
                report.counselorName(),
                report.mine(),
                report.from(),
                report.to(),
                report.episodesOpened(),
                report.entryByCohort(),
                report.daysToEntry(),
                List.of(new SurvivalPoint(10, 14, 5, 0, 0.6429), new SurvivalPoint(40, 9, 0, 9, 0.6429)),
                report.retention(),
                report.refusalReasons(),
                report.levelsOfCare(),
                report.criticalEvents(),
                report.naloxoneKits(),
                report.sessionsHeld(),
                report.sessionAttendance(),
                report.groupAttendance(),
                report.waitlists(),
                report.craftProcedures(),
                report.sessionsBeforeEntry(),
                report.caseloads(),
                report.fidelity(),
                report.treatmentPath(),
                report.resourcesGiven(),
                report.familyWellbeing(),
                report.asOf());
        assertThat(high.medianTimeToEntry())
                .as("not reached: 64% still not in treatment")
                .isNull();
        assertThat(ReportFigures.of(high).summary().medianTimeToEntryOnCurve())
                .isEqualTo(new Measure(null, false, null));
    }
}
