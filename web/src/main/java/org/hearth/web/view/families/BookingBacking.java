package org.hearth.web.view.families;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hearth.appointments.AppointmentKind;
import org.hearth.appointments.AppointmentView;
import org.hearth.appointments.Appointments;
import org.hearth.appointments.BookingChoices;
import org.hearth.appointments.NewAppointment;
import org.hearth.time.ClinicClock;
import org.hearth.web.view.Confirmations;
import org.hearth.web.view.Failures;
import org.hearth.web.view.schedule.QuarterHours;

/**
 * families/book-session.xhtml?id=: books a family session. Times are chosen from the quarter hours of a
 * clinic day, lengths from the usual ones, so nothing has to be typed but the date; the service checks
 * hours, closures and clashes and names what is wrong.
 */
@Named
@ViewScoped
public class BookingBacking implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final List<Integer> LENGTHS = List.of(30, 45, 50, 60, 75, 90, 120);

    @EJB
    private Appointments appointments;

    private Long id;
    private BookingChoices choices;
    private AppointmentKind kind = AppointmentKind.FAMILY_THERAPY;
    private List<Long> memberIds = new ArrayList<>();
    private String counselorUsername;
    private Long roomId;
    private boolean telehealth;
    private LocalDate date;
    private String time;
    private Integer minutes = 60;

    public void load() {
        try {
            choices = appointments.bookingChoices(id);
        } catch (RuntimeException e) {
            Failures.answerLoad(e);
            return;
        }
        memberIds = new ArrayList<>(choices.members().stream()
                .filter(BookingChoices.Member::participates)
                .map(BookingChoices.Member::id)
                .toList());
        counselorUsername = choices.counselors().stream()
                .map(BookingChoices.Counselor::username)
                .filter(u -> u.equals(choices.primaryCounselorUsername()))
                .findFirst()
                .orElse(
                        choices.counselors().isEmpty()
                                ? null
                                : choices.counselors().get(0).username());
        roomId = choices.rooms().isEmpty() ? null : choices.rooms().get(0).id();
    }

    /** Books the session and returns to the family's record, or stays with the reasons shown. */
    public String book() {
        try {
            AppointmentView booked = appointments.book(new NewAppointment(
                    id,
                    kind,
                    memberIds,
                    counselorUsername,
                    telehealth ? null : roomId,
                    telehealth,
                    date == null || time == null ? null : date.atTime(LocalTime.parse(time)),
                    minutes));
            Confirmations.showAfterRedirect(
                    "schedule.book.done", booked.familyName(), booked.date().toString(), booked.startTime());
            return "/families/record.xhtml?faces-redirect=true&tab=schedule&id=" + id;
        } catch (RuntimeException e) {
            Failures.show(e, "booking-form", Map.of("start", "date"));
            return null;
        }
    }

    public List<String> getTimes() {
        return QuarterHours.all();
    }

    public List<Integer> getLengths() {
        return LENGTHS;
    }

    public AppointmentKind[] getKinds() {
        return AppointmentKind.values();
    }

    public LocalDate getToday() {
        return ClinicClock.current().today();
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public BookingChoices getChoices() {
        return choices;
    }

    public AppointmentKind getKind() {
        return kind;
    }

    public void setKind(AppointmentKind kind) {
        this.kind = kind;
    }

    public List<Long> getMemberIds() {
        return memberIds;
    }

    public void setMemberIds(List<Long> memberIds) {
        this.memberIds = memberIds == null ? new ArrayList<>() : new ArrayList<>(memberIds);
    }

    public String getCounselorUsername() {
        return counselorUsername;
    }

    public void setCounselorUsername(String counselorUsername) {
        this.counselorUsername = counselorUsername;
    }

    public Long getRoomId() {
        return roomId;
    }

    public void setRoomId(Long roomId) {
        this.roomId = roomId;
    }

    public boolean isTelehealth() {
        return telehealth;
    }

    public void setTelehealth(boolean telehealth) {
        this.telehealth = telehealth;
    }

    public LocalDate getDate() {
        return date;
    }

    public void setDate(LocalDate date) {
        this.date = date;
    }

    public String getTime() {
        return time;
    }

    public void setTime(String time) {
        this.time = time;
    }

    public Integer getMinutes() {
        return minutes;
    }

    public void setMinutes(Integer minutes) {
        this.minutes = minutes;
    }
}
