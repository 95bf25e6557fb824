package org.hearth.groups;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SeatOfferDeadlineTest {

    @Test
    void anOfferHoldsItsSeatFortyEightHoursUnlessTheClinicSaysOtherwise() {
        assertThat(SeatOfferDeadline.of(null)).isEqualTo(Duration.ofHours(48));
        assertThat(SeatOfferDeadline.of(" ")).isEqualTo(Duration.ofHours(48));
        assertThat(SeatOfferDeadline.of(" 24 ")).isEqualTo(Duration.ofHours(24));
        assertThat(SeatOfferDeadline.of("336")).isEqualTo(Duration.ofDays(14));
    }

    @Test
    void aSettingThatIsNotAWholeNumberOfHoursInRangeIsRefusedByName() {
        for (String bad : new String[] {"two days", "0", "-4", "337", "1.5"}) {
            assertThatThrownBy(() -> SeatOfferDeadline.of(bad))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("HEARTH_SEAT_OFFER_HOURS")
                    .hasMessageContaining("'" + bad + "'");
        }
    }
}
