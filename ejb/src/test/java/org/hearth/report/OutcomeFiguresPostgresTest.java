package org.hearth.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hearth.engagement.CriticalEventKind.EMERGENCY_VISIT;
import static org.hearth.engagement.CriticalEventKind.NALOXONE_USED;
import static org.hearth.engagement.CriticalEventKind.NON_FATAL_OVERDOSE;
import static org.hearth.engagement.EpisodeStatus.DISENGAGED;
import static org.hearth.engagement.EpisodeStatus.ENTERED_TREATMENT;
import static org.hearth.engagement.EpisodeStatus.REFUSING;
import static org.hearth.engagement.EpisodeStatus.RETAINED_30;
import static org.hearth.engagement.EpisodeStatus.RETAINED_90;
import static org.hearth.engagement.LevelOfCare.INTENSIVE_OUTPATIENT;
import static org.hearth.engagement.LevelOfCare.OPIOID_TREATMENT_PROGRAM;
import static org.hearth.engagement.LevelOfCare.OUTPATIENT;
import static org.hearth.engagement.LevelOfCare.RESIDENTIAL;
import static org.hearth.engagement.RefusalReason.DENIAL;
import static org.hearth.engagement.RefusalReason.FEAR_OF_WITHDRAWAL;
import static org.hearth.engagement.RefusalReason.FINANCIAL_OR_INSURANCE;
import static org.hearth.engagement.RefusalReason.MISINFORMATION;
import static org.hearth.engagement.RefusalReason.STIGMA_OR_SHAME;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import org.hearth.schedule.ClinicTime;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Outcome figures over March and April 2026, read on 1 July 2026, against one hand-built program:
 *
 * <pre>
 * episode  opened   what happened                                          counts as
 * E1       03-02    entered IOP 03-12                                      10 days to entry
 * E2       03-05    entered methadone 03-25, back to REFUSING 04-20         20 days to entry
 * E3       03-10    refused 03-15 (denial, stigma), 04-10 (denial);         never entered
 *                   overdose 03-18, naloxone kit 03-18
 * E4       03-20    refused 03-22 (withdrawal, denial); overdose and ED     closed, never entered
 *                   visit 04-02, kit 04-02 (a second kit voided);
 *                   DISENGAGED 04-01
 * E5       03-25    refused 02-28 (financial: before the range),            entered after the range
 *                   entered 05-10
 * E6       04-03    entered residential 04-09                              6 days to entry
 * E7       04-15    refused 04-16 (misinformation); entry 04-20 voided     never entered
 * E8       02-20    entered outpatient 03-03, REFUSING 03-20, outpatient    opened before the range
 *                   again 04-02
 * E9       05-02    naloxone used 05-03, kit 05-05                          after the range
 * </pre>
 */
class OutcomeFiguresPostgresTest {

    private static final LocalDate MARCH_1 = LocalDate.of(2026, 3, 1);
    private static final LocalDate APRIL_30 = LocalDate.of(2026, 4, 30);
    private static final Clock JULY_1 = Clock.fixed(
            ZonedDateTime.of(2026, 7, 1, 12, 0, 0, 0, ClinicTime.zone()).toInstant(), ClinicTime.zone());

    private static ReportDataset data;
    private static ReportScope marchAndApril;
    private static ProgramFigures figures;
    private static FigureLists lists;
    private static long e1, e2, e3, e4, e5, e6, e7;

    @BeforeAll
    static void buildTheProgram() {
        data = ReportDataset.inNewProgram();
        long carlos = data.counselor("Carlos");
        long family = data.family(carlos, LocalDate.of(2026, 2, 1));

        e1 = data.episode(family, LocalDate.of(2026, 3, 2));
        data.entered(e1, LocalDate.of(2026, 3, 12), INTENSIVE_OUTPATIENT);

        e2 = data.episode(family, LocalDate.of(2026, 3, 5));
        data.entered(e2, LocalDate.of(2026, 3, 25), OPIOID_TREATMENT_PROGRAM);
        data.moved(e2, LocalDate.of(2026, 4, 20), REFUSING);

        e3 = data.episode(family, LocalDate.of(2026, 3, 10));
        data.refused(e3, LocalDate.of(2026, 3, 15), DENIAL, STIGMA_OR_SHAME);
        data.refused(e3, LocalDate.of(2026, 4, 10), DENIAL);
        data.critical(e3, LocalDate.of(2026, 3, 18), NON_FATAL_OVERDOSE);
        data.naloxoneKit(e3, LocalDate.of(2026, 3, 18), false);

        e4 = data.episode(family, LocalDate.of(2026, 3, 20));
        data.refused(e4, LocalDate.of(2026, 3, 22), FEAR_OF_WITHDRAWAL, DENIAL);
        data.moved(e4, LocalDate.of(2026, 4, 1), DISENGAGED);
        data.critical(e4, LocalDate.of(2026, 4, 2), NON_FATAL_OVERDOSE);
        data.critical(e4, LocalDate.of(2026, 4, 2), EMERGENCY_VISIT);
        data.naloxoneKit(e4, LocalDate.of(2026, 4, 2), false);
        data.naloxoneKit(e4, LocalDate.of(2026, 4, 3), true);

        e5 = data.episode(family, LocalDate.of(2026, 3, 25));
        data.refused(e5, LocalDate.of(2026, 2, 28), FINANCIAL_OR_INSURANCE);
        data.entered(e5, LocalDate.of(2026, 5, 10), OUTPATIENT);

        e6 = data.episode(family, LocalDate.of(2026, 4, 3));
        data.entered(e6, LocalDate.of(2026, 4, 9), RESIDENTIAL);

        e7 = data.episode(family, LocalDate.of(2026, 4, 15));
        data.refused(e7, LocalDate.of(2026, 4, 16), MISINFORMATION);
        data.voidedMove(e7, LocalDate.of(2026, 4, 20), ENTERED_TREATMENT, OUTPATIENT);

        long e8 = data.episode(family, LocalDate.of(2026, 2, 20));
        data.entered(e8, LocalDate.of(2026, 3, 3), OUTPATIENT);
        data.moved(e8, LocalDate.of(2026, 3, 20), REFUSING);
        data.entered(e8, LocalDate.of(2026, 4, 2), OUTPATIENT);

        long e9 = data.episode(family, LocalDate.of(2026, 5, 2));
        data.critical(e9, LocalDate.of(2026, 5, 3), NALOXONE_USED);
        data.naloxoneKit(e9, LocalDate.of(2026, 5, 5), false);

        marchAndApril = data.scope(MARCH_1, APRIL_30);
        figures = new ProgramFigures(ReportDatabase.dataSource(), JULY_1);
        lists = new FigureLists(ReportDatabase.dataSource(), JULY_1);
    }

    @Test
    void episodesOpenedCountOnlyThoseOpenedOnADayOfTheRange() {
        // E1..E7 opened in March or April; E8 (February) and E9 (May) did not
        assertThat(figures.episodesOpened(marchAndApril)).isEqualTo(7);
        assertThat(lists.episodesOpened(marchAndApril))
                .extracting(Listed::recordId)
                .containsExactly(e1, e2, e3, e4, e5, e6, e7);
    }

    @Test
    void treatmentEntryByIntakeMonthCountsEntriesByTheEndOfTheRangeOnly() {
        // March: E1, E2, E3, E4, E5 opened; E1 and E2 entered by 30 April (E5 only in May) -> 2 of 5 = 40%
        // April: E6, E7 opened; E6 entered (E7's entry was voided) -> 1 of 2 = 50%
        assertThat(figures.entryByCohort(marchAndApril))
                .containsExactly(
                        new EntryCohort(YearMonth.of(2026, 3), new Share(2, 5)),
                        new EntryCohort(YearMonth.of(2026, 4), new Share(1, 2)));
        assertThat(figures.entryByCohort(marchAndApril).get(0).entered().fraction())
                .isEqualByComparingTo("0.40");
        assertThat(lists.cohort(marchAndApril, YearMonth.of(2026, 3), true))
                .extracting(Listed::recordId)
                .containsExactly(e1, e2);
    }

    @Test
    void medianDaysToEntryIsTheMiddleOfTheEntrantsDaysFromTheirIntake() {
        // E6 6 days, E1 10 days, E2 20 days -> median 10
        assertThat(figures.daysToEntry(marchAndApril)).isEqualTo(new DaysToEntry(3, 10.0));
        assertThat(lists.enteredTreatment(marchAndApril))
                .extracting(Listed::recordId)
                .containsExactly(e1, e2, e6);
    }

    @Test
    void refusalReasonsAreRankedByHowManyRefusalsGaveThem() {
        // denial: E3 twice, E4 once = 3; withdrawal (E4), misinformation (E7), stigma (E3) 1 each, by name;
        // E5's financial refusal was in February
        assertThat(figures.refusalReasons(marchAndApril))
                .containsExactly(
                        new Tally<>(DENIAL, 3),
                        new Tally<>(FEAR_OF_WITHDRAWAL, 1),
                        new Tally<>(MISINFORMATION, 1),
                        new Tally<>(STIGMA_OR_SHAME, 1));
        // the list holds each episode once
        assertThat(lists.refusals(marchAndApril, DENIAL))
                .extracting(Listed::recordId)
                .containsExactly(e3, e4);
    }

    @Test
    void levelsOfCareCountEveryEntryInTheRangeAndNeverAVoidedOne() {
        // outpatient: E8 twice (03-03 and 04-02); IOP E1, methadone E2, residential E6;
        // E5's entry is in May, E7's was voided
        assertThat(figures.levelsOfCareEntered(marchAndApril))
                .containsExactly(
                        new Tally<>(OUTPATIENT, 2),
                        new Tally<>(INTENSIVE_OUTPATIENT, 1),
                        new Tally<>(OPIOID_TREATMENT_PROGRAM, 1),
                        new Tally<>(RESIDENTIAL, 1));
    }

    @Test
    void criticalEventsAndNaloxoneKitsCountThoseOfTheRangeNotVoided() {
        // overdoses: E3 (03-18), E4 (04-02); ED visit E4; E9's naloxone use is in May
        assertThat(figures.criticalEvents(marchAndApril))
                .containsExactly(new Tally<>(NON_FATAL_OVERDOSE, 2), new Tally<>(EMERGENCY_VISIT, 1));
        // kits: E3, E4; E4's second kit was voided, E9's is in May -> 2
        assertThat(figures.naloxoneKitsGiven(marchAndApril)).isEqualTo(2);
        assertThat(lists.naloxoneKits(marchAndApril))
                .extracting(Listed::recordId)
                .containsExactly(e3, e4);
        assertThat(lists.criticalEvents(marchAndApril, NON_FATAL_OVERDOSE))
                .extracting(Listed::recordId)
                .containsExactly(e3, e4);
    }

    /**
     * Retention over January to April 2026, read on 1 July:
     *
     * <pre>
     * R1 entered 01-05, RETAINED_30 02-04, RETAINED_90 04-05   due 30 and 90, retained both
     * R2 entered 01-10, RETAINED_30 02-09, REFUSING 03-01       due 30 (retained) and 90 (not)
     * R3 entered 03-20, a RETAINED_30 04-19 voided             due 30 (04-19), not retained
     * R4 entered 04-20                                          not due: 30 days end 05-20
     * R6 entered 01-20, RETAINED_30 only on 05-05               due 30 and 90, retained neither by 04-30
     * R7 entered 12-20 (before the range)                       not an entry of the range
     * </pre>
     *
     * 30 days: R1, R2 of R1, R2, R3, R6 = 2 of 4; 90 days (entered by 01-30): R1 of R1, R2, R6 = 1 of 3.
     */
    @Test
    void retentionCountsConfirmedChecksOfTheEntriesDueForThem() {
        ReportDataset retention = ReportDataset.inNewProgram();
        long family = retention.family(retention.counselor("Carlos"), LocalDate.of(2025, 12, 1));
        long r1 = retention.episode(family, LocalDate.of(2025, 12, 15));
        retention.entered(r1, LocalDate.of(2026, 1, 5), OUTPATIENT);
        retention.moved(r1, LocalDate.of(2026, 2, 4), RETAINED_30);
        retention.moved(r1, LocalDate.of(2026, 4, 5), RETAINED_90);
        long r2 = retention.episode(family, LocalDate.of(2026, 1, 2));
        retention.entered(r2, LocalDate.of(2026, 1, 10), OUTPATIENT);
        retention.moved(r2, LocalDate.of(2026, 2, 9), RETAINED_30);
        retention.moved(r2, LocalDate.of(2026, 3, 1), REFUSING);
        long r3 = retention.episode(family, LocalDate.of(2026, 3, 1));
        retention.entered(r3, LocalDate.of(2026, 3, 20), OUTPATIENT);
        retention.voidedMove(r3, LocalDate.of(2026, 4, 19), RETAINED_30, null);
        long r4 = retention.episode(family, LocalDate.of(2026, 4, 1));
        retention.entered(r4, LocalDate.of(2026, 4, 20), OUTPATIENT);
        long r6 = retention.episode(family, LocalDate.of(2026, 1, 2));
        retention.entered(r6, LocalDate.of(2026, 1, 20), OUTPATIENT);
        retention.moved(r6, LocalDate.of(2026, 5, 5), RETAINED_30);
        long r7 = retention.episode(family, LocalDate.of(2025, 12, 1));
        retention.entered(r7, LocalDate.of(2025, 12, 20), OUTPATIENT);
        ReportScope januaryToApril = retention.scope(LocalDate.of(2026, 1, 1), APRIL_30);

        assertThat(figures.retention(januaryToApril)).isEqualTo(new Retention(new Share(2, 4), new Share(1, 3)));
        assertThat(lists.retention(januaryToApril, 30, false))
                .extracting(Listed::recordId)
                .containsExactly(r1, r2, r3, r6);
        assertThat(lists.retention(januaryToApril, 90, true))
                .extracting(Listed::recordId)
                .containsExactly(r1);
    }
}
