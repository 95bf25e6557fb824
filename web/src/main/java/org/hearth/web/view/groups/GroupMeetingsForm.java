package org.hearth.web.view.groups;

import java.io.Serializable;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.hearth.groups.GroupRecurrence;
import org.hearth.groups.Occurrence;
import org.hearth.time.ClinicTime;

/**
 * "When it meets", as the define and change-the-rule pages ask it: a first date (whose weekday the group
 * meets on), a start time, a length, how often, and a last date or a number of meetings. An incomplete form
 * gives no rule, and the service names what is missing.
 */
public class GroupMeetingsForm implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final DateTimeFormatter HOURS = DateTimeFormatter.ofPattern("HH:mm");

    private LocalDate firstDate;
    private String startTime = "18:00";
    private Integer minutes = 90;
    private Integer intervalWeeks = 1;
    private LocalDate lastDate;
    private Integer count;

    /**
     * The form for a group's rule from {@code from} on: its time, length and rhythm, ending on the rule's
     * last meeting.
     */
    static GroupMeetingsForm from(GroupRecurrence rule, LocalDate from) {
        GroupMeetingsForm form = new GroupMeetingsForm();
        form.firstDate = from;
        form.startTime = HOURS.format(rule.startTime());
        form.minutes = (int) rule.duration().toMinutes();
        form.intervalWeeks = rule.intervalWeeks();
        List<Occurrence> all = rule.occurrences();
        form.lastDate = rule.lastDate() != null
                ? rule.lastDate()
                : all.isEmpty() ? null : all.get(all.size() - 1).date();
        return form;
    }

    /** The rule the form describes, or null when its date, time or length is missing. */
    GroupRecurrence toRecurrence() {
        if (firstDate == null || startTime == null || minutes == null) {
            return null;
        }
        GroupRecurrence rule = GroupRecurrence.weekly(
                        firstDate, LocalTime.parse(startTime), Duration.ofMinutes(minutes), ClinicTime.zone())
                .everyWeeks(intervalWeeks == null ? 1 : intervalWeeks);
        if (lastDate != null) {
            rule = rule.until(lastDate);
        }
        if (count != null) {
            rule = rule.times(count);
        }
        return rule;
    }

    public LocalDate getFirstDate() {
        return firstDate;
    }

    public void setFirstDate(LocalDate firstDate) {
        this.firstDate = firstDate;
    }

    public String getStartTime() {
        return startTime;
    }

    public void setStartTime(String startTime) {
        this.startTime = startTime;
    }

    public Integer getMinutes() {
        return minutes;
    }

    public void setMinutes(Integer minutes) {
        this.minutes = minutes;
    }

    public Integer getIntervalWeeks() {
        return intervalWeeks;
    }

    public void setIntervalWeeks(Integer intervalWeeks) {
        this.intervalWeeks = intervalWeeks;
    }

    public LocalDate getLastDate() {
        return lastDate;
    }

    public void setLastDate(LocalDate lastDate) {
        this.lastDate = lastDate;
    }

    public Integer getCount() {
        return count;
    }

    public void setCount(Integer count) {
        this.count = count;
    }
}
