package org.hearth.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hearth.engagement.LevelOfCare.OUTPATIENT;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Set;
import org.hearth.schedule.ClinicTime;
import org.junit.jupiter.api.Test;

/**
 * A counselor's restricted view: the same figures over the families on their caseload today only, and a program's
 * figures never count another program's families.
 *
 * <pre>
 * family  program  primary  covering                 episode opened  entered
 * F1      P        Carlos                            03-02           03-12
 * F2      P        Cora     Carlos from 06-20, open  03-05
 * F3      P        Cora     Carlos 03-01..06-15      03-10           03-20
 * F4      Q        Carlos                            03-12           03-15
 * </pre>
 *
 * Read on 1 July 2026 over March: program P has 3 episodes opened, 2 entered; Carlos's caseload today is F1 and F2
 * (1 entered of 2); Cora's is F2 and F3 (1 of 2); programs P and Q together have 4.
 */
class CounselorScopePostgresTest {

    private static final Clock JULY_1 = Clock.fixed(
            ZonedDateTime.of(2026, 7, 1, 12, 0, 0, 0, ClinicTime.zone()).toInstant(), ClinicTime.zone());

    private final ProgramFigures figures = new ProgramFigures(ReportDatabase.dataSource(), JULY_1);
    private final FigureLists lists = new FigureLists(ReportDatabase.dataSource(), JULY_1);

    @Test
    void aCounselorsFiguresCountTheFamiliesOnTheirCaseloadTodayAndAProgramsOnlyItsOwn() {
        ReportDataset p = ReportDataset.inNewProgram();
        long carlos = p.counselor("Carlos Rivera");
        long cora = p.counselor("Cora Jensen");
        long f1 = p.family(carlos, march(1));
        long f2 = p.family(cora, march(1));
        p.covering(f2, carlos, LocalDate.of(2026, 6, 20), null);
        long f3 = p.family(cora, march(1));
        p.covering(f3, carlos, march(1), LocalDate.of(2026, 6, 15));
        p.entered(p.episode(f1, march(2)), march(12), OUTPATIENT);
        long f2Episode = p.episode(f2, march(5));
        p.entered(p.episode(f3, march(10)), march(20), OUTPATIENT);
        ReportDataset q = ReportDataset.inNewProgram();
        q.entered(q.episode(q.family(carlos, march(1)), march(12)), march(15), OUTPATIENT);
        ReportScope programP = p.scope(march(1), march(31));

        assertThat(figures.episodesOpened(programP)).isEqualTo(3);
        assertThat(figures.daysToEntry(programP).entered()).isEqualTo(2);

        ReportScope carlosCaseload = programP.forCounselor(carlos);
        assertThat(figures.episodesOpened(carlosCaseload)).isEqualTo(2);
        assertThat(figures.daysToEntry(carlosCaseload)).isEqualTo(new DaysToEntry(1, 10.0));
        assertThat(lists.episodesOpened(carlosCaseload))
                .extracting(Listed::familyId)
                .containsExactly(f1, f2);
        assertThat(lists.episodesOpened(carlosCaseload))
                .extracting(Listed::recordId)
                .contains(f2Episode);

        ReportScope coraCaseload = programP.forCounselor(cora);
        assertThat(figures.episodesOpened(coraCaseload)).isEqualTo(2);
        assertThat(lists.enteredTreatment(coraCaseload))
                .extracting(Listed::familyId)
                .containsExactly(f3);

        ReportScope bothPrograms = ReportScope.ofPrograms(Set.of(p.programId(), q.programId()), march(1), march(31));
        assertThat(figures.episodesOpened(bothPrograms)).isEqualTo(4);
        assertThat(figures.episodesOpened(ReportScope.ofPrograms(Set.of(), march(1), march(31))))
                .isZero();
    }

    private static LocalDate march(int day) {
        return LocalDate.of(2026, 3, day);
    }
}
