package org.hearth.wellbeing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class DueRuleTest {

    private static final LocalDate OPENED = LocalDate.of(2026, 9, 1);
    private static final LocalDate INTAKE_DONE = LocalDate.of(2026, 9, 10);

    @Test
    void aMemberNeverMeasuredIsDueFromTheIntakeOrElseFromRegistration() {
        assertThat(DueRule.dueOn(DueRule.familyStart(INTAKE_DONE, OPENED), null))
                .isEqualTo(INTAKE_DONE);
        assertThat(DueRule.dueOn(DueRule.familyStart(null, OPENED), null)).isEqualTo(OPENED);
    }

    @Test
    void thenFourWeeksAfterTheirLastMeasure() {
        LocalDate last = LocalDate.of(2026, 11, 30);

        assertThat(DueRule.dueOn(INTAKE_DONE, last)).isEqualTo(LocalDate.of(2026, 12, 28));
    }

    @Test
    void dueAndOverdueAreSaidAgainstToday() {
        LocalDate today = LocalDate.of(2026, 12, 7);

        DueMeasure onTheDay = DueMeasure.of(1, "Ana", Instrument.PHQ9, OPENED, LocalDate.of(2026, 11, 9), today);
        DueMeasure late = DueMeasure.of(1, "Ana", Instrument.GAD7, OPENED, LocalDate.of(2026, 11, 8), today);
        DueMeasure later = DueMeasure.of(1, "Ana", Instrument.GAD7, OPENED, LocalDate.of(2026, 11, 10), today);

        assertThat(onTheDay.dueOn()).isEqualTo(today);
        assertThat(onTheDay.due()).isTrue();
        assertThat(onTheDay.overdue()).isFalse();
        assertThat(late.overdue()).isTrue();
        assertThat(later.due()).isFalse();
    }

    @Test
    void theTabletSpeaksTheMembersLanguageElseTheFamilysAndEnglishWithoutATranslation() {
        assertThat(Measures.tabletLanguage("es", "en")).isEqualTo("es");
        assertThat(Measures.tabletLanguage(null, "es")).isEqualTo("es");
        assertThat(Measures.tabletLanguage("en", "es")).isEqualTo("en");
        assertThat(Measures.tabletLanguage("vi", "es")).isEqualTo("en");
        assertThat(DueMeasure.firstNameOf("  María José Ortega ")).isEqualTo("María");
    }
}
