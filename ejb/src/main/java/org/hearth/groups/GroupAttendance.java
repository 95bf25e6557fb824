package org.hearth.groups;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.hearth.audit.AuditAction;
import org.hearth.audit.AuditEvent;
import org.hearth.calendar.ScheduleRefusal;
import org.hearth.calendar.Times;
import org.hearth.family.FamilyMember;
import org.hearth.security.Conflict;
import org.hearth.security.Invalid;
import org.hearth.security.Refused;
import org.hearth.security.Role;
import org.hearth.time.ClinicTime;

/**
 * Rosters and attendance: who is expected at a group session, how each member attended (recorded by the front
 * desk or those leading the session), and a family's attendance for its record.
 */
@Stateless
@RolesAllowed({Role.Names.FRONT_DESK, Role.Names.COUNSELOR, Role.Names.SUPERVISOR})
public class GroupAttendance extends GroupService {

    @Inject
    MeetingAnswers meetingAnswers;

    /**
     * Who is expected at a session (members enrolled in the group) and anyone already marked for it, with
     * their marks, by name. Front desk, those leading the session or facilitating the group, supervisors of
     * the program. Audited with the members listed. Carries the version of the session's attendance.
     */
    public Roster roster(long sessionId) {
        GroupSession session = session(sessionId);
        if (!context.isCallerInRole(Role.Names.FRONT_DESK)
                && !leads(session)
                && !supervisesProgram(session.getGroup().getProgram())) {
            throw new Refused(
                    "a session's roster is for the front desk, those who lead it and its program's supervisors");
        }
        List<RosterEntry> roster = rosterOf(session);
        audit.record(AuditEvent.listed(
                AuditAction.READ_GROUP_ROSTER,
                "FamilyMember",
                roster.stream().map(RosterEntry::memberId).toList()));
        return new Roster(session.getVersion(), roster);
    }

    /**
     * The members' answers to the session's reminders ("I'll be there", "I can't come" by a link) for its current
     * time, by member id: shown on its roster, so the facilitator knows who said they cannot come (and can mark them
     * excused on the day). Whom the roster is for, as {@link #roster}.
     */
    public Map<Long, MeetingAnswers.Answered> answers(long sessionId) {
        GroupSession session = session(sessionId);
        if (!context.isCallerInRole(Role.Names.FRONT_DESK)
                && !leads(session)
                && !supervisesProgram(session.getGroup().getProgram())) {
            throw new Refused(
                    "a session's roster is for the front desk, those who lead it and its program's supervisors");
        }
        return meetingAnswers.answersFor(session);
    }

    /**
     * Records how each member listed attended a session that has started; a member marked before gets the new
     * mark, members not listed keep theirs. Only members on the roster can be marked (400 naming the others).
     * Front desk, or those leading the session or facilitating the group. Audited on each family concerned.
     * The session's attendance is one record: refused (409, "attendance") unless {@code version} is the
     * roster's version read; each save moves it on.
     */
    @RolesAllowed({Role.Names.FRONT_DESK, Role.Names.COUNSELOR})
    public Roster recordAttendance(
            long sessionId,
            @NotNull(message = "{group.attendance.required}") List<@NotNull @Valid AttendanceEntry> marks,
            Long version) {
        GroupSession session = lockedSession(sessionId);
        if (!context.isCallerInRole(Role.Names.FRONT_DESK) && !leads(session)) {
            throw new Refused("attendance is recorded by the front desk or those who lead the session");
        }
        Conflict.requireVersion(version, session.getVersion(), "attendance");
        if (session.getStatus() != GroupSessionStatus.SCHEDULED) {
            throw new Conflict(Conflict.Subject.LOCKED, "the session is cancelled; nobody attended it");
        }
        Instant now = clock.now();
        if (now.isBefore(session.getStartsAt())) {
            throw new Invalid(
                    Invalid.Subject.BOOKING,
                    ScheduleRefusal.reasons(List.of(ScheduleRefusal.of("schedule.notStarted"))));
        }
        Map<Long, FamilyMember> onRoster = new HashMap<>();
        enrollmentsOf(session.getGroup()).stream()
                .filter(e -> e.getStatus() == EnrollmentStatus.ENROLLED)
                .forEach(e -> onRoster.put(e.getMember().getId(), e.getMember()));
        Map<Long, Attendance> recorded = new HashMap<>();
        for (Attendance attendance : attendanceAt(session)) {
            recorded.put(attendance.getMember().getId(), attendance);
            onRoster.put(attendance.getMember().getId(), attendance.getMember());
        }
        List<ScheduleRefusal> refusals = marks.stream()
                .map(AttendanceEntry::memberId)
                .filter(id -> !onRoster.containsKey(id))
                .distinct()
                .map(id -> ScheduleRefusal.of("group.attendance.notOnRoster", Long.toString(id)))
                .toList();
        if (!refusals.isEmpty()) {
            throw new Invalid(Invalid.Subject.ATTENDANCE, ScheduleRefusal.reasons(refusals));
        }
        Set<Long> families = new TreeSet<>();
        for (AttendanceEntry entry : marks) {
            FamilyMember member = onRoster.get(entry.memberId());
            Attendance attendance = recorded.get(member.getId());
            if (attendance == null) {
                attendance = new Attendance(session, member, entry.mark(), callerName(), now);
                em.persist(attendance);
                recorded.put(member.getId(), attendance);
            } else {
                attendance.record(entry.mark(), callerName(), now);
            }
            families.add(member.getFamily().getId());
        }
        em.lock(session, LockModeType.PESSIMISTIC_FORCE_INCREMENT); // the session's attendance moves on
        em.flush();
        for (long familyId : families) {
            audit.record(AuditEvent.allowedOnFamily(
                    AuditAction.RECORD_GROUP_ATTENDANCE, "GroupSession", session.getId(), familyId));
        }
        return new Roster(session.getVersion(), rosterOf(session));
    }

    /**
     * A family's attendance at group sessions, newest first, for its record: the front desk, the family's
     * counselors, its program's supervisors. Audited on the family.
     */
    public List<GroupAttendanceView> attendanceOf(long familyId) {
        access.requireScheduleRead(familyId);
        List<GroupAttendanceView> views = em
                .createQuery(
                        "select a from Attendance a join fetch a.session join fetch a.member"
                                + " where a.member.family.id = :family"
                                + " order by a.session.startsAt desc, a.member.position",
                        Attendance.class)
                .setParameter("family", familyId)
                .getResultList()
                .stream()
                .map(a -> new GroupAttendanceView(
                        a.getSession().getId(),
                        a.getSession().getGroup().getId(),
                        a.getSession().getGroup().getName(),
                        a.getSession().getStartsAt().atZone(ClinicTime.zone()).toLocalDate(),
                        Times.time(a.getSession().getStartsAt()),
                        a.getMember().getId(),
                        a.getMember().getFullName(),
                        a.getMark()))
                .toList();
        audit.record(AuditEvent.allowedOnFamily(AuditAction.READ_GROUP_ATTENDANCE, "Family", familyId, familyId));
        return views;
    }
}
