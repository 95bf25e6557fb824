package org.hearth.schedule;

import java.io.Serializable;
import java.text.MessageFormat;
import java.util.List;
import java.util.ResourceBundle;

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

    /** The refusal in the language of {@code messages} (a {@code ValidationMessages} bundle). */
    public String text(ResourceBundle messages) {
        return new MessageFormat(messages.getString(messageKey), messages.getLocale()).format(arguments.toArray());
    }

    /** The request field the refusal is about, for an API client: the room, the members, the counselor or the time. */
    public String field() {
        if (messageKey.startsWith("schedule.room.") || messageKey.equals("schedule.clash.room")) {
            return "roomId";
        }
        if (messageKey.startsWith("schedule.members.") || messageKey.equals("schedule.clash.member")) {
            return "memberIds";
        }
        if (messageKey.startsWith("schedule.counselor.") || messageKey.equals("schedule.clash.counselor")) {
            return "counselorUsername";
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
