package org.hearth.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hearth.notes.MitiBand.BELOW_FAIR;
import static org.hearth.notes.MitiBand.FAIR;
import static org.hearth.notes.MitiBand.GOOD;
import static org.hearth.notes.MitiBand.NOT_APPLICABLE;
import static org.hearth.schedule.AppointmentKind.CRAFT_SESSION;
import static org.hearth.schedule.AppointmentStatus.COMPLETED;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.List;
import org.hearth.schedule.ClinicTime;
import org.junit.jupiter.api.Test;

/** MI fidelity per counselor over June 2026, from MITI reviews of the sessions held in June. */
class FidelityFiguresPostgresTest {

    private static final Clock JULY_1 = Clock.fixed(
            ZonedDateTime.of(2026, 7, 1, 12, 0, 0, 0, ClinicTime.zone()).toInstant(), ClinicTime.zone());

    private final ProgramFigures figures = new ProgramFigures(ReportDatabase.dataSource(), JULY_1);
    private final FigureLists lists = new FigureLists(ReportDatabase.dataSource(), JULY_1);

    /**
     * <pre>
     * review            Q   SR  CR  CCT SST  P  E
     * Carlos 06-02 (Sam) 10   6   6   4   3   4  4
     * Carlos 06-09 (Sam) 10   8   2   3   3   3  4
     * Carlos 06-16 self   5   4   4   4   4   4  5
     * Carlos 05-20 (Sam)  1   0   0   1   1   1  1   (session in May: not counted)
     * Cora   06-05 (Sam)  0   2   0   2   2   3  3
     *
     * Carlos: 3 reviews, 1 self
     *   technical  (7 + 6 + 8) / 6  = 3.50 -> fair (3 to 4)
     *   relational (8 + 7 + 9) / 6  = 4.00 -> good (exactly on the threshold)
     *   R:Q        (12 + 10 + 8) / 25 = 1.20 -> fair (1 to 2)
     *   %CR        (6 + 2 + 4) / 30 = 0.40 -> fair (exactly 40%)
     * Cora: 1 review
     *   technical 2.00 below fair; relational 3.00 below fair (3.5); no question: R:Q not applicable; %CR 0 below fair
     * </pre>
     */
    @Test
    void summaryScoresArePooledOverTheReviewsOfTheRangeAndBandedOnTheThresholds() {
        ReportDataset data = ReportDataset.inNewProgram();
        long carlos = data.counselor("Carlos Rivera");
        long cora = data.counselor("Cora Jensen");
        long sam = data.staff("supervisor", "Sam Okafor");
        long family = data.family(carlos, LocalDate.of(2026, 1, 5));
        long june2 = data.session(family, carlos, CRAFT_SESSION, at(6, 2), COMPLETED);
        long review1 = data.mitiReview(june2, sam, 10, 6, 6, 4, 3, 4, 4);
        long review2 = data.mitiReview(
                data.session(family, carlos, CRAFT_SESSION, at(6, 9), COMPLETED), sam, 10, 8, 2, 3, 3, 3, 4);
        long review3 = data.mitiReview(
                data.session(family, carlos, CRAFT_SESSION, at(6, 16), COMPLETED), carlos, 5, 4, 4, 4, 4, 4, 5);
        data.mitiReview(data.session(family, carlos, CRAFT_SESSION, at(5, 20), COMPLETED), sam, 1, 0, 0, 1, 1, 1, 1);
        data.mitiReview(data.session(family, cora, CRAFT_SESSION, at(6, 5), COMPLETED), sam, 0, 2, 0, 2, 2, 3, 3);
        ReportScope june = data.scope(LocalDate.of(2026, 6, 1), LocalDate.of(2026, 6, 30));

        List<CounselorFidelity> fidelity = figures.fidelity(june);

        assertThat(fidelity).hasSize(2);
        CounselorFidelity carlosFidelity = fidelity.get(0);
        assertThat(carlosFidelity.displayName()).isEqualTo("Carlos Rivera");
        assertThat(carlosFidelity.reviews()).isEqualTo(3);
        assertThat(carlosFidelity.selfReviews()).isEqualTo(1);
        assertThat(carlosFidelity.technical()).isEqualTo(new BigDecimal("3.50"));
        assertThat(carlosFidelity.technicalBand()).isEqualTo(FAIR);
        assertThat(carlosFidelity.relational()).isEqualTo(new BigDecimal("4.00"));
        assertThat(carlosFidelity.relationalBand()).isEqualTo(GOOD);
        assertThat(carlosFidelity.reflectionToQuestion()).isEqualTo(new BigDecimal("1.20"));
        assertThat(carlosFidelity.reflectionToQuestionBand()).isEqualTo(FAIR);
        assertThat(carlosFidelity.percentComplexReflections()).isEqualTo(new BigDecimal("0.4000"));
        assertThat(carlosFidelity.percentComplexReflectionsBand()).isEqualTo(FAIR);

        CounselorFidelity coraFidelity = fidelity.get(1);
        assertThat(coraFidelity.displayName()).isEqualTo("Cora Jensen");
        assertThat(coraFidelity.reviews()).isEqualTo(1);
        assertThat(coraFidelity.technical()).isEqualTo(new BigDecimal("2.00"));
        assertThat(coraFidelity.technicalBand()).isEqualTo(BELOW_FAIR);
        assertThat(coraFidelity.relationalBand()).isEqualTo(BELOW_FAIR);
        assertThat(coraFidelity.reflectionToQuestion()).isNull();
        assertThat(coraFidelity.reflectionToQuestionBand()).isEqualTo(NOT_APPLICABLE);
        assertThat(coraFidelity.percentComplexReflectionsBand()).isEqualTo(BELOW_FAIR);

        assertThat(lists.fidelityReviews(june, carlos))
                .extracting(Listed::recordId)
                .containsExactly(review1, review2, review3);
        assertThat(figures.fidelity(june.forCounselor(cora)))
                .extracting(CounselorFidelity::counselorId)
                .containsExactly(cora);
    }

    private static LocalDateTime at(int month, int day) {
        return LocalDateTime.of(2026, month, day, 10, 0);
    }
}
