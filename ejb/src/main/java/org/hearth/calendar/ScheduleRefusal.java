package org.hearth.calendar;

import java.io.Serializable;
import java.text.MessageFormat;
import java.time.DayOfWeek;
import java.util.List;
import java.util.ResourceBundle;
import org.hearth.security.Conflict;
import org.hearth.security.Invalid;

/**
 * One reason a booking cannot be made, as a message key of {@code ValidationMessages} and its arguments
 * (names, local dates and times), so each page and the API say it in the reader's language.
 */
public record ScheduleRefusal(String messageKey, List<String> arguments) implements Serializable {

    public ScheduleRefusal {
        arguments = List.copyOf(arguments);
    }

    public static ScheduleRefusal of(String messageKey, String... arguments) {
        return new ScheduleRefusal(messageKey, List.of(arguments));
    }

    /**
     * The refusal in the language of {@code messages} (a {@code ValidationMessages} bundle). An argument
     * written {@code @key} (a weekday: {@code @weekday.MONDAY}) is that message of the bundle, so it is said
     * in the reader's language too.
     */
    public String text(ResourceBundle messages) {
        Object[] values = arguments.stream()
                .map(a -> a.startsWith("@") && messages.containsKey(a.substring(1))
                        ? messages.getString(a.substring(1))
                        : a)
                .toArray();
        return new MessageFormat(messages.getString(messageKey), messages.getLocale()).format(values);
    }

    /** The refusal as a reason of an {@link Invalid} or a {@link Conflict}, about the field {@link #field()} names. */
    public Invalid.Reason toReason() {
        return Invalid.Reason.of(field(), messageKey, arguments.toArray(String[]::new));
    }

    /** The refusals as reasons, in their order. */
    public static List<Invalid.Reason> reasons(List<ScheduleRefusal> refusals) {
        return refusals.stream().map(ScheduleRefusal::toReason).toList();
    }

    /** Reasons of a booking's refusal or clash read back as refusals (the field aside), in their order. */
    public static List<ScheduleRefusal> from(List<Invalid.Reason> reasons) {
        return reasons.stream()
                .map(r -> new ScheduleRefusal(r.messageKey(), r.arguments()))
                .toList();
    }

    /** A weekday as an argument, said in the reader's language. */
    static String weekday(DayOfWeek day) {
        return "@weekday." + day;
    }

    /** The request field the refusal is about, for an API client: the room, the members, the counselor or the time. */
    public String field() {
        if (messageKey.startsWith("schedule.room.") || messageKey.equals("schedule.clash.room")) {
            return "roomId";
        }
        if (messageKey.startsWith("schedule.members.") || messageKey.startsWith("schedule.clash.member.")) {
            return "memberIds";
        }
        if (messageKey.startsWith("schedule.counselor.") || messageKey.equals("schedule.clash.counselor")) {
            return "counselorUsername";
        }
        if (messageKey.startsWith("clinic.hours.")) {
            return "hours";
        }
        if (messageKey.startsWith("clinic.closure.")) {
            return "date";
        }
        if (messageKey.startsWith("clinic.room.")) {
            return "name";
        }
        if (messageKey.equals("schedule.length")) {
            return "minutes";
        }
        if (messageKey.startsWith("group.enrollment.") || messageKey.startsWith("group.attendance.")) {
            return "memberId";
        }
        return "start";
    }
}
