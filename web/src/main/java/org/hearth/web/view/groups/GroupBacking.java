package org.hearth.web.view.groups;

import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import org.hearth.appointments.Appointments;
import org.hearth.appointments.BookingChoices;
import org.hearth.calendar.RoomChoice;
import org.hearth.feeds.CalendarFeeds;
import org.hearth.groups.EnrollmentView;
import org.hearth.groups.GroupDefinitions;
import org.hearth.groups.GroupEnrollments;
import org.hearth.groups.GroupSessionView;
import org.hearth.groups.SupportGroupView;
import org.hearth.groups.SupportGroups;
import org.hearth.web.security.CurrentStaff;
import org.hearth.web.security.OidcSettings;
import org.hearth.web.view.Confirmations;
import org.hearth.web.view.Failures;
import org.hearth.web.view.schedule.QuarterHours;

/**
 * groups/group.xhtml?id=: one group: its sessions (cancel, move or hand one to a substitute; open its
 * roster), members and waitlist, and the group's calendar feed.
 */
@Named
@ViewScoped
public class GroupBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private SupportGroups groups;

    @EJB
    private GroupDefinitions groupDefinitions;

    @EJB
    private GroupEnrollments groupEnrollments;

    @EJB
    private Appointments appointments;

    @EJB
    private CalendarFeeds feeds;

    @Inject
    private CurrentStaff currentStaff;

    private Long id;
    private SupportGroupView group;
    private List<EnrollmentView> enrollments = List.of();
    private boolean membersVisible;
    private String cancelReason;
    private GroupSessionView changing;
    private boolean meetingStale;
    private LocalDate moveDate;
    private String moveTime;
    private Long moveRoomId;
    private String substituteUsername;
    private List<RoomChoice> rooms;
    private List<BookingChoices.Counselor> counselors;
    private String feedAddress;
    private CalendarFeeds.FeedState feed;

    public void load() {
        try {
            group = groups.read(id);
        } catch (RuntimeException e) {
            Failures.answerLoad(e);
            return;
        }
        try {
            enrollments = groupEnrollments.enrollments(id);
            membersVisible = true;
        } catch (RuntimeException notForThisRole) {
            membersVisible = false;
        }
    }

    public void cancelSession() {
        try {
            groupDefinitions.cancelSession(changing.id(), cancelReason, changing.version());
            Confirmations.show("groups.session.cancelled", changing.date().toString());
            changing = null;
            group = groups.read(id);
        } catch (RuntimeException e) {
            Failures.show(e, "change-form", Map.of());
            meetingStale = Failures.isStale(e);
        }
    }

    /** Opens "Change this meeting" (move, substitute, cancel) with the meeting's own date, time and room. */
    public void startChanging(GroupSessionView session) {
        changing = session;
        moveDate = session.date();
        moveTime = session.startTime();
        moveRoomId = session.roomId();
        substituteUsername = session.substituteUsername();
        cancelReason = null;
        meetingStale = false;
    }

    /**
     * "Load the latest" after a stale change of a meeting: the meeting as it is now (its time, room and version)
     * and the group's sessions are read again; what the person chose in the dialog stays.
     */
    public void loadLatestMeeting() {
        changing = groups.readSession(changing.id());
        group = groups.read(id);
        meetingStale = false;
        Confirmations.show("groups.session.reloaded");
    }

    /** Whether the last change of the meeting was refused because someone else changed it meanwhile. */
    public boolean isMeetingStale() {
        return meetingStale;
    }

    public void move() {
        try {
            LocalDateTime start =
                    moveDate == null || moveTime == null ? null : LocalDateTime.of(moveDate, LocalTime.parse(moveTime));
            GroupSessionView moved = groupDefinitions.moveSession(changing.id(), start, moveRoomId, changing.version());
            Confirmations.show(
                    "groups.session.moved",
                    changing.date().toString(),
                    moved.date() + " " + moved.startTime(),
                    moved.roomName());
            changing = null;
            group = groups.read(id);
        } catch (RuntimeException e) {
            Failures.show(e, "change-form", Map.of("newLocalStart", "move-date"));
            meetingStale = Failures.isStale(e);
        }
    }

    public void giveToSubstitute() {
        try {
            groupDefinitions.substitute(changing.id(), substituteUsername, changing.version());
            Confirmations.show(
                    "groups.session.substituted", changing.date().toString(), counselorName(substituteUsername));
            changing = null;
            group = groups.read(id);
        } catch (RuntimeException e) {
            Failures.show(e, "change-form", Map.of("counselorUsername", "substitute"));
            meetingStale = Failures.isStale(e);
        }
    }

    /** Whether the signed-in user keeps this group's calendar feed: front desk, facilitators, program supervisors. */
    public boolean isFeedKeeper() {
        return group != null
                && (currentStaff.hasRole("front-desk")
                        || (currentStaff.hasRole("counselor")
                                && group.facilitatorUsernames()
                                        .contains(currentStaff.getProfile().username()))
                        || (currentStaff.hasRole("supervisor")
                                && currentStaff.getPrograms().contains(group.programName())));
    }

    public Instant getFeedLiveSince() {
        if (feed == null) {
            feed = feeds.groupFeed(id);
        }
        return feed.liveSince();
    }

    /** A new address from the feed's version shown; when someone else changed the feed meanwhile, its latest state. */
    public void makeFeedAddress() {
        try {
            getFeedLiveSince();
            String secret = feeds.newGroupAddress(id, feed.version());
            HttpServletRequest request = (HttpServletRequest)
                    FacesContext.getCurrentInstance().getExternalContext().getRequest();
            feedAddress = OidcSettings.baseUrl(request) + "feeds/" + secret + ".ics";
            Confirmations.show("calendar.made");
        } catch (RuntimeException e) {
            Failures.show(e, "feed-form", Map.of());
            feedAddress = null;
        }
        feed = feeds.groupFeed(id);
    }

    public void stopFeed() {
        try {
            getFeedLiveSince();
            feeds.revokeGroup(id, feed.version());
            feedAddress = null;
            Confirmations.show("calendar.stopped");
        } catch (RuntimeException e) {
            Failures.show(e, "feed-form", Map.of());
        }
        feed = feeds.groupFeed(id);
    }

    /** The address just made; null once the page is left (only its hash is kept). */
    public String getFeedAddress() {
        return feedAddress;
    }

    public List<String> getTimes() {
        return QuarterHours.all();
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

    /** The counselor's name, for "led by" in the sessions list. */
    public String counselorName(String username) {
        return getCounselors().stream()
                .filter(c -> c.username().equals(username))
                .map(BookingChoices.Counselor::displayName)
                .findFirst()
                .orElse(username);
    }

    public void leave(EnrollmentView enrollment) {
        try {
            var change = groupEnrollments.leave(enrollment.id(), enrollment.version());
            Confirmations.show("groups.member.left", enrollment.memberName());
            if (change.offered() != null) {
                Confirmations.show("groups.member.offered", change.offered().memberName());
            }
            reload();
        } catch (RuntimeException e) {
            Failures.show(e, "members-form", Map.of());
            if (Failures.isStale(e)) {
                reload(); // the members as they are now, to act on again
            }
        }
    }

    public void accept(EnrollmentView enrollment) {
        try {
            groupEnrollments.acceptOffer(enrollment.id(), enrollment.version());
            Confirmations.show("groups.member.accepted", enrollment.memberName());
            reload();
        } catch (RuntimeException e) {
            Failures.show(e, "members-form", Map.of());
            if (Failures.isStale(e)) {
                reload(); // the members as they are now, to act on again
            }
        }
    }

    private void reload() {
        group = groups.read(id);
        enrollments = groupEnrollments.enrollments(id);
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public SupportGroupView getGroup() {
        return group;
    }

    public List<EnrollmentView> getEnrollments() {
        return enrollments;
    }

    public boolean isMembersVisible() {
        return membersVisible;
    }

    public GroupSessionView getChanging() {
        return changing;
    }

    public LocalDate getMoveDate() {
        return moveDate;
    }

    public void setMoveDate(LocalDate moveDate) {
        this.moveDate = moveDate;
    }

    public String getMoveTime() {
        return moveTime;
    }

    public void setMoveTime(String moveTime) {
        this.moveTime = moveTime;
    }

    public Long getMoveRoomId() {
        return moveRoomId;
    }

    public void setMoveRoomId(Long moveRoomId) {
        this.moveRoomId = moveRoomId;
    }

    public String getSubstituteUsername() {
        return substituteUsername;
    }

    public void setSubstituteUsername(String substituteUsername) {
        this.substituteUsername = substituteUsername;
    }

    public String getCancelReason() {
        return cancelReason;
    }

    public void setCancelReason(String cancelReason) {
        this.cancelReason = cancelReason;
    }
}
