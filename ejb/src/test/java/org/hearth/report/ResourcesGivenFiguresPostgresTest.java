package org.hearth.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import org.hearth.resources.ResourceKind;
import org.hearth.time.ClinicTime;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Resources given (issue 25) over March and April 2026, read on 1 July 2026, against one hand-built program:
 *
 * <pre>
 * family  given on  resource (kind)                     to
 * F1      03-02     Al-Anon (FAMILY_MUTUAL_HELP)         member M1     counts
 * F1      03-02     Al-Anon (FAMILY_MUTUAL_HELP)         member M2     counts
 * F1      03-02     Naloxone pick-up (NALOXONE_PICKUP)   the family    counts
 * F2      04-30     Nar-Anon (FAMILY_MUTUAL_HELP)        the family    counts (last day of the range)
 * F2      02-28     Naloxone pick-up                     the family    before the range: not
 * F3      05-01     Crisis line (CRISIS_LINE)            the family    after the range: not
 * F4 (another program) 03-10 Al-Anon                     the family    not of the scope
 * </pre>
 *
 * <p>By hand: 4 given, to 2 families (F1, F2); FAMILY_MUTUAL_HELP 3, NALOXONE_PICKUP 1.
 */
class ResourcesGivenFiguresPostgresTest {

    private static final Clock JULY_1 = Clock.fixed(
            ZonedDateTime.of(2026, 7, 1, 12, 0, 0, 0, ClinicTime.zone()).toInstant(), ClinicTime.zone());

    private static ReportScope marchAndApril;
    private static ProgramFigures figures;
    private static FigureLists lists;
    private static long f1, f2;
    private static List<Long> giftsInRange;
    private static List<Long> mutualHelpGifts;

    @BeforeAll
    static void buildTheProgram() {
        ReportDataset data = ReportDataset.inNewProgram();
        long carlos = data.counselor("Carlos");
        f1 = data.family(carlos, LocalDate.of(2026, 1, 10));
        f2 = data.family(carlos, LocalDate.of(2026, 1, 12));
        long f3 = data.family(carlos, LocalDate.of(2026, 1, 14));
        long m1 = data.member(f1);
        long m2 = data.member(f1);
        long alAnon = data.communityResource("Al-Anon", "FAMILY_MUTUAL_HELP");
        long narAnon = data.communityResource("Nar-Anon", "FAMILY_MUTUAL_HELP");
        long naloxone = data.communityResource("Naloxone pick-up", "NALOXONE_PICKUP");
        long crisis = data.communityResource("Crisis line", "CRISIS_LINE");

        long g1 = data.gift(f1, alAnon, m1, LocalDate.of(2026, 3, 2));
        long g2 = data.gift(f1, alAnon, m2, LocalDate.of(2026, 3, 2));
        long g3 = data.gift(f1, naloxone, null, LocalDate.of(2026, 3, 2));
        long g4 = data.gift(f2, narAnon, null, LocalDate.of(2026, 4, 30));
        data.gift(f2, naloxone, null, LocalDate.of(2026, 2, 28));
        data.gift(f3, crisis, null, LocalDate.of(2026, 5, 1));

        ReportDataset other = ReportDataset.inNewProgram();
        long otherFamily = other.family(other.counselor("Dana"), LocalDate.of(2026, 1, 10));
        other.gift(otherFamily, alAnon, null, LocalDate.of(2026, 3, 10));

        giftsInRange = List.of(g1, g2, g3, g4);
        mutualHelpGifts = List.of(g1, g2, g4);
        marchAndApril = data.scope(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 4, 30));
        figures = new ProgramFigures(ReportDatabase.dataSource(), JULY_1);
        lists = new FigureLists(ReportDatabase.dataSource(), JULY_1);
    }

    @Test
    void resourcesGivenInTheRangeAreCountedWithTheFamiliesGivenAtLeastOneAndByKind() {
        ResourcesGiven given = figures.resourcesGiven(marchAndApril);

        assertThat(given.given()).isEqualTo(4);
        assertThat(given.families()).isEqualTo(2);
        assertThat(given.byKind())
                .containsExactly(
                        new Tally<>(ResourceKind.FAMILY_MUTUAL_HELP, 3), new Tally<>(ResourceKind.NALOXONE_PICKUP, 1));
    }

    @Test
    void theListsBehindTheFigureHoldExactlyTheGiftsCounted() {
        assertThat(lists.resourcesGiven(marchAndApril, null))
                .extracting(Listed::recordId)
                .containsExactlyInAnyOrderElementsOf(giftsInRange);
        assertThat(lists.resourcesGiven(marchAndApril, ResourceKind.FAMILY_MUTUAL_HELP))
                .extracting(Listed::recordId)
                .containsExactlyInAnyOrderElementsOf(mutualHelpGifts);
        assertThat(lists.resourcesGiven(marchAndApril, ResourceKind.FAMILY_MUTUAL_HELP))
                .extracting(Listed::familyId)
                .containsOnly(f1, f2);
    }

    @Test
    void aGiftOfTodayCountsInARangeEndingToday() {
        ReportDataset data = ReportDataset.inNewProgram();
        long family = data.family(data.counselor("Eve"), LocalDate.of(2026, 6, 1));
        data.gift(family, data.communityResource("Al-Anon", "FAMILY_MUTUAL_HELP"), null, LocalDate.of(2026, 7, 1));

        ResourcesGiven today = figures.resourcesGiven(data.scope(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 7, 1)));

        assertThat(today.given()).isEqualTo(1);
        assertThat(today.families()).isEqualTo(1);
    }

    @Test
    void aRangeWithNothingGivenCountsNothing() {
        ResourcesGiven none = figures.resourcesGiven(ReportScope.ofPrograms(
                marchAndApril.programIds(), LocalDate.of(2026, 6, 1), LocalDate.of(2026, 6, 30)));

        assertThat(none.given()).isZero();
        assertThat(none.families()).isZero();
        assertThat(none.byKind()).isEmpty();
    }
}
