package org.hearth.web.view.schedule;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hearth.appointments.AppointmentStatus;
import org.hearth.appointments.AppointmentView;
import org.hearth.appointments.Appointments;
import org.hearth.appointments.ReminderAnswers;
import org.hearth.groups.GroupSessionView;
import org.hearth.groups.MeetingAnswerCount;
import org.hearth.groups.SupportGroups;
import org.hearth.time.ClinicClock;
import org.hearth.web.view.Confirmations;
import org.hearth.web.view.Failures;

/** schedule/today.xhtml: the front desk's day, by time, with check-in and the end of each session. */
@Named
@ViewScoped
public class TodayBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private Appointments appointments;

    @EJB
    private SupportGroups groups;

    private LocalDate day;
    private DayDataModel sessions;
    private List<GroupSessionView> groupSessions = List.of();
    /** The answers to the day's meetings' reminders, by session id. */
    private Map<Long, MeetingAnswerCount> groupAnswers = Map.of();

    public void load() {
        if (day == null) {
            day = ClinicClock.current().today();
        }
        refresh();
    }

    public void checkIn(AppointmentView session) {
        act(() -> appointments.checkIn(session.id(), session.version()), "schedule.today.checkedIn", session);
    }

    public void complete(AppointmentView session) {
        act(() -> appointments.complete(session.id(), session.version()), "schedule.today.completed", session);
    }

    public void noShow(AppointmentView session) {
        act(() -> appointments.noShow(session.id(), session.version()), "schedule.today.noShow", session);
    }

    private void act(Runnable action, String confirmation, AppointmentView session) {
        try {
            action.run();
            Confirmations.show(confirmation, session.familyName(), session.startTime());
        } catch (RuntimeException e) {
            Failures.show(e, "today-form", Map.of());
        }
        refresh();
    }

    private void refresh() {
        sessions = new DayDataModel(appointments, day);
        groupSessions = groups.day(day);
        groupAnswers = groupSessions.isEmpty()
                ? Map.of()
                : new HashMap<>(groups.answerCounts(
                        groupSessions.stream().map(GroupSessionView::id).toList()));
    }

    /** The groups meeting that day, by time. */
    public List<GroupSessionView> getGroupSessions() {
        return groupSessions;
    }

    public boolean isToday() {
        return day.equals(ClinicClock.current().today());
    }

    public void previousDay() {
        day = day.minusDays(1);
        refresh();
    }

    public void nextDay() {
        day = day.plusDays(1);
        refresh();
    }

    public LocalDate getDay() {
        return day;
    }

    public void setDay(LocalDate day) {
        this.day = day;
    }

    /** How many sessions the day has, all pages together. */
    public int getSessionCount() {
        return sessions.count(Map.of());
    }

    /** How many members answered the meeting's reminder, or null when none did. */
    public MeetingAnswerCount answersOf(GroupSessionView meeting) {
        return groupAnswers.get(meeting.id());
    }

    /** Whether the session was cancelled by the family's own answer to a reminder, by its link. */
    public boolean cancelledByLink(AppointmentView session) {
        return session.status() == AppointmentStatus.CANCELLED_BY_FAMILY
                && ReminderAnswers.CANCELLED_BY_LINK.equals(session.cancelReason());
    }

    public DayDataModel getSessions() {
        return sessions;
    }
}
