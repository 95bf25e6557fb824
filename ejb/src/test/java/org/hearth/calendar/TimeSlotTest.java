package org.hearth.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TimeSlotTest {

    private static TimeSlot slot(String start, String end) {
        return new TimeSlot(Instant.parse(start), Instant.parse(end));
    }

    private static final TimeSlot NINE_TO_TEN = slot("2026-11-03T09:00:00Z", "2026-11-03T10:00:00Z");

    @Test
    void aSessionEndingAtTenDoesNotClashWithOneStartingAtTen() {
        TimeSlot tenToEleven = slot("2026-11-03T10:00:00Z", "2026-11-03T11:00:00Z");

        assertThat(NINE_TO_TEN.overlaps(tenToEleven)).isFalse();
        assertThat(tenToEleven.overlaps(NINE_TO_TEN)).isFalse();
    }

    @Test
    void sessionsSharingAMinuteClashWhicheverIsAskedFirst() {
        TimeSlot halfPastNineToEleven = slot("2026-11-03T09:30:00Z", "2026-11-03T11:00:00Z");

        assertThat(NINE_TO_TEN.overlaps(halfPastNineToEleven)).isTrue();
        assertThat(halfPastNineToEleven.overlaps(NINE_TO_TEN)).isTrue();
    }

    @Test
    void aSessionInsideAnotherClashesWithIt() {
        TimeSlot quarterPastToHalfPast = slot("2026-11-03T09:15:00Z", "2026-11-03T09:30:00Z");

        assertThat(NINE_TO_TEN.overlaps(quarterPastToHalfPast)).isTrue();
        assertThat(quarterPastToHalfPast.overlaps(NINE_TO_TEN)).isTrue();
        assertThat(NINE_TO_TEN.overlaps(NINE_TO_TEN)).isTrue();
    }

    @Test
    void sessionsOnDifferentHoursDoNotClash() {
        assertThat(NINE_TO_TEN.overlaps(slot("2026-11-03T14:00:00Z", "2026-11-03T15:00:00Z")))
                .isFalse();
    }

    @Test
    void isBuiltFromAStartAndADuration() {
        TimeSlot slot = TimeSlot.of(Instant.parse("2026-11-03T09:00:00Z"), Duration.ofMinutes(90));

        assertThat(slot.end()).isEqualTo(Instant.parse("2026-11-03T10:30:00Z"));
        assertThat(slot.duration()).isEqualTo(Duration.ofMinutes(90));
    }

    @Test
    void endsAfterItStarts() {
        assertThatThrownBy(() -> slot("2026-11-03T10:00:00Z", "2026-11-03T10:00:00Z"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ends after it starts");
        assertThatThrownBy(() -> slot("2026-11-03T10:00:00Z", "2026-11-03T09:00:00Z"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TimeSlot(null, Instant.EPOCH)).isInstanceOf(NullPointerException.class);
    }
}
