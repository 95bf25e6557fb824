package org.hearth.web.view.families;

import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hearth.appointments.AppointmentStatus;
import org.hearth.appointments.AppointmentView;
import org.hearth.appointments.Appointments;
import org.hearth.consent.ConsentView;
import org.hearth.consent.Consents;
import org.hearth.engagement.EpisodeView;
import org.hearth.engagement.Episodes;
import org.hearth.family.CaseAssignments;
import org.hearth.family.CaseAssignments.CounselorChoice;
import org.hearth.family.EmergencyAccesses;
import org.hearth.family.FamilyRecord;
import org.hearth.family.FamilyRecords;
import org.hearth.family.FamilyStatus;
import org.hearth.family.FamilyUpdate;
import org.hearth.family.ReferralSource;
import org.hearth.family.Relationship;
import org.hearth.groups.FamilyGroups;
import org.hearth.groups.GroupAttendance;
import org.hearth.groups.GroupAttendanceView;
import org.hearth.groups.GroupEnrollments;
import org.hearth.groups.GroupSummary;
import org.hearth.groups.SupportGroups;
import org.hearth.notes.FamilyGroupNote;
import org.hearth.notes.GroupNotes;
import org.hearth.notes.NoteSummary;
import org.hearth.notes.NoteText;
import org.hearth.notes.ReadinessPoint;
import org.hearth.notes.SessionNotes;
import org.hearth.security.NotFound;
import org.hearth.security.Refused;
import org.hearth.time.ClinicClock;
import org.hearth.web.security.CurrentStaff;
import org.hearth.web.view.Confirmations;
import org.hearth.web.view.Failures;

/**
 * families/record.xhtml?id=: one family's record. What it shows and offers follows the service's answer
 * (the clinical part is absent for the front desk) and the caller's roles; the services refuse anything
 * outside them anyway.
 */
@Named
@ViewScoped
public class RecordBacking implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final Map<String, String> FIELDS = Map.of("birthOrAgeGiven", "dateOfBirth");

    @EJB
    private FamilyRecords records;

    @EJB
    private CaseAssignments assignments;

    @EJB
    private Appointments appointments;

    @EJB
    private SupportGroups groups;

    @EJB
    private GroupEnrollments groupEnrollments;

    @EJB
    private GroupAttendance attendance;

    @EJB
    private SessionNotes sessionNotes;

    @EJB
    private GroupNotes groupNotes;

    @EJB
    private Episodes episodeService;

    @EJB
    private EmergencyAccesses emergencyAccesses;

    @Inject
    private CurrentStaff currentStaff;

    private boolean emergency;

    @EJB
    private Consents consents;

    private List<ConsentView> activeConsents = List.of();

    /** The family's consents in force today, for the Consents tab. */
    public List<ConsentView> getActiveConsents() {
        return activeConsents;
    }

    private Long id;
    private FamilyRecord family;

    private boolean editing;
    private String familyName;
    private String preferredLanguage;
    private ReferralSource referralSource;
    private String referralNote;
    private List<MemberRow> members = new ArrayList<>();
    private long editedVersion;

    private List<AppointmentView> sessions = List.of();
    private List<NoteSummary> notes = List.of();
    private List<FamilyGroupNote> familyGroupNotes = List.of();
    private List<EpisodeView> episodes = List.of();
    private List<ReadinessPoint> readiness = List.of();
    private String readinessChart;
    private List<GroupAttendanceView> groupAttendance = List.of();
    private FamilyGroups familyGroups = new FamilyGroups(List.of(), List.of());
    private List<GroupSummary> groupChoices;
    private Long enrollGroupId;
    private Long enrollMemberId;

    private String closureReason;
    private List<CounselorChoice> counselors = List.of();
    private String counselorUsername;
    private String assignmentReason;

    /** Loads the family on opening the page; 403 when the caller may not, or it does not exist (the same answer). */
    public void load() {
        if (id == null) {
            Failures.answerLoad(new NotFound("family", 0));
            return;
        }
        try {
            family = records.open(id);
            if (mayAssign()) {
                counselors = assignments.counselorsFor(id);
            }
            sessions = appointments.forFamily(id);
            groupAttendance = attendance.attendanceOf(id);
            familyGroups = groups.groupsOf(id);
            if (isClinical()) {
                notes = sessionNotes.forFamily(id);
                familyGroupNotes = groupNotes.forFamily(id);
                readiness = sessionNotes.readinessOf(id);
                episodes = episodeService.ofFamily(id);
                activeConsents = consents.ofFamily(id).stream()
                        .filter(ConsentView::active)
                        .toList();
            }
            emergency = currentStaff.hasRole("counselor")
                    && emergencyAccesses.mineOpen().stream().anyMatch(a -> a.familyId() == id);
        } catch (RuntimeException e) {
            Throwable cause = Failures.causeOf(e);
            if ((cause instanceof Refused || cause instanceof NotFound) && currentStaff.hasRole("counselor")) {
                // not on the caseload: in an emergency the counselor may open it by saying why (an id of no family
                // is asked the same, so the page does not tell whether the family exists)
                redirectTo("/families/emergency.xhtml?id=" + id);
                return;
            }
            Failures.answerLoad(e);
        }
    }

    private static void redirectTo(String path) {
        var external = FacesContext.getCurrentInstance().getExternalContext();
        try {
            external.redirect(external.getRequestContextPath() + path);
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
    }

    /** The counselor reads this family through an emergency access (read only). */
    public boolean isEmergency() {
        return emergency;
    }

    public void edit() {
        familyName = family.familyName();
        preferredLanguage = family.preferredLanguage();
        referralSource = family.referralSource();
        referralNote = family.referralNote();
        members = new ArrayList<>(
                family.membersAsEntered().stream().map(MemberRow::of).toList());
        editedVersion = family.version();
        editing = true;
    }

    public void addMember() {
        members.add(new MemberRow());
    }

    /** Saves the edited details; on a conflict the user's input stays on the page. */
    public void save() {
        try {
            family = records.update(
                    id,
                    new FamilyUpdate(
                            familyName,
                            preferredLanguage,
                            referralSource,
                            referralNote,
                            members.stream().map(MemberRow::toMember).toList(),
                            editedVersion));
            editing = false;
            Confirmations.show("families.record.saved");
        } catch (RuntimeException e) {
            Failures.show(e, "tabs:details-form", FIELDS);
        }
    }

    public void cancelEdit() {
        editing = false;
    }

    /** Loads the current version while keeping the user's typing, so they can save over it knowingly. */
    public void reloadKeepingInput() {
        family = records.open(id);
        editedVersion = family.version();
        Confirmations.show("families.record.reloaded");
    }

    public void detailsChanged() {
        // editing looks for no duplicates: the family exists already
    }

    public void close() {
        try {
            family = records.close(id, closureReason, family.version());
            closureReason = null;
            Confirmations.show("families.record.closed");
        } catch (RuntimeException e) {
            Failures.show(e, "close-form", Map.of("body", "reason"));
        }
    }

    public void reopen() {
        try {
            family = records.reopen(id, family.version());
            Confirmations.show("families.record.reopened");
        } catch (RuntimeException e) {
            Failures.show(e, "record-actions", Map.of());
        }
    }

    public void assign() {
        try {
            assignments.assignPrimary(id, counselorUsername, assignmentReason);
            family = records.open(id);
            counselorUsername = null;
            assignmentReason = null;
            Confirmations.show("families.record.assigned");
        } catch (RuntimeException e) {
            Failures.show(e, "tabs:assign-form", Map.of("counselorUsername", "counselor"));
        }
    }

    public boolean isClinical() {
        return family != null && family.clinical() != null;
    }

    public boolean isClosed() {
        return family != null && family.status() == FamilyStatus.CLOSED;
    }

    public boolean mayAssign() {
        return currentStaff.hasRole("supervisor")
                && family != null
                && currentStaff.getPrograms().contains(family.program());
    }

    public boolean mayClose() {
        return isClinical() && !isClosed();
    }

    public boolean mayReopen() {
        return isClosed() && mayAssign();
    }

    public boolean mayRecordIntake() {
        return isClinical() && currentStaff.hasRole("counselor") && !isClosed();
    }

    public Relationship[] getRelationships() {
        return Relationship.values();
    }

    public ReferralSource[] getReferralSources() {
        return ReferralSource.values();
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public FamilyRecord getFamily() {
        return family;
    }

    public boolean isEditing() {
        return editing;
    }

    public String getFamilyName() {
        return familyName;
    }

    public void setFamilyName(String familyName) {
        this.familyName = familyName;
    }

    public String getPreferredLanguage() {
        return preferredLanguage;
    }

    public void setPreferredLanguage(String preferredLanguage) {
        this.preferredLanguage = preferredLanguage;
    }

    public ReferralSource getReferralSource() {
        return referralSource;
    }

    public void setReferralSource(ReferralSource referralSource) {
        this.referralSource = referralSource;
    }

    public String getReferralNote() {
        return referralNote;
    }

    public void setReferralNote(String referralNote) {
        this.referralNote = referralNote;
    }

    public List<MemberRow> getMembers() {
        return members;
    }

    public String getClosureReason() {
        return closureReason;
    }

    public void setClosureReason(String closureReason) {
        this.closureReason = closureReason;
    }

    public List<CounselorChoice> getCounselors() {
        return counselors;
    }

    public String getCounselorUsername() {
        return counselorUsername;
    }

    public void setCounselorUsername(String counselorUsername) {
        this.counselorUsername = counselorUsername;
    }

    public String getAssignmentReason() {
        return assignmentReason;
    }

    public void setAssignmentReason(String assignmentReason) {
        this.assignmentReason = assignmentReason;
    }

    /** The family's sessions, newest first (the Schedule tab). */
    /** The family's session notes, newest session first (counselors and supervisors only). */
    public List<NoteSummary> getNotes() {
        return notes;
    }

    /** The loved ones' episodes (counselors and supervisors only). */
    public List<EpisodeView> getEpisodes() {
        return episodes;
    }

    /** A loved one is at high overdose risk, not yet addressed: the banner on the record. */
    public boolean isHighRisk() {
        return episodes.stream().anyMatch(e -> e.highRisk() != null);
    }

    /** The family's members' group notes, as the family may read them (newest first). */
    public List<FamilyGroupNote> getGroupNotes() {
        return familyGroupNotes;
    }

    /** A note's rich text, cleaned again for showing. */
    public String shown(String html) {
        return html == null ? null : NoteText.clean(html);
    }

    /** Each member's readiness rulers in the family's signed notes, by session (clinical readers only). */
    public List<ReadinessPoint> getReadiness() {
        return readiness;
    }

    /** The readiness trend as {@code <p:chart>} draws it, in the page's language; empty when nothing to draw. */
    public String getReadinessChart() {
        if (readinessChart == null) {
            FacesContext faces = FacesContext.getCurrentInstance();
            String chart = ReadinessChart.of(readiness, faces.getApplication().getResourceBundle(faces, "i18n"));
            readinessChart = chart == null ? "" : chart;
        }
        return readinessChart;
    }

    /** The signed-in counselor held this session and writes its note. */
    public boolean writesNoteOf(AppointmentView session) {
        return session.status() == AppointmentStatus.COMPLETED
                && currentStaff.hasRole("counselor")
                && session.counselorUsername().equals(currentStaff.getProfile().username());
    }

    public List<AppointmentView> getSessions() {
        return sessions;
    }

    /** The family's next scheduled session, or null. */
    public AppointmentView getNextSession() {
        Instant now = ClinicClock.current().now();
        AppointmentView next = null;
        for (AppointmentView session : sessions) {
            if (session.status() == AppointmentStatus.SCHEDULED
                    && session.startsAt().isAfter(now)
                    && (next == null || session.startsAt().isBefore(next.startsAt()))) {
                next = session;
            }
        }
        return next;
    }

    /** Booking is for the front desk, and for a counselor with the family on their caseload. */
    public boolean mayBook() {
        return !isClosed()
                && (currentStaff.hasRole("front-desk") || (isClinical() && currentStaff.hasRole("counselor")));
    }

    /** The members' places in groups and the group meetings ahead (the Schedule tab). */
    public FamilyGroups getFamilyGroups() {
        return familyGroups;
    }

    /** The family's members' attendance at group sessions, newest first (the Schedule tab). */
    public List<GroupAttendanceView> getGroupAttendance() {
        return groupAttendance;
    }

    /** The groups of the family's program the user may enroll into (front desk: all; a facilitator: theirs). */
    public List<GroupSummary> getGroupChoices() {
        if (groupChoices == null) {
            groupChoices = groups.list().stream()
                    .filter(g -> g.programName().equals(family.program()))
                    .toList();
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
            familyGroups = groups.groupsOf(id);
        } catch (RuntimeException e) {
            Failures.show(e, "tabs:enroll-form", Map.of());
        }
    }

    public boolean mayEnroll() {
        return !isClosed() && (currentStaff.hasRole("front-desk") || currentStaff.hasRole("counselor"));
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
