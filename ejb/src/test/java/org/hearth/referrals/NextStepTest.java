package org.hearth.referrals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hearth.referrals.ReferralStepKind.ARRIVED;
import static org.hearth.referrals.ReferralStepKind.INTAKE_BOOKED;
import static org.hearth.referrals.ReferralStepKind.PROVIDER_CONTACTED;
import static org.hearth.referrals.ReferralStepKind.TRANSPORT_CONFIRMED;
import static org.hearth.referrals.ReferralStepKind.WARM_HANDOFF;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The step the tracker offers next. */
class NextStepTest {

    @Test
    void theUsualStepsComeInOrderThenTheArrival() {
        assertThat(NextStep.after(List.of())).isEqualTo(PROVIDER_CONTACTED);
        assertThat(NextStep.after(List.of(PROVIDER_CONTACTED))).isEqualTo(INTAKE_BOOKED);
        assertThat(NextStep.after(List.of(PROVIDER_CONTACTED, INTAKE_BOOKED))).isEqualTo(WARM_HANDOFF);
        assertThat(NextStep.after(List.of(PROVIDER_CONTACTED, INTAKE_BOOKED, WARM_HANDOFF, TRANSPORT_CONFIRMED)))
                .isEqualTo(ARRIVED);
    }

    @Test
    void aStepTakenOutOfOrderIsNotOfferedAgain() {
        assertThat(NextStep.after(List.of(INTAKE_BOOKED))).isEqualTo(PROVIDER_CONTACTED);
        assertThat(NextStep.after(List.of(PROVIDER_CONTACTED, WARM_HANDOFF))).isEqualTo(INTAKE_BOOKED);
    }
}
