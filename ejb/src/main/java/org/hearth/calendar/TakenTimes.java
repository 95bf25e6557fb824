package org.hearth.calendar;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.hearth.staff.StaffMember;

/**
 * The times some counselors, a room and some family members are already taken, by family sessions and by
 * group meetings, read once for a whole span ({@link #find}), so a booking or each occurrence of a group
 * can be checked without asking the database again. What holds a person or a room each holder of time says
 * ({@link TimeHolder}): a family session that is not cancelled or a no-show; a scheduled group meeting in the
 * room, led by the counselor (as facilitator, or as its substitute) or with the member enrolled. Each clash is
 * named as a booking names it: who or which room, the date, and the times it is taken.
 */
public final class TakenTimes {

    /**
     * What holds {@code staff}, {@code room} (may be null: telehealth) or the members between {@code from}
     * and {@code to}, asking each holder of time (family sessions, then group meetings), leaving out the family
     * session {@code appointment} and the group meeting {@code session} being changed (either may be null).
     */
    public static TakenTimes find(
            Iterable<? extends TimeHolder> holders,
            Collection<StaffMember> staff,
            Room room,
            Collection<Long> memberIds,
            Instant from,
            Instant to,
            Long appointment,
            Long session) {
        Set<Long> staffIds = staff.stream().map(StaffMember::getId).collect(Collectors.toSet());
        Span span = new Span(
                staffIds.isEmpty() ? Set.of(-1L) : staffIds,
                room == null ? -1L : room.getId(),
                memberIds.isEmpty() ? Set.of(-1L) : Set.copyOf(memberIds),
                !memberIds.isEmpty(),
                from,
                to,
                earliestStart(from),
                appointment == null ? -1L : appointment,
                session == null ? -1L : session);
        List<TimeHolder> inOrder = new ArrayList<>();
        holders.forEach(inOrder::add);
        inOrder.sort(Comparator.comparing(TimeHolder::kind));
        TakenTimes taken = new TakenTimes();
        for (TimeHolder holder : inOrder) {
            holder.addTaken(taken, span);
        }
        return taken;
    }

    /**
     * The earliest start of anything still running at {@code from}: sessions and meetings last under a day (V17's
     * checks), so the index on their start reads one day, not the years before.
     */
    private static Instant earliestStart(Instant from) {
        return from.minus(Duration.ofDays(1));
    }

    /**
     * The question a holder of time answers: which of these counselors (ids; {@code -1} when none), this room
     * ({@code -1}: none) and these members ({@code -1} when none asked, {@code anyMembers} false) are taken
     * between {@code from} and {@code to}, by something starting after {@code earliest}, leaving out the family
     * session {@code appointment} and the group meeting {@code session} being changed ({@code -1}: none).
     */
    public record Span(
            Set<Long> staffIds,
            long roomId,
            Set<Long> memberIds,
            boolean anyMembers,
            Instant from,
            Instant to,
            Instant earliest,
            long appointment,
            long session) {}

    /** A time taken, and how a clash with it is said: the key, who or which room, and what holds them (may be null). */
    private record Taken(TimeSlot slot, String messageKey, String name, String what) {}

    private final List<Taken> taken = new ArrayList<>();

    /** A counselor is busy during the slot. */
    public TakenTimes counselor(String displayName, TimeSlot slot) {
        taken.add(new Taken(slot, "schedule.clash.counselor", displayName, null));
        return this;
    }

    /** A room is booked during the slot. */
    public TakenTimes room(String name, TimeSlot slot) {
        taken.add(new Taken(slot, "schedule.clash.room", name, null));
        return this;
    }

    /** A family member attends a family session during the slot: "Ana Ruiz has a family session on ...". */
    public TakenTimes memberInSession(String fullName, TimeSlot slot) {
        taken.add(new Taken(slot, "schedule.clash.member.session", fullName, null));
        return this;
    }

    /**
     * A family member is enrolled in a group meeting during the slot, named by the group: "Ana Ruiz has the
     * CRAFT skills meeting on ...".
     */
    public TakenTimes memberInGroup(String fullName, String groupName, TimeSlot slot) {
        taken.add(new Taken(slot, "schedule.clash.member.group", fullName, groupName));
        return this;
    }

    /** Every clash of a session held during {@code slot}, in the order they were found; empty when all are free. */
    public List<ScheduleRefusal> clashesWith(TimeSlot slot) {
        return taken.stream()
                .filter(t -> t.slot().overlaps(slot))
                .map(t -> t.what() == null
                        ? ScheduleRefusal.of(
                                t.messageKey(),
                                t.name(),
                                Times.date(t.slot().start()),
                                Times.time(t.slot().start()),
                                Times.time(t.slot().end()))
                        : ScheduleRefusal.of(
                                t.messageKey(),
                                t.name(),
                                Times.date(t.slot().start()),
                                Times.time(t.slot().start()),
                                Times.time(t.slot().end()),
                                t.what()))
                .distinct()
                .toList();
    }
}
