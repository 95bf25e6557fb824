package org.hearth.safetyplan;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ReviewDueTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 7);

    @Test
    void withoutAStandingFlagNothingIsDue() {
        assertThat(ReviewDue.of(false, null, TODAY)).isEmpty();
        assertThat(ReviewDue.of(false, TODAY.minusDays(400), TODAY)).isEmpty();
    }

    @Test
    void aFlaggedFamilyWithoutAWrittenPlanIsDueAtOnce() {
        ReviewDue due = ReviewDue.of(true, null, TODAY).orElseThrow();
        assertThat(due.dueOn()).isEqualTo(TODAY);
        assertThat(due.noPlan()).isTrue();
        assertThat(due.overdue()).isFalse();
    }

    @Test
    void aPlanIsDueNinetyDaysAfterItsLastVersionOrReview() {
        ReviewDue due = ReviewDue.of(true, LocalDate.of(2026, 10, 1), TODAY).orElseThrow();
        assertThat(due.dueOn()).isEqualTo(LocalDate.of(2026, 12, 30));
        assertThat(due.overdue()).isFalse();
        assertThat(due.noPlan()).isFalse();
    }

    @Test
    void dueTodayIsNotOverdueYetButTheDayAfterIs() {
        assertThat(ReviewDue.of(true, TODAY.minusDays(90), TODAY).orElseThrow().overdue())
                .isFalse();
        ReviewDue late = ReviewDue.of(true, TODAY.minusDays(91), TODAY).orElseThrow();
        assertThat(late.overdue()).isTrue();
        assertThat(late.dueOn()).isEqualTo(TODAY.minusDays(1));
    }
}
