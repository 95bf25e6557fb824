package org.hearth.engagement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hearth.engagement.EpisodeStatus.ENTERED_TREATMENT;
import static org.hearth.engagement.EpisodeStatus.PREPARING;
import static org.hearth.engagement.EpisodeStatus.REFUSING;
import static org.hearth.engagement.EpisodeStatus.RETAINED_30;
import static org.hearth.engagement.LevelOfCare.OUTPATIENT;
import static org.hearth.engagement.LevelOfCare.RESIDENTIAL;
import static org.hearth.engagement.LevelOfCare.WITHDRAWAL_MANAGEMENT;
import static org.hearth.engagement.RiskAlerts.RiskReason.NON_FATAL_OVERDOSE;
import static org.hearth.engagement.RiskAlerts.RiskReason.RETURN_AFTER_DETOX;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** When Hearth raises an overdose risk alert. */
class RiskAlertsTest {

    private static final LocalDate ENTERED = LocalDate.of(2026, 3, 15);

    private static RiskAlerts.RiskReason backToRefusing(EpisodeStatus from, LevelOfCare level, int daysAfterEntry) {
        return RiskAlerts.raisedBy(null, from, REFUSING, level, ENTERED, ENTERED.plusDays(daysAfterEntry))
                .orElse(null);
    }

    @Test
    void aNonFatalOverdoseRaisesAnAlert() {
        assertThat(RiskAlerts.raisedBy(
                        CriticalEventKind.NON_FATAL_OVERDOSE, null, null, null, null, LocalDate.of(2026, 2, 1)))
                .contains(NON_FATAL_OVERDOSE);
    }

    @ParameterizedTest
    @EnumSource(
            value = CriticalEventKind.class,
            names = {"NON_FATAL_OVERDOSE", "NALOXONE_USED"},
            mode = EnumSource.Mode.EXCLUDE)
    void otherCriticalEventsRaiseNone(CriticalEventKind event) {
        assertThat(RiskAlerts.raisedBy(event, null, null, null, null, LocalDate.of(2026, 2, 1)))
                .isEmpty();
    }

    @Test
    void naloxoneUsedIsAnOverdoseReversedAndRaisesTheSameAlert() {
        assertThat(RiskAlerts.raisedBy(
                        CriticalEventKind.NALOXONE_USED, null, null, null, null, LocalDate.of(2026, 2, 1)))
                .contains(NON_FATAL_OVERDOSE);
    }

    @Test
    void refusingTenDaysAfterDetoxRaisesAnAlert() {
        assertThat(backToRefusing(ENTERED_TREATMENT, WITHDRAWAL_MANAGEMENT, 10)).isEqualTo(RETURN_AFTER_DETOX);
    }

    @Test
    void refusingFortyDaysAfterDetoxRaisesNone() {
        assertThat(backToRefusing(ENTERED_TREATMENT, WITHDRAWAL_MANAGEMENT, 40)).isNull();
    }

    @Test
    void theWindowIncludesItsThirtiethDay() {
        assertThat(RiskAlerts.RETURN_AFTER_DETOX_WINDOW_DAYS).isEqualTo(30);
        assertThat(backToRefusing(ENTERED_TREATMENT, WITHDRAWAL_MANAGEMENT, 30)).isEqualTo(RETURN_AFTER_DETOX);
        assertThat(backToRefusing(ENTERED_TREATMENT, WITHDRAWAL_MANAGEMENT, 31)).isNull();
    }

    @Test
    void leavingAResidentialStayOrItsFirstRetentionCheckCountsToo() {
        assertThat(backToRefusing(ENTERED_TREATMENT, RESIDENTIAL, 20)).isEqualTo(RETURN_AFTER_DETOX);
        assertThat(backToRefusing(RETAINED_30, RESIDENTIAL, 30)).isEqualTo(RETURN_AFTER_DETOX);
    }

    @Test
    void refusingAfterOutpatientCareRaisesNone() {
        assertThat(backToRefusing(ENTERED_TREATMENT, OUTPATIENT, 10)).isNull();
    }

    @Test
    void refusingBeforeEverEnteringTreatmentRaisesNone() {
        assertThat(RiskAlerts.raisedBy(null, PREPARING, REFUSING, null, null, LocalDate.of(2026, 2, 1)))
                .isEmpty();
        // a detox months ago, then preparing again: going back to refusing from preparing is not leaving care
        assertThat(backToRefusing(PREPARING, WITHDRAWAL_MANAGEMENT, 10)).isNull();
    }

    @Test
    void onlyDetoxAndResidentialLowerTolerance() {
        for (LevelOfCare level : LevelOfCare.values()) {
            assertThat(level.lowersTolerance())
                    .as(level.name())
                    .isEqualTo(level == WITHDRAWAL_MANAGEMENT || level == RESIDENTIAL);
        }
    }
}
