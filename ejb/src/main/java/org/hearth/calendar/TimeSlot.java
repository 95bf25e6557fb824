package org.hearth.calendar;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A span of time that a session, a room or a facilitator is taken for: from {@code start} (included) to
 * {@code end} (excluded), so a group ending at 10:00 leaves the room free for one starting at 10:00.
 */
public record TimeSlot(Instant start, Instant end) implements Serializable {

    public TimeSlot {
        Objects.requireNonNull(start, "a time slot needs a start");
        Objects.requireNonNull(end, "a time slot needs an end");
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("a time slot ends after it starts: " + start + " to " + end);
        }
    }

    /** The slot that starts at {@code start} and lasts {@code duration}. */
    public static TimeSlot of(Instant start, Duration duration) {
        return new TimeSlot(start, start.plus(duration));
    }

    /** Whether the two slots share any moment; slots that only touch (one ends as the other starts) do not. */
    public boolean overlaps(TimeSlot other) {
        return start.isBefore(other.end) && other.start.isBefore(end);
    }

    public Duration duration() {
        return Duration.between(start, end);
    }
}
