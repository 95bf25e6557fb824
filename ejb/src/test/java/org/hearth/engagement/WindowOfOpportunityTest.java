package org.hearth.engagement;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The window of opportunity a critical event opens, and the follow-up it sets. */
class WindowOfOpportunityTest {

    private static final LocalDate EVENT = LocalDate.of(2026, 3, 30);

    @Test
    void theWindowStaysOpenThreeDaysAfterTheEvent() {
        assertThat(WindowOfOpportunity.lastDay(EVENT)).isEqualTo(LocalDate.of(2026, 4, 2));
        assertThat(WindowOfOpportunity.isOpen(LocalDate.of(2026, 4, 2), LocalDate.of(2026, 4, 2)))
                .isTrue();
        assertThat(WindowOfOpportunity.isOpen(LocalDate.of(2026, 4, 2), LocalDate.of(2026, 4, 3)))
                .isFalse();
        assertThat(WindowOfOpportunity.isOpen(null, EVENT)).isFalse();
    }

    @Test
    void theFollowUpIsNoLaterThanThreeDaysAfterTheEventNorBeforeToday() {
        assertThat(WindowOfOpportunity.followUp(EVENT, EVENT, EVENT.plusDays(14)))
                .isEqualTo(LocalDate.of(2026, 4, 2));
        // recorded five days late: followed up today
        assertThat(WindowOfOpportunity.followUp(EVENT, EVENT.plusDays(5), null)).isEqualTo(EVENT.plusDays(5));
        // a follow-up already due sooner stays
        assertThat(WindowOfOpportunity.followUp(EVENT, EVENT, EVENT.plusDays(1)))
                .isEqualTo(EVENT.plusDays(1));
        // an overdue follow-up does not pull the new one into the past
        assertThat(WindowOfOpportunity.followUp(EVENT, EVENT.plusDays(1), EVENT.minusDays(2)))
                .isEqualTo(EVENT.plusDays(3));
    }

    @ParameterizedTest
    @EnumSource(
            value = EpisodeStatus.class,
            names = {"REFUSING", "AMBIVALENT", "PREPARING"})
    void everyCriticalEventOpensAWindowBeforeTreatment(EpisodeStatus status) {
        for (CriticalEventKind event : CriticalEventKind.values()) {
            assertThat(WindowOfOpportunity.opens(event, status))
                    .as("%s at %s", event, status)
                    .isTrue();
        }
    }

    @ParameterizedTest
    @EnumSource(
            value = EpisodeStatus.class,
            names = {"REFUSING", "AMBIVALENT", "PREPARING"},
            mode = EnumSource.Mode.EXCLUDE)
    void noWindowOpensInTreatmentOrAfterTheEpisodeClosed(EpisodeStatus status) {
        assertThat(WindowOfOpportunity.opens(CriticalEventKind.HOSPITAL_STAY, status))
                .isFalse();
    }
}
