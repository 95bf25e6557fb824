package org.hearth.web.view.admin;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hearth.calendar.ClinicCalendar;
import org.hearth.time.ClinicClock;
import org.hearth.web.view.Confirmations;
import org.hearth.web.view.Failures;

/**
 * admin/clinic.xhtml: the clinic's opening hours for each weekday, the days it is closed, and its rooms.
 * A new closure says how many sessions and group meetings are already booked that day.
 */
@Named
@ViewScoped
public class ClinicCalendarBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private ClinicCalendar clinic;

    private List<Day> week;
    private long hoursVersion;
    /** The hours saved by someone else meanwhile, shown after a stale save beside what the person typed. */
    private ClinicCalendar.Week latest;

    private List<ClinicCalendar.Closure> closures;
    private List<ClinicCalendar.RoomView> rooms;
    private LocalDate closureDate;
    private String closureReason;
    private String roomName;
    private Integer roomCapacity = 8;

    /** One row of the hours form: open or not, and from when to when ("HH:mm"). */
    public static class Day implements Serializable {

        private static final long serialVersionUID = 1L;

        private final DayOfWeek day;
        private boolean open;
        private String opensAt;
        private String closesAt;

        Day(ClinicCalendar.DayHours hours) {
            this.day = hours.day();
            this.open = hours.isOpen();
            this.opensAt = hours.isOpen() ? hours.opensAt().toString() : "09:00";
            this.closesAt = hours.isOpen() ? hours.closesAt().toString() : "17:00";
        }

        ClinicCalendar.DayHours toHours() {
            return open
                    ? new ClinicCalendar.DayHours(day, LocalTime.parse(opensAt), LocalTime.parse(closesAt))
                    : new ClinicCalendar.DayHours(day, null, null);
        }

        public DayOfWeek getDay() {
            return day;
        }

        public boolean isOpen() {
            return open;
        }

        public void setOpen(boolean open) {
            this.open = open;
        }

        public String getOpensAt() {
            return opensAt;
        }

        public void setOpensAt(String opensAt) {
            this.opensAt = opensAt;
        }

        public String getClosesAt() {
            return closesAt;
        }

        public void setClosesAt(String closesAt) {
            this.closesAt = closesAt;
        }
    }

    public void load() {
        showHours(clinic.hours());
        closures = clinic.closures(today());
        rooms = clinic.rooms();
    }

    /**
     * Saves the week from the version shown. When someone else saved the hours meanwhile, nothing is saved, what
     * the person chose stays on the form and the hours saved meanwhile are shown beside it.
     */
    public void saveHours() {
        try {
            showHours(clinic.setHours(week.stream().map(Day::toHours).toList(), hoursVersion));
            Confirmations.show("admin.clinic.hours.saved");
        } catch (RuntimeException e) {
            Failures.show(e, "hours-form", Map.of());
            if (Failures.isStale(e)) {
                latest = clinic.hours();
            }
        }
    }

    /** "Load the latest": the hours as saved now, and their version, replace the form. */
    public void loadLatestHours() {
        showHours(clinic.hours());
        Confirmations.show("admin.clinic.hours.reloaded");
    }

    private void showHours(ClinicCalendar.Week hours) {
        week = new ArrayList<>(hours.days().stream().map(Day::new).toList());
        hoursVersion = hours.version();
        latest = null;
    }

    /** The hours saved meanwhile by someone else, after a stale save; null otherwise. */
    public ClinicCalendar.Week getLatest() {
        return latest;
    }

    public void addClosure() {
        try {
            ClinicCalendar.ClosureAdded added = clinic.addClosure(closureDate, closureReason);
            Confirmations.show(
                    "admin.clinic.closure.added", added.closure().date().toString());
            if (added.sessionsThatDay() + added.groupMeetingsThatDay() > 0) {
                Confirmations.show(
                        "admin.clinic.closure.booked",
                        Long.toString(added.sessionsThatDay()),
                        Long.toString(added.groupMeetingsThatDay()));
            }
            closureDate = null;
            closureReason = null;
            closures = clinic.closures(today());
        } catch (RuntimeException e) {
            Failures.show(e, "closure-form", Map.of("date", "closure-date", "reason", "closure-reason"));
        }
    }

    public void removeClosure(ClinicCalendar.Closure closure) {
        try {
            clinic.removeClosure(closure.id(), closure.version());
            Confirmations.show("admin.clinic.closure.removed", closure.date().toString());
            closures = clinic.closures(today());
        } catch (RuntimeException e) {
            Failures.show(e, "closures-form", Map.of());
            closures = clinic.closures(today()); // the latest, to act on again
        }
    }

    public void addRoom() {
        try {
            ClinicCalendar.RoomView room = clinic.addRoom(roomName, roomCapacity == null ? 0 : roomCapacity);
            Confirmations.show("admin.clinic.room.added", room.name());
            roomName = null;
            rooms = clinic.rooms();
        } catch (RuntimeException e) {
            Failures.show(e, "room-form", Map.of("name", "room-name", "capacity", "room-capacity"));
        }
    }

    public void setInUse(ClinicCalendar.RoomView room, boolean inUse) {
        try {
            clinic.setRoomInUse(room.id(), inUse, room.version());
            Confirmations.show(inUse ? "admin.clinic.room.inUse" : "admin.clinic.room.outOfUse", room.name());
            rooms = clinic.rooms();
        } catch (RuntimeException e) {
            Failures.show(e, "rooms-form", Map.of());
            rooms = clinic.rooms(); // the latest, to act on again
        }
    }

    private static LocalDate today() {
        return ClinicClock.current().today();
    }

    /** Opening and closing times offered: every half hour from 05:00 to 23:30. */
    public List<String> getTimes() {
        List<String> times = new ArrayList<>();
        for (int halfHours = 10; halfHours <= 47; halfHours++) {
            times.add(LocalTime.of(halfHours / 2, halfHours % 2 * 30).toString());
        }
        return times;
    }

    public List<Day> getWeek() {
        return week;
    }

    public List<ClinicCalendar.Closure> getClosures() {
        return closures;
    }

    public List<ClinicCalendar.RoomView> getRooms() {
        return rooms;
    }

    public LocalDate getClosureDate() {
        return closureDate;
    }

    public void setClosureDate(LocalDate closureDate) {
        this.closureDate = closureDate;
    }

    public String getClosureReason() {
        return closureReason;
    }

    public void setClosureReason(String closureReason) {
        this.closureReason = closureReason;
    }

    public String getRoomName() {
        return roomName;
    }

    public void setRoomName(String roomName) {
        this.roomName = roomName;
    }

    public Integer getRoomCapacity() {
        return roomCapacity;
    }

    public void setRoomCapacity(Integer roomCapacity) {
        this.roomCapacity = roomCapacity;
    }
}
