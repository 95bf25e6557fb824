package org.hearth.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.hearth.engagement.EpisodeStatus.DISENGAGED;
import static org.hearth.engagement.EpisodeStatus.REFUSING;
import static org.hearth.engagement.LevelOfCare.OUTPATIENT;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import org.hearth.schedule.ClinicTime;
import org.junit.jupiter.api.Test;

/** The Kaplan-Meier time-to-entry curve, computed in the database, against survival values worked by hand. */
class TimeToEntryCurvePostgresTest {

    private static final Clock JULY_1 = Clock.fixed(
            ZonedDateTime.of(2026, 7, 1, 12, 0, 0, 0, ClinicTime.zone()).toInstant(), ClinicTime.zone());

    private final ProgramFigures figures = new ProgramFigures(ReportDatabase.dataSource(), JULY_1);

    /**
     * March 2026, read on 1 July (so the last day observed is 31 March):
     *
     * <pre>
     * K1 opened 03-01, entered 03-06                          entered on day 5
     * K2 opened 03-01, entered 03-11                          entered on day 10
     * K3 opened 03-01, DISENGAGED 03-09                       censored on day 8 (closed)
     * K4 opened 03-02, entered 03-12                          entered on day 10
     * K5 opened 03-11, still refusing                         censored on day 20 (03-31)
     * K6 opened 03-16, entered 03-31                          entered on day 15
     * K7 opened 03-20, entered 04-05, after the range         censored on day 11 (03-31)
     * K8 opened 03-03, DISENGAGED 03-08, REFUSING again 03-13 censored on day 28 (open again on 03-31)
     *
     * day  at risk  entered  censored  S(t)
     *  5      8        1        0      1 - 1/8              = 0.875
     *  8      7        0        1      0.875
     * 10      6        2        0      0.875 x (1 - 2/6)    = 0.583333...
     * 11      4        0        1      0.583333...
     * 15      3        1        0      0.583333 x (1 - 1/3) = 0.388888...
     * 20      2        0        1      0.388888...
     * 28      1        0        1      0.388888...
     * </pre>
     */
    @Test
    void episodesNotYetEnteredAreCensoredOnTheirLastDayAndSurvivalIsTheProductOverEntryDays() {
        ReportDataset data = ReportDataset.inNewProgram();
        long family = data.family(data.counselor("Carlos"), LocalDate.of(2026, 2, 1));
        data.entered(data.episode(family, day(1)), day(6), OUTPATIENT);
        data.entered(data.episode(family, day(1)), day(11), OUTPATIENT);
        data.moved(data.episode(family, day(1)), day(9), DISENGAGED);
        data.entered(data.episode(family, day(2)), day(12), OUTPATIENT);
        data.episode(family, day(11));
        data.entered(data.episode(family, day(16)), day(31), OUTPATIENT);
        data.entered(data.episode(family, day(20)), LocalDate.of(2026, 4, 5), OUTPATIENT);
        long k8 = data.episode(family, day(3));
        data.moved(k8, day(8), DISENGAGED);
        data.moved(k8, day(13), REFUSING);

        List<SurvivalPoint> curve = figures.timeToEntry(data.scope(day(1), day(31)));

        assertThat(curve)
                .extracting(SurvivalPoint::day, SurvivalPoint::atRisk, SurvivalPoint::entered, SurvivalPoint::censored)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(5, 8L, 1L, 0L),
                        org.assertj.core.groups.Tuple.tuple(8, 7L, 0L, 1L),
                        org.assertj.core.groups.Tuple.tuple(10, 6L, 2L, 0L),
                        org.assertj.core.groups.Tuple.tuple(11, 4L, 0L, 1L),
                        org.assertj.core.groups.Tuple.tuple(15, 3L, 1L, 0L),
                        org.assertj.core.groups.Tuple.tuple(20, 2L, 0L, 1L),
                        org.assertj.core.groups.Tuple.tuple(28, 1L, 0L, 1L));
        assertThat(curve)
                .extracting(SurvivalPoint::notEnteredYet)
                .usingElementComparator((a, b) -> Math.abs(a - b) < 1e-9 ? 0 : Double.compare(a, b))
                .containsExactly(
                        0.875,
                        0.875,
                        0.875 * 4 / 6,
                        0.875 * 4 / 6,
                        0.875 * 4 / 6 * 2 / 3,
                        0.875 * 4 / 6 * 2 / 3,
                        0.875 * 4 / 6 * 2 / 3);
        assertThat(curve.get(4).notEnteredYet()).isCloseTo(0.388889, within(1e-6));
    }

    /**
     * Two episodes opened on 1 March both enter on day 3, a third is censored on day 1: after day 3 nobody is left
     * who has not entered, so S = 0 there (and the logarithm of 0 is never taken).
     *
     * <pre>
     * day 1: at risk 3, censored 1, S = 1
     * day 3: at risk 2, entered 2,  S = 1 x (1 - 2/2) = 0
     * </pre>
     */
    @Test
    void whenEveryoneAtRiskEntersTheCurveDropsToZero() {
        ReportDataset data = ReportDataset.inNewProgram();
        long family = data.family(data.counselor("Carlos"), LocalDate.of(2026, 2, 1));
        data.entered(data.episode(family, day(1)), day(4), OUTPATIENT);
        data.entered(data.episode(family, day(1)), day(4), OUTPATIENT);
        data.moved(data.episode(family, day(1)), day(2), DISENGAGED);

        List<SurvivalPoint> curve = figures.timeToEntry(data.scope(day(1), day(31)));

        assertThat(curve).containsExactly(new SurvivalPoint(1, 3, 0, 1, 1.0), new SurvivalPoint(3, 2, 2, 0, 0.0));
    }

    @Test
    void aProgramWithoutEpisodesHasNoCurve() {
        ReportDataset data = ReportDataset.inNewProgram();

        assertThat(figures.timeToEntry(data.scope(day(1), day(31)))).isEmpty();
    }

    private static LocalDate day(int dayOfMarch) {
        return LocalDate.of(2026, 3, dayOfMarch);
    }
}
