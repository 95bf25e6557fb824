package org.hearth.engagement;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** When an open referral has stalled between "yes" and arrival. */
class StalledReferralTest {

    private static final Instant STARTED = Instant.parse("2026-03-02T15:00:00Z");

    @Test
    void aReferralWithoutAStepStallsTwentyFourHoursAfterItsLastStep() {
        assertThat(StalledReferral.of(STARTED, null, STARTED.plusSeconds(24 * 3600 - 1)))
                .isEmpty();
        assertThat(StalledReferral.of(STARTED, null, STARTED.plusSeconds(24 * 3600)))
                .contains(new StalledReferral(StalledReferral.Reason.NO_STEP, STARTED));
    }

    @Test
    void aBookedIntakeKeepsTheReferralWaitingUntilItsTimeThenStallsIt() {
        Instant intake = STARTED.plusSeconds(5 * 24 * 3600);
        assertThat(StalledReferral.of(STARTED, intake, intake.minusSeconds(60))).isEmpty();
        assertThat(StalledReferral.of(STARTED, intake, intake.plusSeconds(60)))
                .contains(new StalledReferral(StalledReferral.Reason.INTAKE_PASSED, intake));
    }
}
