package org.hearth.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportScopeTest {

    @Test
    void aRangeThatEndsBeforeItStartsIsRefusedNamingBothDays() {
        assertThatThrownBy(
                        () -> ReportScope.ofPrograms(List.of(1L), LocalDate.of(2026, 3, 31), LocalDate.of(2026, 3, 1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2026-03-01")
                .hasMessageContaining("2026-03-31");
    }

    @Test
    void aOneDayRangeIsAllowedAndACounselorRestrictsTheSameScope() {
        LocalDate day = LocalDate.of(2026, 3, 1);
        ReportScope programs = ReportScope.ofPrograms(List.of(2L, 1L), day, day);

        ReportScope mine = programs.forCounselor(7);

        assertThat(mine.programIds()).containsExactlyInAnyOrder(1L, 2L);
        assertThat(mine.counselorId()).isEqualTo(7L);
        assertThat(mine.from()).isEqualTo(day);
        assertThat(programs.counselorId()).isNull();
    }
}
