package org.hearth.messages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ReminderLeadsTest {

    private static final Instant NOW = Instant.parse("2026-12-07T15:00:00Z");
    private static final ReminderLeads CLINIC = ReminderLeads.parse("48h,2h");

    @Test
    void bookedWellAheadBothRemindersAreDueAtTheirLeads() {
        Instant start = NOW.plus(Duration.ofDays(5));
        assertThat(CLINIC.due(start, NOW))
                .containsExactly(
                        new ReminderLeads.Due(Duration.ofHours(48), start.minus(Duration.ofHours(48))),
                        new ReminderLeads.Due(Duration.ofHours(2), start.minus(Duration.ofHours(2))));
    }

    @Test
    void bookedFortySevenHoursAheadTheLongReminderGoesNowAndTheShortOneLater() {
        Instant start = NOW.plus(Duration.ofHours(47));
        assertThat(CLINIC.due(start, NOW))
                .containsExactly(
                        new ReminderLeads.Due(Duration.ofHours(48), NOW),
                        new ReminderLeads.Due(Duration.ofHours(2), start.minus(Duration.ofHours(2))));
    }

    @Test
    void bookedAnHourAheadOnlyTheShortestPassedReminderGoesAtOnce() {
        Instant start = NOW.plus(Duration.ofHours(1));
        assertThat(CLINIC.due(start, NOW)).containsExactly(new ReminderLeads.Due(Duration.ofHours(2), NOW));
    }

    @Test
    void threeLeadsAllPassedSendOneOnly() {
        ReminderLeads leads = ReminderLeads.parse("2h, 24h ,90m");
        assertThat(leads.leads()).containsExactly(Duration.ofHours(24), Duration.ofHours(2), Duration.ofMinutes(90));
        Instant start = NOW.plus(Duration.ofMinutes(30));
        assertThat(leads.due(start, NOW)).containsExactly(new ReminderLeads.Due(Duration.ofMinutes(90), NOW));
        assertThat(leads.due(start, NOW).get(0).leadMinutes()).isEqualTo(90);
    }

    @Test
    void noReminderOnceTheStartHasPassed() {
        assertThat(CLINIC.due(NOW, NOW)).isEmpty();
        assertThat(CLINIC.due(NOW.minusSeconds(60), NOW)).isEmpty();
    }

    @Test
    void theDefaultIsFortyEightAndTwoHours() {
        assertThat(ReminderLeads.parse(null).leads()).containsExactly(Duration.ofHours(48), Duration.ofHours(2));
        assertThat(ReminderLeads.parse(" ").toString()).isEqualTo("48h,2h");
        assertThat(ReminderLeads.parse("48h,2h").longest()).isEqualTo(Duration.ofHours(48));
    }

    @Test
    void aValueThatIsNoListOfTimesNamesTheSetting() {
        for (String wrong : new String[] {"48", "two hours", "48h,,2h", "0h", "-2h", "400h"}) {
            assertThatThrownBy(() -> ReminderLeads.parse(wrong))
                    .as(wrong)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("HEARTH_REMINDER_LEADS")
                    .hasMessageContaining("48h,2h");
        }
    }
}
