package org.hearth.engagement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hearth.engagement.EpisodeStatus.ENTERED_TREATMENT;
import static org.hearth.engagement.EpisodeStatus.REFUSING;
import static org.hearth.engagement.EpisodeStatus.RETAINED_30;
import static org.hearth.engagement.EpisodeStatus.RETAINED_90;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Follow-up days and retention checks, counted on a calendar. */
class FollowUpTest {

    private static final LocalDate ENTERED = LocalDate.of(2026, 5, 1);

    @Test
    void theNextFollowUpIsTwoWeeksAfterTheLastEvent() {
        assertThat(FollowUp.DEFAULT_DAYS).isEqualTo(14);
        assertThat(FollowUp.after(LocalDate.of(2026, 2, 20))).isEqualTo(LocalDate.of(2026, 3, 6));
    }

    @Test
    void retentionIsCheckedThirtyAndNinetyDaysAfterEntry() {
        // 05-01 + 30 = 05-31; 05-01 + 90 = 07-30 (30 in May, 31 in June, 29 in July)
        assertThat(FollowUp.retentionChecks(ENTERED))
                .containsExactly(LocalDate.of(2026, 5, 31), LocalDate.of(2026, 7, 30));
    }

    @Test
    void theThirtyDayCheckIsDueFromTheThirtiethDay() {
        assertThat(FollowUp.retentionStatusDue(ENTERED, LocalDate.of(2026, 5, 30), ENTERED_TREATMENT))
                .isNull();
        assertThat(FollowUp.retentionStatusDue(ENTERED, LocalDate.of(2026, 5, 31), ENTERED_TREATMENT))
                .isEqualTo(RETAINED_30);
        assertThat(FollowUp.retentionStatusDue(ENTERED, LocalDate.of(2026, 6, 15), ENTERED_TREATMENT))
                .isEqualTo(RETAINED_30);
    }

    @Test
    void theNinetyDayCheckIsDueFromTheNinetiethDayOnceThirtyIsConfirmed() {
        assertThat(FollowUp.retentionStatusDue(ENTERED, LocalDate.of(2026, 7, 29), RETAINED_30))
                .isNull();
        assertThat(FollowUp.retentionStatusDue(ENTERED, LocalDate.of(2026, 7, 30), RETAINED_30))
                .isEqualTo(RETAINED_90);
    }

    @Test
    void anUnconfirmedThirtyDayCheckComesFirstEvenAfterNinetyDays() {
        assertThat(FollowUp.retentionStatusDue(ENTERED, LocalDate.of(2026, 8, 15), ENTERED_TREATMENT))
                .isEqualTo(RETAINED_30);
    }

    @Test
    void nothingIsDueOutsideTreatmentOrAfterNinetyDaysConfirmed() {
        LocalDate muchLater = LocalDate.of(2027, 1, 1);

        assertThat(FollowUp.retentionStatusDue(ENTERED, muchLater, RETAINED_90)).isNull();
        assertThat(FollowUp.retentionStatusDue(ENTERED, muchLater, REFUSING)).isNull();
    }

    @Test
    void theEpisodePageShowsBothChecksWithWhereEachStands() {
        LocalDate may31 = LocalDate.of(2026, 5, 31);
        LocalDate jul30 = LocalDate.of(2026, 7, 30);

        assertThat(FollowUp.retentionChecks(ENTERED, ENTERED_TREATMENT, LocalDate.of(2026, 5, 10)))
                .containsExactly(
                        new FollowUp.RetentionCheck(RETAINED_30, may31, FollowUp.CheckState.AHEAD),
                        new FollowUp.RetentionCheck(RETAINED_90, jul30, FollowUp.CheckState.AHEAD));
        assertThat(FollowUp.retentionChecks(ENTERED, ENTERED_TREATMENT, may31))
                .extracting(FollowUp.RetentionCheck::state)
                .containsExactly(FollowUp.CheckState.DUE, FollowUp.CheckState.AHEAD);
        assertThat(FollowUp.retentionChecks(ENTERED, RETAINED_30, LocalDate.of(2026, 6, 2)))
                .extracting(FollowUp.RetentionCheck::state)
                .containsExactly(FollowUp.CheckState.DONE, FollowUp.CheckState.AHEAD);
        assertThat(FollowUp.retentionChecks(ENTERED, RETAINED_30, jul30))
                .extracting(FollowUp.RetentionCheck::state)
                .containsExactly(FollowUp.CheckState.DONE, FollowUp.CheckState.DUE);
        assertThat(FollowUp.retentionChecks(ENTERED, RETAINED_90, LocalDate.of(2026, 8, 1)))
                .extracting(FollowUp.RetentionCheck::state)
                .containsExactly(FollowUp.CheckState.DONE, FollowUp.CheckState.DONE);
    }

    @Test
    void noChecksShowOutsideTreatment() {
        assertThat(FollowUp.retentionChecks(null, REFUSING, ENTERED)).isEmpty();
        assertThat(FollowUp.retentionChecks(ENTERED, REFUSING, LocalDate.of(2026, 6, 1)))
                .isEmpty();
        assertThat(FollowUp.retentionChecks(ENTERED, EpisodeStatus.DISENGAGED, LocalDate.of(2026, 6, 1)))
                .isEmpty();
    }
}
