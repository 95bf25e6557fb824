package org.hearth.web.view.families;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.hearth.appointments.AppointmentStatus;
import org.hearth.appointments.AppointmentView;
import org.hearth.appointments.Appointments;
import org.hearth.groups.FamilyGroups;
import org.hearth.groups.GroupAttendance;
import org.hearth.groups.GroupAttendanceView;
import org.hearth.groups.GroupEnrollments;
import org.hearth.groups.GroupSummary;
import org.hearth.groups.SupportGroups;
import org.hearth.time.ClinicClock;
import org.hearth.web.security.CurrentStaff;
import org.hearth.web.view.Confirmations;
import org.hearth.web.view.Failures;

/**
 * The family record's Schedule tab: the family's sessions, its members' places in groups, the group meetings
 * ahead and their attendance, and enrolling a member. Each list is read the first time the page shows it
 * (the sessions also for the Overview's "next session").
 */
@Named("recordSchedule")
@ViewScoped
public class RecordScheduleTab implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private Appointments appointments;

    @EJB
    private SupportGroups groups;

    @EJB
    private GroupEnrollments groupEnrollments;

    @EJB
    private GroupAttendance attendance;

    @Inject
    private CurrentStaff currentStaff;

    @Inject
    private RecordBacking record;

    private List<AppointmentView> sessions;
    private List<GroupAttendanceView> groupAttendance;
    private FamilyGroups familyGroups;
    private List<GroupSummary> groupChoices;
    private Long enrollGroupId;
    private Long enrollMemberId;

    /** The family's sessions, newest first. */
    public List<AppointmentView> getSessions() {
        if (sessions == null) {
            sessions = appointments.forFamily(record.getId());
        }
        return sessions;
    }

    /** The family's next scheduled session, or null. */
    public AppointmentView getNextSession() {
        Instant now = ClinicClock.current().now();
        AppointmentView next = null;
        for (AppointmentView session : getSessions()) {
            if (session.status() == AppointmentStatus.SCHEDULED
                    && session.startsAt().isAfter(now)
                    && (next == null || session.startsAt().isBefore(next.startsAt()))) {
                next = session;
            }
        }
        return next;
    }

    /** The signed-in counselor held this session and writes its note. */
    public boolean writesNoteOf(AppointmentView session) {
        return session.status() == AppointmentStatus.COMPLETED
                && currentStaff.hasRole("counselor")
                && session.counselorUsername().equals(currentStaff.getProfile().username());
    }

    /** The members' places in groups and the group meetings ahead. */
    public FamilyGroups getFamilyGroups() {
        if (familyGroups == null) {
            familyGroups = groups.groupsOf(record.getId());
        }
        return familyGroups;
    }

    /** The family's members' attendance at group sessions, newest first. */
    public List<GroupAttendanceView> getGroupAttendance() {
        if (groupAttendance == null) {
            groupAttendance = attendance.attendanceOf(record.getId());
        }
        return groupAttendance;
    }

    /** The groups of the family's program the user may enroll into (front desk: all; a facilitator: theirs). */
    public List<GroupSummary> getGroupChoices() {
        if (groupChoices == null) {
            String program = record.getFamily().program();
            groupChoices = record.mayEnroll()
                    ? groups.list().stream()
                            .filter(g -> g.programName().equals(program))
                            .toList()
                    : List.of();
        }
        return groupChoices;
    }

    /** Enrolls the chosen member in the chosen group: a seat while there is one, otherwise the waitlist. */
    public void enroll() {
        try {
            var enrollment = groupEnrollments.enroll(
                    enrollGroupId == null ? -1 : enrollGroupId, enrollMemberId == null ? -1 : enrollMemberId);
            Confirmations.show(
                    "groups.member.enrolled." + enrollment.status(),
                    enrollment.memberName(),
                    Integer.toString(enrollment.position()));
            groupChoices = null;
            familyGroups = null;
        } catch (RuntimeException e) {
            Failures.show(e, "tabs:enroll-form", Map.of());
        }
    }

    public Long getEnrollGroupId() {
        return enrollGroupId;
    }

    public void setEnrollGroupId(Long enrollGroupId) {
        this.enrollGroupId = enrollGroupId;
    }

    public Long getEnrollMemberId() {
        return enrollMemberId;
    }

    public void setEnrollMemberId(Long enrollMemberId) {
        this.enrollMemberId = enrollMemberId;
    }
}
