package org.hearth.web.view.calendar;

import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.ResourceBundle;
import org.hearth.appointments.Appointments;
import org.hearth.appointments.BookingChoices;
import org.hearth.appointments.CalendarEntry;
import org.hearth.calendar.RoomChoice;
import org.hearth.time.ClinicClock;
import org.hearth.time.ClinicTime;
import org.hearth.web.security.CurrentStaff;
import org.primefaces.model.DefaultScheduleEvent;
import org.primefaces.model.LazyScheduleModel;
import org.primefaces.model.ScheduleModel;

/**
 * calendar/week.xhtml: a week (or day) of sessions for one counselor, one room, or the whole clinic. A
 * counselor starts on their own week ("My week"); the front desk and supervisors on the whole clinic.
 * Sessions the viewer may not name show as "Booked".
 */
@Named
@ViewScoped
public class WeekBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private Appointments appointments;

    @Inject
    private CurrentStaff currentStaff;

    private String counselorUsername;
    private LocalDate date;
    private Long roomId;
    private boolean initialised;

    private final ScheduleModel model = new LazyScheduleModel() {
        private static final long serialVersionUID = 1L;

        @Override
        public void loadEvents(LocalDateTime start, LocalDateTime end) {
            ResourceBundle i18n = bundle();
            for (CalendarEntry entry : appointments.calendar(
                    start.toLocalDate(), end.toLocalDate().plusDays(1), counselorUsername, roomId)) {
                String where = entry.telehealth() ? i18n.getString("schedule.book.telehealth") : entry.roomName();
                String who = entry.groupName() != null
                        ? entry.groupName()
                        : entry.familyName() != null ? entry.familyName() : i18n.getString("calendar.week.booked");
                String title = who + " · " + entry.counselorName() + " · " + where;
                addEvent(DefaultScheduleEvent.builder()
                        .id((entry.groupName() != null ? "group-" : "session-") + entry.id())
                        .title(title)
                        .description(
                                entry.kind() == null
                                        ? i18n.getString("groups.index.title")
                                        : i18n.getString("AppointmentKind." + entry.kind()))
                        .startDate(entry.start())
                        .endDate(entry.end())
                        .styleClass(
                                entry.groupName() != null
                                        ? "session-group"
                                        : entry.named() ? "session-named" : "session-busy")
                        .url(url(entry))
                        .editable(false)
                        .build());
            }
        }
    };

    private static String url(CalendarEntry entry) {
        String root = FacesContext.getCurrentInstance().getExternalContext().getRequestContextPath();
        if (entry.groupName() != null) {
            return root + "/groups/roster.xhtml?session=" + entry.id();
        }
        return entry.familyId() == null ? null : root + "/families/record.xhtml?id=" + entry.familyId();
    }

    public ScheduleModel getModel() {
        initialise();
        return model;
    }

    private void initialise() {
        if (!initialised) {
            initialised = true;
            if (currentStaff.hasRole("counselor") && !currentStaff.hasRole("front-desk")) {
                counselorUsername = FacesContext.getCurrentInstance()
                        .getExternalContext()
                        .getUserPrincipal()
                        .getName();
            }
        }
    }

    public List<BookingChoices.Counselor> getCounselors() {
        return appointments.counselors();
    }

    public List<RoomChoice> getRooms() {
        return appointments.rooms();
    }

    /** Choosing a counselor shows their week across rooms. */
    public void counselorChosen() {
        roomId = null;
    }

    /** Choosing a room shows its week across counselors. */
    public void roomChosen() {
        counselorUsername = null;
    }

    /** The day the calendar opens on ({@code ?date=yyyy-mm-dd}); today when not given. */
    public LocalDate getDate() {
        return date == null ? ClinicClock.current().today() : date;
    }

    public void setDate(LocalDate date) {
        this.date = date;
    }

    public String getTimeZone() {
        return ClinicTime.zone().getId();
    }

    public String getCounselorUsername() {
        initialise();
        return counselorUsername;
    }

    public void setCounselorUsername(String counselorUsername) {
        this.counselorUsername = counselorUsername == null || counselorUsername.isBlank() ? null : counselorUsername;
    }

    public Long getRoomId() {
        return roomId;
    }

    public void setRoomId(Long roomId) {
        this.roomId = roomId;
    }

    private static ResourceBundle bundle() {
        FacesContext faces = FacesContext.getCurrentInstance();
        return faces.getApplication().getResourceBundle(faces, "i18n");
    }
}
