package org.hearth.appointments;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;
import org.hearth.calendar.Room;
import org.hearth.family.Family;
import org.hearth.family.FamilyMember;
import org.hearth.staff.StaffMember;

/**
 * A family session: which family and which of its members, the counselor, a room or telehealth, from
 * when to when, and where it stands. Its status only moves forward (scheduled, checked in, completed;
 * or no-show, or cancelled by the family or the clinic with a reason).
 */
@Entity
@Table(name = "appointment")
public class Appointment {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "family_id")
    private Family family;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private AppointmentKind kind;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "counselor_id")
    private StaffMember counselor;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "room_id")
    private Room room;

    @Column(nullable = false)
    private boolean telehealth;

    @Column(name = "starts_at", nullable = false)
    private Instant startsAt;

    @Column(name = "ends_at", nullable = false)
    private Instant endsAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private AppointmentStatus status = AppointmentStatus.SCHEDULED;

    @Column(name = "cancel_reason")
    private String cancelReason;

    /** When the session was cancelled (by the family or the clinic), so reports can tell a late cancellation. */
    @Column(name = "cancelled_at")
    private Instant cancelledAt;

    @Column(name = "booked_by", nullable = false, updatable = false)
    private String bookedBy;

    @Column(name = "booked_at", nullable = false, updatable = false)
    private Instant bookedAt;

    @Column(name = "checked_in_at")
    private Instant checkedInAt;

    /**
     * Whether the session has a signed note: set by the database as the note is signed (V21), never by the
     * application, so that "held without a signed note" is read through an index. For queries only.
     */
    @Column(name = "note_signed", insertable = false, updatable = false)
    private boolean noteSigned;

    @ManyToMany
    @JoinTable(
            name = "appointment_member",
            joinColumns = @JoinColumn(name = "appointment_id"),
            inverseJoinColumns = @JoinColumn(name = "family_member_id"))
    private Set<FamilyMember> members = new LinkedHashSet<>();

    @Version
    private long version;

    protected Appointment() {}

    Appointment(
            Family family,
            AppointmentKind kind,
            StaffMember counselor,
            Room room,
            Set<FamilyMember> members,
            Instant startsAt,
            Instant endsAt,
            String bookedBy,
            Instant bookedAt) {
        this.family = family;
        this.kind = kind;
        this.counselor = counselor;
        this.room = room;
        this.telehealth = room == null;
        this.members = new LinkedHashSet<>(members);
        this.startsAt = startsAt;
        this.endsAt = endsAt;
        this.bookedBy = bookedBy;
        this.bookedAt = bookedAt;
    }

    void moveTo(Room room, Instant startsAt, Instant endsAt) {
        this.room = room;
        this.telehealth = room == null;
        this.startsAt = startsAt;
        this.endsAt = endsAt;
    }

    void changeStatus(AppointmentStatus next, String cancelReason, Instant at) {
        this.status = next;
        this.cancelReason = cancelReason;
        if (next == AppointmentStatus.CHECKED_IN) {
            this.checkedInAt = at;
        }
        if (next == AppointmentStatus.CANCELLED_BY_FAMILY || next == AppointmentStatus.CANCELLED_BY_CLINIC) {
            this.cancelledAt = at;
        }
    }

    public Long getId() {
        return id;
    }

    public Family getFamily() {
        return family;
    }

    public AppointmentKind getKind() {
        return kind;
    }

    public StaffMember getCounselor() {
        return counselor;
    }

    public Room getRoom() {
        return room;
    }

    public boolean isTelehealth() {
        return telehealth;
    }

    public Instant getStartsAt() {
        return startsAt;
    }

    public Instant getEndsAt() {
        return endsAt;
    }

    public AppointmentStatus getStatus() {
        return status;
    }

    public String getCancelReason() {
        return cancelReason;
    }

    public Instant getCancelledAt() {
        return cancelledAt;
    }

    public String getBookedBy() {
        return bookedBy;
    }

    public Instant getCheckedInAt() {
        return checkedInAt;
    }

    public Set<FamilyMember> getMembers() {
        return members;
    }

    public long getVersion() {
        return version;
    }
}
