package org.hearth.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import org.hearth.time.ClinicTime;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The family members' wellbeing figures (issue 25) over March and April 2026, read on 1 July 2026, against one
 * hand-built family. Totals per member (I: the intake measure; days after it in brackets):
 *
 * <pre>
 * member  PHQ-9                                                   GAD-7                   counts as
 * M1      I 2025-12-01: 14; 03-01 (90): 8                          I 12-01: 10; 03-01: 9   PHQ -6 improved; GAD -1
 * M2      I 2026-01-05: 10; 02-02: 9; 03-02 (56): 9; 03-30 (84): 15; 04-27 (112): 12        PHQ +5 worsened (84 is
 *                                                                                          nearer to 90 than 112)
 * M3      I 01-20: 7; 04-20 (90): 5                                                        PHQ -2
 * M4      I 2025-10-01: 12; 12-30 (90): 6; 2026-03-10 (160): 6                             no pair in the range
 * M5      I 04-10: 9                                                                       measured, no pair
 * M6      I 05-05: 11 (after the range)                                                    not measured
 * M8      I 01-01: 20; 03-05 (63, outside 75-120): 10                                      measured, no pair
 * other   another program's member, I 03-03: 9; 06-01 (90): 3                              not counted
 * </pre>
 *
 * <p>By hand: 6 members measured in the range (M1, M2, M3, M4, M5, M8). PHQ-9: 3 pairs (M1 -6, M2 +5, M3 -2), mean
 * change -1.0, 1 improved by 5 or more, 1 worsened by 5 or more. GAD-7: 1 pair (M1 -1), mean -1.0, none improved.
 */
class WellbeingFiguresPostgresTest {

    private static final Clock JULY_1 = Clock.fixed(
            ZonedDateTime.of(2026, 7, 1, 12, 0, 0, 0, ClinicTime.zone()).toInstant(), ClinicTime.zone());

    private static ReportScope marchAndApril;
    private static ProgramFigures figures;
    private static FigureLists lists;
    private static long m1, m2, m3, m4, m5, m8;

    @BeforeAll
    static void buildTheFamily() {
        ReportDataset data = ReportDataset.inNewProgram();
        long carlos = data.counselor("Carlos");
        long family = data.family(carlos, LocalDate.of(2025, 9, 20));
        m1 = data.member(family);
        data.measure(family, m1, "PHQ9", LocalDate.of(2025, 12, 1), 14, "INTAKE");
        data.measure(family, m1, "PHQ9", LocalDate.of(2026, 3, 1), 8, "FOLLOW_UP");
        data.measure(family, m1, "GAD7", LocalDate.of(2025, 12, 1), 10, "INTAKE");
        data.measure(family, m1, "GAD7", LocalDate.of(2026, 3, 1), 9, "FOLLOW_UP");
        m2 = data.member(family);
        data.measure(family, m2, "PHQ9", LocalDate.of(2026, 1, 5), 10, "INTAKE");
        data.measure(family, m2, "PHQ9", LocalDate.of(2026, 2, 2), 9, "FOLLOW_UP");
        data.measure(family, m2, "PHQ9", LocalDate.of(2026, 3, 2), 9, "FOLLOW_UP");
        data.measure(family, m2, "PHQ9", LocalDate.of(2026, 3, 30), 15, "FOLLOW_UP");
        data.measure(family, m2, "PHQ9", LocalDate.of(2026, 4, 27), 12, "FOLLOW_UP");
        m3 = data.member(family);
        data.measure(family, m3, "PHQ9", LocalDate.of(2026, 1, 20), 7, "INTAKE");
        data.measure(family, m3, "PHQ9", LocalDate.of(2026, 4, 20), 5, "FOLLOW_UP");
        m4 = data.member(family);
        data.measure(family, m4, "PHQ9", LocalDate.of(2025, 10, 1), 12, "INTAKE");
        data.measure(family, m4, "PHQ9", LocalDate.of(2025, 12, 30), 6, "FOLLOW_UP");
        data.measure(family, m4, "PHQ9", LocalDate.of(2026, 3, 10), 6, "FOLLOW_UP");
        m5 = data.member(family);
        data.measure(family, m5, "PHQ9", LocalDate.of(2026, 4, 10), 9, "INTAKE");
        long m6 = data.member(family);
        data.measure(family, m6, "PHQ9", LocalDate.of(2026, 5, 5), 11, "INTAKE");
        m8 = data.member(family);
        data.measure(family, m8, "PHQ9", LocalDate.of(2026, 1, 1), 20, "INTAKE");
        data.measure(family, m8, "PHQ9", LocalDate.of(2026, 3, 5), 10, "FOLLOW_UP");

        ReportDataset elsewhere = ReportDataset.inNewProgram();
        long otherFamily = elsewhere.family(elsewhere.counselor("Dana"), LocalDate.of(2026, 1, 2));
        long other = elsewhere.member(otherFamily);
        elsewhere.measure(otherFamily, other, "PHQ9", LocalDate.of(2026, 3, 3), 9, "INTAKE");
        elsewhere.measure(otherFamily, other, "PHQ9", LocalDate.of(2026, 6, 1), 3, "FOLLOW_UP");

        marchAndApril = data.scope(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 4, 30));
        figures = new ProgramFigures(ReportDatabase.dataSource(), JULY_1);
        lists = new FigureLists(ReportDatabase.dataSource(), JULY_1);
    }

    @Test
    void membersMeasuredAreThoseWithAMeasureTakenInTheRange() {
        assertThat(figures.familyWellbeing(marchAndApril).membersMeasured()).isEqualTo(6);
        assertThat(lists.membersMeasured(marchAndApril))
                .extracting(Listed::recordId)
                .containsExactlyInAnyOrder(m1, m2, m3, m4, m5, m8);
    }

    @Test
    void thePhq9ChangeIsPairedFromIntakeToTheMeasureNearestNinetyDays() {
        FamilyWellbeing.WellbeingChange phq9 =
                figures.familyWellbeing(marchAndApril).change("PHQ9");

        assertThat(phq9.pairs()).isEqualTo(3);
        assertThat(phq9.meanChange()).isEqualTo(-1.0);
        assertThat(phq9.improved()).isEqualTo(1);
        assertThat(phq9.worsened()).isEqualTo(1);
        assertThat(lists.wellbeingPairs(marchAndApril, "PHQ9", ""))
                .extracting(Listed::recordId)
                .containsExactlyInAnyOrder(m1, m2, m3);
        assertThat(lists.wellbeingPairs(marchAndApril, "PHQ9", " and change <= -5"))
                .extracting(Listed::recordId)
                .containsExactly(m1);
    }

    @Test
    void theGad7ChangeIsCountedOnItsOwn() {
        FamilyWellbeing wellbeing = figures.familyWellbeing(marchAndApril);

        assertThat(wellbeing.changes())
                .extracting(FamilyWellbeing.WellbeingChange::instrument)
                .containsExactly("PHQ9", "GAD7");
        assertThat(wellbeing.change("GAD7").pairs()).isEqualTo(1);
        assertThat(wellbeing.change("GAD7").meanChange()).isEqualTo(-1.0);
        assertThat(wellbeing.change("GAD7").improvedShare()).isEqualTo(new Share(0, 1));
    }
}
