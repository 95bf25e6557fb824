package org.hearth.feeds;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.hearth.groups.GroupRecurrence;
import org.hearth.groups.Occurrence;

/**
 * A support group's meetings as one iCalendar series, as a calendar application keeps a repeating event:
 * the group's rule (DTSTART in the clinic's zone, RRULE), an EXDATE for every meeting the rule gives that is
 * cancelled or was never held as a session (skipped for a clash or a closure), an override (RECURRENCE-ID)
 * for every meeting moved to another time or room, and a single event for each session the rule does not
 * give (sessions made by the group's earlier rule). No group name, no member: "Support group" and the room.
 */
final class GroupCalendar {

    static final String SUMMARY = "Support group";

    /** A group session as the feed needs it. */
    record Meeting(long id, LocalDate occursOn, Instant start, Instant end, String room, boolean cancelled) {}

    private GroupCalendar() {}

    static void add(
            IcsCalendar calendar,
            long groupId,
            GroupRecurrence rule,
            String groupRoom,
            List<Meeting> meetings,
            Instant stamp) {
        String uid = "group-" + groupId + "@hearth";
        Map<LocalDate, Occurrence> ruled =
                rule.occurrences().stream().collect(Collectors.toMap(Occurrence::date, Function.identity()));
        Map<LocalDate, Meeting> held =
                meetings.stream().collect(Collectors.toMap(Meeting::occursOn, Function.identity(), (a, b) -> a));
        List<LocalDate> missing = new ArrayList<>();
        List<Meeting> moved = new ArrayList<>();
        for (Occurrence occurrence : ruled.values()) {
            Meeting meeting = held.get(occurrence.date());
            if (meeting == null || meeting.cancelled()) {
                missing.add(occurrence.date());
            } else if (!meeting.start().equals(occurrence.start())
                    || !meeting.end().equals(occurrence.end())
                    || !meeting.room().equals(groupRoom)) {
                moved.add(meeting);
            }
        }
        LocalDate first = meetings.stream()
                .map(Meeting::occursOn)
                .min(Comparator.naturalOrder())
                .filter(date -> date.isBefore(rule.firstDate()))
                .orElse(rule.firstDate());
        calendar.timeZone(rule.zone(), first);
        calendar.series(uid, rule.skipping(missing), SUMMARY, groupRoom, stamp);
        moved.sort(Comparator.comparing(Meeting::occursOn));
        for (Meeting meeting : moved) {
            calendar.override(
                    uid,
                    LocalDateTime.of(meeting.occursOn(), rule.startTime()),
                    rule.zone(),
                    meeting.start(),
                    meeting.end(),
                    SUMMARY,
                    meeting.room(),
                    stamp);
        }
        meetings.stream()
                .filter(meeting -> !ruled.containsKey(meeting.occursOn()))
                .sorted(Comparator.comparing(Meeting::occursOn))
                .forEach(meeting -> calendar.event(
                        "group-" + groupId + "-session-" + meeting.id() + "@hearth",
                        meeting.start(),
                        meeting.end(),
                        SUMMARY,
                        meeting.room(),
                        meeting.cancelled(),
                        stamp));
    }
}
