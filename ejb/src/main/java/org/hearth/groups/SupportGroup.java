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
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.hearth.calendar.Room;
import org.hearth.staff.Program;
import org.hearth.staff.StaffMember;

/**
 * A recurring support group of a program: its one or two facilitators, its room, how many members it
 * seats, its language, whether members may join once it has started (open enrollment), and when it meets
 * (its recurrence, kept as RFC 5545 text). The recurrence only says when the group would meet: the
 * sessions themselves are {@link GroupSession} rows, created when the group is defined or its rule changed.
 */
@Entity
@Table(name = "support_group")
public class SupportGroup {

    public static final int MAX_CAPACITY = 40;
    public static final int MAX_FACILITATORS = 2;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private GroupKind kind;

    @Column(nullable = false)
    private String language;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "program_id")
    private Program program;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "room_id")
    private Room room;

    @Column(nullable = false)
    private int capacity;

    @Column(name = "open_enrollment", nullable = false)
    private boolean openEnrollment;

    @Column(nullable = false)
    private String recurrence;

    @Column(name = "defined_by", nullable = false, updatable = false)
    private String definedBy;

    @Column(name = "defined_at", nullable = false, updatable = false)
    private Instant definedAt;

    @ManyToMany
    @JoinTable(
            name = "group_facilitator",
            joinColumns = @JoinColumn(name = "group_id"),
            inverseJoinColumns = @JoinColumn(name = "staff_member_id"))
    private Set<StaffMember> facilitators = new LinkedHashSet<>();

    @Version
    private long version;

    protected SupportGroup() {}

    SupportGroup(
            String name,
            GroupKind kind,
            String language,
            Program program,
            Room room,
            int capacity,
            boolean openEnrollment,
            GroupRecurrence recurrence,
            Set<StaffMember> facilitators,
            String definedBy,
            Instant definedAt) {
        if (capacity < 1 || capacity > MAX_CAPACITY) {
            throw new IllegalArgumentException("a group seats 1 to " + MAX_CAPACITY + " members: " + capacity);
        }
        if (facilitators.isEmpty() || facilitators.size() > MAX_FACILITATORS) {
            throw new IllegalArgumentException("a group has one or two facilitators: " + facilitators.size());
        }
        this.name = name;
        this.kind = kind;
        this.language = language;
        this.program = program;
        this.room = room;
        this.capacity = capacity;
        this.openEnrollment = openEnrollment;
        this.recurrence = recurrence.toRfc5545();
        this.facilitators = new LinkedHashSet<>(facilitators);
        this.definedBy = definedBy;
        this.definedAt = definedAt;
    }

    /** A new rule for the sessions still to be created; the sessions themselves are changed by the service. */
    void changeRule(GroupRecurrence rule) {
        this.recurrence = rule.toRfc5545();
    }

    /** Whether the staff member is one of the group's regular facilitators. */
    public boolean isFacilitatedBy(String username) {
        return facilitators.stream().anyMatch(f -> f.getUsername().equals(username));
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public GroupKind getKind() {
        return kind;
    }

    public String getLanguage() {
        return language;
    }

    public Program getProgram() {
        return program;
    }

    public Room getRoom() {
        return room;
    }

    public int getCapacity() {
        return capacity;
    }

    public boolean isOpenEnrollment() {
        return openEnrollment;
    }

    public GroupRecurrence getRecurrence() {
        return GroupRecurrence.parse(recurrence);
    }

    public String getRecurrenceText() {
        return recurrence;
    }

    /** The facilitators, ordered by id (the order their rows are locked in). */
    public List<StaffMember> getFacilitators() {
        return facilitators.stream()
                .sorted(Comparator.comparing(StaffMember::getId))
                .toList();
    }

    public long getVersion() {
        return version;
    }
}
