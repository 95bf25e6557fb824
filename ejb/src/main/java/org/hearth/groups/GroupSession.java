package org.hearth.groups;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.hearth.calendar.Room;
import org.hearth.calendar.TimeSlot;
import org.hearth.staff.StaffMember;

/**
 * One meeting of a support group, created from one occurrence of its recurrence ({@code occursOn} is the
 * date the rule gave it, kept when the session is moved). It can be cancelled, moved or led by a substitute
 * on its own; any of these marks it as edited, and a later change of the group's rule leaves it as it is.
 * A substitute leads the session in place of the group's facilitators.
 */
@Entity
@Table(name = "group_session")
public class GroupSession {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "group_id")
    private SupportGroup group;

    @Column(name = "occurs_on", nullable = false, updatable = false)
    private LocalDate occursOn;

    @Column(name = "starts_at", nullable = false)
    private Instant startsAt;

    @Column(name = "ends_at", nullable = false)
    private Instant endsAt;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "room_id")
    private Room room;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private GroupSessionStatus status = GroupSessionStatus.SCHEDULED;

    @Column(nullable = false)
    private boolean edited;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "substitute_id")
    private StaffMember substitute;

    @Column(name = "cancel_reason")
    private String cancelReason;

    @Version
    private long version;

    protected GroupSession() {}

    GroupSession(SupportGroup group, Occurrence occurrence) {
        this.group = group;
        this.occursOn = occurrence.date();
        this.startsAt = occurrence.start();
        this.endsAt = occurrence.end();
        this.room = group.getRoom();
    }

    void cancel(String reason) {
        this.status = GroupSessionStatus.CANCELLED;
        this.cancelReason = reason;
        this.edited = true;
    }

    void moveTo(Room room, Instant startsAt, Instant endsAt) {
        this.room = room;
        this.startsAt = startsAt;
        this.endsAt = endsAt;
        this.edited = true;
    }

    void ledBy(StaffMember substitute) {
        this.substitute = substitute;
        this.edited = true;
    }

    /** Who leads this session: the substitute when there is one, else the group's facilitators. */
    public List<StaffMember> getLeaders() {
        return substitute != null ? List.of(substitute) : group.getFacilitators();
    }

    /** Whether the staff member leads this session, or facilitates its group. */
    public boolean isLedBy(String username) {
        return group.isFacilitatedBy(username)
                || (substitute != null && substitute.getUsername().equals(username));
    }

    public TimeSlot slot() {
        return new TimeSlot(startsAt, endsAt);
    }

    public Long getId() {
        return id;
    }

    public SupportGroup getGroup() {
        return group;
    }

    public LocalDate getOccursOn() {
        return occursOn;
    }

    public Instant getStartsAt() {
        return startsAt;
    }

    public Instant getEndsAt() {
        return endsAt;
    }

    public Room getRoom() {
        return room;
    }

    public GroupSessionStatus getStatus() {
        return status;
    }

    public boolean isEdited() {
        return edited;
    }

    public StaffMember getSubstitute() {
        return substitute;
    }

    public String getCancelReason() {
        return cancelReason;
    }

    public long getVersion() {
        return version;
    }
}
