package org.hearth.groups;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hearth.appointments.Appointments;
import org.hearth.audit.AuditAction;
import org.hearth.audit.AuditEvent;
import org.hearth.calendar.BookingRules;
import org.hearth.calendar.Room;
import org.hearth.calendar.ScheduleRefusal;
import org.hearth.calendar.TakenTimes;
import org.hearth.calendar.TimeSlot;
import org.hearth.security.Conflict;
import org.hearth.security.Invalid;
import org.hearth.security.Role;
import org.hearth.staff.Program;
import org.hearth.staff.StaffMember;
import org.hearth.time.ClinicTime;

/**
 * Defining support groups and changing their meetings (DESIGN.md sections 3 and 4): the front desk and the
 * program's supervisors define a group, give it a new rule, and cancel, move or hand over one of its sessions.
 * Every occurrence of a group's rule becomes its own session, checked like a family session: the clinic's rules
 * (closures, opening hours, not in the past) and clashes of the room, of each facilitator and of each member
 * seated in the group with family sessions and other group sessions, after their rows are locked (staff by id,
 * then the room, then the members by id, as {@link Appointments} does; see {@link MemberTimes}). An occurrence
 * that cannot be held is not created and is listed with its reasons; the group keeps the others.
 */
@Stateless
@RolesAllowed({Role.Names.FRONT_DESK, Role.Names.COUNSELOR, Role.Names.SUPERVISOR})
public class GroupDefinitions extends GroupService {

    /**
     * Defines a group and creates a session for each occurrence of its rule that the clinic's rules allow
     * and that clashes with nothing (a new group has no members yet: its room and facilitators); the others
     * are listed, each with its reasons. Front desk, or a
     * supervisor of the group's program; the facilitators are counselors of that program. Audited.
     */
    @RolesAllowed({Role.Names.FRONT_DESK, Role.Names.SUPERVISOR})
    public GroupSeries define(@NotNull @Valid NewSupportGroup definition) {
        Program program = em.find(Program.class, definition.programId());
        if (program == null) {
            throw Invalid.written(Invalid.Subject.FAMILY_CHANGE, "There is no program " + definition.programId() + ".");
        }
        if (program.isClosed()) {
            throw new Invalid(
                    Invalid.Subject.STAFF_CHANGE, Invalid.Reason.of(null, "program.closed", program.getName()));
        }
        requireDefinesFor(program);
        Room room = roomOf(definition.roomId());
        Set<StaffMember> facilitators = new LinkedHashSet<>();
        for (String username : new LinkedHashSet<>(definition.facilitatorUsernames())) {
            facilitators.add(counselorOf(program, username));
        }
        GroupRecurrence rule = definition.recurrence();
        SupportGroup group = new SupportGroup(
                definition.name().trim(),
                definition.kind(),
                definition.language(),
                program,
                room,
                definition.capacity(),
                definition.openEnrollment(),
                rule,
                facilitators,
                callerName(),
                clock.now());
        em.persist(group);
        lock(group.getFacilitators(), room);
        List<Long> members = memberTimes().lockSeated(group);
        List<SkippedOccurrence> skipped = new ArrayList<>();
        int created = materialize(group, rule.occurrences(), members, skipped);
        em.flush();
        audit.record(AuditEvent.allowed(AuditAction.DEFINE_GROUP, "SupportGroup", group.getId()));
        return new GroupSeries(view(group), created, 0, skipped);
    }

    /**
     * Gives the group a new rule from the rule's first date on ("from 5 January, Wednesdays at 6 pm"). Only
     * future sessions on or after that date that nobody has touched (not moved, cancelled or given a
     * substitute, no attendance) follow it: those the new rule no longer yields are removed, and its new
     * occurrences are created, checked as when the group was defined and against the family sessions and other
     * groups' meetings of the members seated in it (the ones that cannot be held are listed, each clash named). Sessions before that date, past and edited sessions stay as they are. Front desk, or a
     * supervisor of the program.
     */
    @RolesAllowed({Role.Names.FRONT_DESK, Role.Names.SUPERVISOR})
    public GroupSeries changeRule(
            long groupId, @NotNull(message = "{group.recurrence.required}") @Valid GroupRecurrence rule, Long version) {
        SupportGroup group = lockedGroup(groupId);
        requireDefinesFor(group.getProgram());
        Conflict.requireVersion(version, group.getVersion(), "group");
        lock(group.getFacilitators(), group.getRoom());
        List<Long> members = memberTimes().lockSeated(group);
        Instant now = clock.now();
        Set<Long> attended = new HashSet<>(em.createQuery(
                        "select distinct a.session.id from Attendance a where a.session.group = :group", Long.class)
                .setParameter("group", group)
                .getResultList());
        Map<LocalDate, Occurrence> wanted = new LinkedHashMap<>();
        for (Occurrence occurrence : rule.occurrences()) {
            if (occurrence.start().isAfter(now)) {
                wanted.put(occurrence.date(), occurrence);
            }
        }
        Set<LocalDate> held = new HashSet<>();
        int removed = 0;
        for (GroupSession session : sessionsOf(group)) {
            boolean untouched = !session.isEdited()
                    && session.getStatus() == GroupSessionStatus.SCHEDULED
                    && session.getStartsAt().isAfter(now)
                    && !session.getOccursOn().isBefore(rule.firstDate())
                    && !attended.contains(session.getId());
            Occurrence same = wanted.get(session.getOccursOn());
            if (untouched
                    && (same == null
                            || !same.start().equals(session.getStartsAt())
                            || !same.end().equals(session.getEndsAt()))) {
                meetingReminders.withdrawMeeting(group, session.getStartsAt(), "the group's meetings changed");
                em.remove(session);
                removed++;
            } else {
                held.add(session.getOccursOn());
            }
        }
        em.flush();
        group.changeRule(rule);
        List<Occurrence> added =
                wanted.values().stream().filter(o -> !held.contains(o.date())).toList();
        List<SkippedOccurrence> skipped = new ArrayList<>();
        int created = materialize(group, added, members, skipped);
        em.flush();
        audit.record(AuditEvent.allowed(AuditAction.CHANGE_GROUP_RULE, "SupportGroup", group.getId()));
        return new GroupSeries(view(group), created, removed, skipped);
    }

    /** Cancels one future session of a group, with a reason; the others stay. Front desk or program supervisor. */
    @RolesAllowed({Role.Names.FRONT_DESK, Role.Names.SUPERVISOR})
    public GroupSessionView cancelSession(
            long sessionId,
            @NotBlank(message = "{group.session.cancel.reason.required}")
                    @Size(max = 500, message = "{group.session.cancel.reason.length}")
                    String reason,
            Long version) {
        GroupSession session = changeableSession(sessionId, version);
        session.cancel(reason.trim());
        meetingReminders.withdrawMeeting(session.getGroup(), session.getStartsAt(), "the meeting was cancelled");
        return sessionChanged(session, AuditAction.CANCEL_GROUP_SESSION);
    }

    /**
     * Moves one future session to another local start (same length) and, when {@code roomId} is given, another
     * room; checked as a family session is: 400 for a clinic rule, 409 naming each clash of the room, of those
     * leading it or of a member seated in the group ("Ana Ruiz has a family session on ..."). The group's row is
     * locked first, so no member is seated meanwhile unchecked. Front desk or program supervisor.
     */
    @RolesAllowed({Role.Names.FRONT_DESK, Role.Names.SUPERVISOR})
    public GroupSessionView moveSession(
            long sessionId,
            @NotNull(message = "{group.session.start.required}") LocalDateTime newLocalStart,
            Long roomId,
            Long version) {
        GroupSession session = changeableSession(sessionId, version);
        Room room = roomId == null ? session.getRoom() : roomOf(roomId);
        Duration length = session.slot().duration();
        Instant start = checkRules(newLocalStart, (int) length.toMinutes());
        TimeSlot slot = TimeSlot.of(start, length);
        List<StaffMember> leaders = byId(session.getLeaders());
        MemberTimes memberTimes = memberTimes();
        memberTimes.lockGroup(session.getGroup());
        lock(leaders, room);
        List<Long> members = memberTimes.lockSeated(session.getGroup());
        List<ScheduleRefusal> clashes = memberTimes
                .taken(leaders, room, members, slot.start(), slot.end(), session.getId())
                .clashesWith(slot);
        if (!clashes.isEmpty()) {
            throw new Conflict(Conflict.Subject.CLASH, ScheduleRefusal.reasons(clashes));
        }
        Instant oldStart = session.getStartsAt();
        session.moveTo(room, slot.start(), slot.end());
        if (!oldStart.equals(slot.start())) {
            meetingReminders.withdrawMeeting(session.getGroup(), oldStart, "the meeting was moved");
            em.flush();
            meetingReminders.planMeeting(session);
        }
        return sessionChanged(session, AuditAction.MOVE_GROUP_SESSION);
    }

    /**
     * One future session is led by another counselor of the group's program in place of its facilitators;
     * 409 when they are busy then. Front desk or program supervisor.
     */
    @RolesAllowed({Role.Names.FRONT_DESK, Role.Names.SUPERVISOR})
    public GroupSessionView substitute(
            long sessionId, @NotBlank(message = "{group.substitute.required}") String counselorUsername, Long version) {
        GroupSession session = changeableSession(sessionId, version);
        StaffMember substitute = counselorOf(session.getGroup().getProgram(), counselorUsername);
        lock(List.of(substitute), null);
        List<ScheduleRefusal> clashes = takenTimes(
                        List.of(substitute), null, session.getStartsAt(), session.getEndsAt(), session.getId())
                .clashesWith(session.slot());
        if (!clashes.isEmpty()) {
            throw new Conflict(Conflict.Subject.CLASH, ScheduleRefusal.reasons(clashes));
        }
        session.ledBy(substitute);
        return sessionChanged(session, AuditAction.SUBSTITUTE_GROUP_FACILITATOR);
    }

    /**
     * Creates a session for each occurrence that may be held; lists the others in {@code skipped}: a clinic rule
     * broken, or a clash of the room, a facilitator or one of the group's seated {@code members} (their rows
     * locked by the caller, after the staff's and the room's).
     */
    private int materialize(
            SupportGroup group, List<Occurrence> occurrences, List<Long> members, List<SkippedOccurrence> skipped) {
        if (occurrences.isEmpty()) {
            return 0;
        }
        Occurrence first = occurrences.get(0);
        Occurrence last = occurrences.get(occurrences.size() - 1);
        BookingRules rules = rules(first.date(), last.date());
        TakenTimes taken =
                memberTimes().taken(group.getFacilitators(), group.getRoom(), members, first.start(), last.end(), null);
        Instant now = clock.now();
        int created = 0;
        for (Occurrence occurrence : occurrences) {
            LocalDateTime localStart = LocalDateTime.ofInstant(occurrence.start(), ClinicTime.zone());
            int minutes = (int) occurrence.slot().duration().toMinutes();
            List<ScheduleRefusal> reasons = rules.check(localStart, minutes, now);
            if (reasons.isEmpty()) {
                reasons = taken.clashesWith(occurrence.slot());
            }
            if (reasons.isEmpty()) {
                em.persist(new GroupSession(group, occurrence));
                created++;
            } else {
                skipped.add(new SkippedOccurrence(occurrence.date(), reasons));
            }
        }
        return created;
    }

    /** The members' side of the meetings' times: their locks and clashes. */
    private MemberTimes memberTimes() {
        return new MemberTimes(em, timeHolders);
    }
}
