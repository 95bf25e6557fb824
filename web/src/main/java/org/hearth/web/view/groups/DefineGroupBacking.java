package org.hearth.web.view.groups;

import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.stream.Collectors;
import org.hearth.appointments.Appointments;
import org.hearth.appointments.BookingChoices;
import org.hearth.calendar.RoomChoice;
import org.hearth.family.FamilyRegistry;
import org.hearth.family.FamilyRegistry.ProgramChoice;
import org.hearth.groups.GroupDefinitions;
import org.hearth.groups.GroupKind;
import org.hearth.groups.GroupSeries;
import org.hearth.groups.NewSupportGroup;
import org.hearth.groups.SkippedOccurrence;
import org.hearth.web.view.Confirmations;
import org.hearth.web.view.Failures;
import org.hearth.web.view.schedule.QuarterHours;

/**
 * groups/define.xhtml: a new support group and when it meets (weekly or every few weeks, until a date or
 * for a number of meetings). Every meeting becomes its own session; meetings that fall on a closure or
 * clash are skipped and named on the group's page.
 */
@Named
@ViewScoped
public class DefineGroupBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private GroupDefinitions groupDefinitions;

    @EJB
    private Appointments appointments;

    @EJB
    private FamilyRegistry registry;

    private String name;
    private GroupKind kind = GroupKind.CRAFT_SKILLS;
    private String language = "en";
    private Long programId;
    private Long roomId;
    private Integer capacity = 10;
    private boolean openEnrollment = true;
    private List<String> facilitatorUsernames = new ArrayList<>();
    private final GroupMeetingsForm meetings = new GroupMeetingsForm();

    private List<ProgramChoice> programs;
    private List<RoomChoice> rooms;
    private List<BookingChoices.Counselor> counselors;

    public String define() {
        try {
            GroupSeries series = groupDefinitions.define(new NewSupportGroup(
                    name,
                    kind,
                    language,
                    programId,
                    roomId,
                    capacity,
                    openEnrollment,
                    facilitatorUsernames,
                    meetings.toRecurrence()));
            Confirmations.showAfterRedirect(
                    "groups.define.done",
                    series.group().name(),
                    Integer.toString(series.sessionsCreated()),
                    Integer.toString(series.skipped().size()));
            FacesContext faces = FacesContext.getCurrentInstance();
            ResourceBundle validation = Failures.validationMessages(faces);
            for (SkippedOccurrence skipped : series.skipped()) {
                Confirmations.showAfterRedirect(
                        "groups.define.skipped",
                        skipped.date().toString(),
                        skipped.reasons().stream().map(r -> r.text(validation)).collect(Collectors.joining(" ")));
            }
            return "/groups/group.xhtml?faces-redirect=true&id="
                    + series.group().id();
        } catch (RuntimeException e) {
            Failures.show(e, "define-form", Map.of());
            return null;
        }
    }

    public GroupMeetingsForm getMeetings() {
        return meetings;
    }

    public List<ProgramChoice> getPrograms() {
        if (programs == null) {
            programs = registry.programsForRegistration();
        }
        return programs;
    }

    public List<RoomChoice> getRooms() {
        if (rooms == null) {
            rooms = appointments.rooms();
        }
        return rooms;
    }

    public List<BookingChoices.Counselor> getCounselors() {
        if (counselors == null) {
            counselors = appointments.counselors();
        }
        return counselors;
    }

    public GroupKind[] getKinds() {
        return GroupKind.values();
    }

    public List<String> getTimes() {
        return QuarterHours.all();
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public GroupKind getKind() {
        return kind;
    }

    public void setKind(GroupKind kind) {
        this.kind = kind;
    }

    public String getLanguage() {
        return language;
    }

    public void setLanguage(String language) {
        this.language = language;
    }

    public Long getProgramId() {
        return programId;
    }

    public void setProgramId(Long programId) {
        this.programId = programId;
    }

    public Long getRoomId() {
        return roomId;
    }

    public void setRoomId(Long roomId) {
        this.roomId = roomId;
    }

    public Integer getCapacity() {
        return capacity;
    }

    public void setCapacity(Integer capacity) {
        this.capacity = capacity;
    }

    public boolean isOpenEnrollment() {
        return openEnrollment;
    }

    public void setOpenEnrollment(boolean openEnrollment) {
        this.openEnrollment = openEnrollment;
    }

    public List<String> getFacilitatorUsernames() {
        return facilitatorUsernames;
    }

    public void setFacilitatorUsernames(List<String> facilitatorUsernames) {
        this.facilitatorUsernames =
                facilitatorUsernames == null ? new ArrayList<>() : new ArrayList<>(facilitatorUsernames);
    }
}
