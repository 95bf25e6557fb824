package org.hearth.schedule;

import java.util.ArrayList;
import java.util.List;

/**
 * The times some counselors and rooms are already taken (by family sessions and group sessions), read once
 * for a whole span, so each occurrence of a group can be checked without asking the database again. Each
 * clash is named as a booking names it: who or which room, the date, and the times it is taken.
 */
final class TakenTimes {

    private record Taken(TimeSlot slot, String messageKey, String name) {}

    private final List<Taken> taken = new ArrayList<>();

    /** A counselor is busy during the slot. */
    TakenTimes counselor(String displayName, TimeSlot slot) {
        taken.add(new Taken(slot, "schedule.clash.counselor", displayName));
        return this;
    }

    /** A room is booked during the slot. */
    TakenTimes room(String name, TimeSlot slot) {
        taken.add(new Taken(slot, "schedule.clash.room", name));
        return this;
    }

    /** Every clash of a session held during {@code slot}, in the order they were found; empty when all are free. */
    List<ScheduleRefusal> clashesWith(TimeSlot slot) {
        return taken.stream()
                .filter(t -> t.slot().overlaps(slot))
                .map(t -> ScheduleRefusal.of(
                        t.messageKey(),
                        t.name(),
                        Times.date(t.slot().start()),
                        Times.time(t.slot().start()),
                        Times.time(t.slot().end())))
                .distinct()
                .toList();
    }
}
