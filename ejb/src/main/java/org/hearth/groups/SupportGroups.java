package org.hearth.groups;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.hearth.audit.AuditAction;
import org.hearth.audit.AuditEvent;
import org.hearth.calendar.Times;
import org.hearth.security.Refused;
import org.hearth.security.Role;
import org.hearth.staff.StaffMember;
import org.hearth.time.ClinicTime;

/**
 * Reading support groups: the groups the caller works with, one group with its sessions and seats, a day's group
 * sessions, and a family's places in groups with the meetings ahead. Defining and changing groups is
 * {@link GroupDefinitions}, enrollment {@link GroupEnrollments}, attendance {@link GroupAttendance}.
 */
@Stateless
@RolesAllowed({Role.Names.FRONT_DESK, Role.Names.COUNSELOR, Role.Names.SUPERVISOR})
public class SupportGroups extends GroupService {

    /** How many group meetings ahead a family's record lists. */
    static final int MEETINGS_AHEAD = 12;

    /**
     * A group with its sessions and seats (no family's data is shown): the front desk, its facilitators, and the
     * counselors and supervisors of its program; another program's group is refused as one that does not exist.
     * Audited.
     */
    public SupportGroupView read(long groupId) {
        SupportGroup group = group(groupId);
        if (!context.isCallerInRole(Role.Names.FRONT_DESK)
                && !facilitates(group)
                && !access.caller().worksIn(group.getProgram().getId())) {
            throw new Refused("a group is read by the front desk and the staff of its program");
        }
        audit.record(AuditEvent.allowed(AuditAction.READ_GROUP, "SupportGroup", group.getId()));
        return view(group);
    }

    /**
     * The groups the caller works with, by name: all for the front desk, their programs' for a supervisor,
     * the ones they facilitate for a counselor. Four queries whatever the number of groups.
     */
    public List<GroupSummary> list() {
        StringBuilder jpql = new StringBuilder("select distinct g from SupportGroup g join fetch g.program"
                + " join fetch g.room left join fetch g.facilitators");
        StaffMember me = access.caller().staff().orElse(null);
        boolean frontDesk = context.isCallerInRole(Role.Names.FRONT_DESK);
        if (!frontDesk) {
            if (me == null) {
                return List.of();
            }
            jpql.append(
                    " where exists (select f.id from SupportGroup g2 join g2.facilitators f where g2 = g and f = :me)");
            if (context.isCallerInRole(Role.Names.SUPERVISOR)) {
                jpql.append(" or g.program in (select p from StaffMember s join s.programs p where s = :me)");
            }
        }
        var query = em.createQuery(jpql.toString(), SupportGroup.class);
        if (!frontDesk) {
            query.setParameter("me", me);
        }
        List<SupportGroup> found = query.getResultList();
        if (found.isEmpty()) {
            return List.of();
        }
        Map<Long, Long> seats = counts(found, EnrollmentStatus.HOLDING_SEAT);
        Map<Long, Long> waiting = counts(found, List.of(EnrollmentStatus.WAITLISTED));
        Map<Long, Instant> next = new HashMap<>();
        for (Object[] row : em.createQuery(
                        "select s.group.id, min(s.startsAt) from GroupSession s where s.group in :groups"
                                + " and s.status = :scheduled and s.startsAt > :now group by s.group.id",
                        Object[].class)
                .setParameter("groups", found)
                .setParameter("scheduled", GroupSessionStatus.SCHEDULED)
                .setParameter("now", clock.now())
                .getResultList()) {
            next.put((Long) row[0], (Instant) row[1]);
        }
        return found.stream()
                .sorted(Comparator.comparing(SupportGroup::getName).thenComparing(SupportGroup::getId))
                .map(g -> new GroupSummary(
                        g.getId(),
                        g.getName(),
                        g.getKind(),
                        g.getLanguage(),
                        g.getProgram().getName(),
                        g.getRoom().getName(),
                        g.getFacilitators().stream()
                                .map(StaffMember::getDisplayName)
                                .collect(Collectors.joining(", ")),
                        g.getCapacity(),
                        seats.getOrDefault(g.getId(), 0L),
                        waiting.getOrDefault(g.getId(), 0L),
                        next.containsKey(g.getId())
                                ? Times.date(next.get(g.getId())) + " " + Times.time(next.get(g.getId()))
                                : null))
                .toList();
    }

    /**
     * A family's places in groups (enrolled, offered, waiting) with each group's next meeting, and the next
     * {@value #MEETINGS_AHEAD} group meetings of its members who hold a seat. For the front desk, the
     * family's counselors and its program's supervisors; audited on the family.
     */
    public FamilyGroups groupsOf(long familyId) {
        access.requireScheduleRead(familyId);
        Instant now = clock.now();
        List<Enrollment> places = em.createQuery(
                        "select e from Enrollment e join fetch e.group join fetch e.member"
                                + " where e.member.family.id = :family and e.status in :active"
                                + " order by e.group.name, e.member.position",
                        Enrollment.class)
                .setParameter("family", familyId)
                .setParameter("active", EnrollmentStatus.ACTIVE)
                .getResultList();
        List<FamilyGroups.Meeting> ahead = new ArrayList<>();
        Map<Long, GroupSession> next = new HashMap<>();
        if (!places.isEmpty()) {
            Set<Long> groupIds = places.stream().map(e -> e.getGroup().getId()).collect(Collectors.toSet());
            for (GroupSession s : em.createQuery(
                            "select s from GroupSession s where s.group.id in :groups and s.status = :scheduled"
                                    + " and s.startsAt > :now and s.startsAt = (select min(o.startsAt)"
                                    + " from GroupSession o where o.group = s.group and o.status = :scheduled"
                                    + " and o.startsAt > :now)",
                            GroupSession.class)
                    .setParameter("groups", groupIds)
                    .setParameter("scheduled", GroupSessionStatus.SCHEDULED)
                    .setParameter("now", now)
                    .getResultList()) {
                next.put(s.getGroup().getId(), s);
            }
            Map<Long, List<String>> seated = new HashMap<>();
            for (Enrollment e : places) {
                if (EnrollmentStatus.HOLDING_SEAT.contains(e.getStatus())) {
                    seated.computeIfAbsent(e.getGroup().getId(), g -> new ArrayList<>())
                            .add(e.getMember().getFullName());
                }
            }
            if (!seated.isEmpty()) {
                for (GroupSession s : em.createQuery(
                                "select s from GroupSession s join fetch s.group join fetch s.room"
                                        + " where s.group.id in :groups and s.endsAt > :now order by s.startsAt",
                                GroupSession.class)
                        .setParameter("groups", seated.keySet())
                        .setParameter("now", now)
                        .setMaxResults(MEETINGS_AHEAD)
                        .getResultList()) {
                    ahead.add(new FamilyGroups.Meeting(
                            s.getId(),
                            s.getGroup().getId(),
                            s.getGroup().getName(),
                            s.getStartsAt().atZone(ClinicTime.zone()).toLocalDate(),
                            Times.time(s.getStartsAt()),
                            Times.time(s.getEndsAt()),
                            s.getRoom().getName(),
                            s.getStatus(),
                            seated.get(s.getGroup().getId())));
                }
            }
        }
        List<FamilyGroups.Place> placeViews = places.stream()
                .map(e -> {
                    GroupSession coming = next.get(e.getGroup().getId());
                    return new FamilyGroups.Place(
                            e.getId(),
                            e.getGroup().getId(),
                            e.getGroup().getName(),
                            e.getMember().getId(),
                            e.getMember().getFullName(),
                            e.getStatus(),
                            e.getPosition(),
                            coming == null
                                    ? null
                                    : coming.getStartsAt()
                                            .atZone(ClinicTime.zone())
                                            .toLocalDate(),
                            coming == null ? null : Times.time(coming.getStartsAt()));
                })
                .toList();
        audit.record(AuditEvent.allowedOnFamily(AuditAction.READ_FAMILY_GROUPS, "Family", familyId, familyId));
        return new FamilyGroups(placeViews, ahead);
    }

    /** The groups' sessions of one local day, by time, cancelled ones included (no member data). */
    public List<GroupSessionView> day(@NotNull LocalDate date) {
        return em.createQuery(
                        "select s from GroupSession s join fetch s.group join fetch s.room left join fetch s.substitute"
                                + " where s.startsAt >= :start and s.startsAt < :end order by s.startsAt, s.id",
                        GroupSession.class)
                .setParameter("start", date.atStartOfDay(ClinicTime.zone()).toInstant())
                .setParameter(
                        "end", date.plusDays(1).atStartOfDay(ClinicTime.zone()).toInstant())
                .getResultStream()
                .map(GroupSessionView::of)
                .toList();
    }

    /**
     * How many members answered each meeting's reminder ("I'll be there", "I can't come") for its current time, by
     * session id; meetings nobody answered are left out. Counts only, no member data, as {@link #day} shows: for the
     * day view's group rows (the roster names who).
     */
    public Map<Long, MeetingAnswerCount> answerCounts(@NotNull List<Long> sessionIds) {
        if (sessionIds.isEmpty()) {
            return Map.of();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select s.id, count(*) filter (where a.answer = 'CONFIRMED'),"
                        + " count(*) filter (where a.answer = 'CANT_COME') from group_session s"
                        + " join meeting_answer a on a.group_id = s.group_id and a.starts_at = s.starts_at"
                        + " where s.id in (:ids) group by s.id")
                .setParameter("ids", sessionIds)
                .getResultList();
        Map<Long, MeetingAnswerCount> counts = new HashMap<>();
        for (Object[] row : rows) {
            counts.put(
                    ((Number) row[0]).longValue(),
                    new MeetingAnswerCount(((Number) row[1]).longValue(), ((Number) row[2]).longValue()));
        }
        return counts;
    }

    /** One session of a group (no member data): anyone with a role may see when and where a group meets. */
    public GroupSessionView readSession(long sessionId) {
        return GroupSessionView.of(session(sessionId));
    }

    private Map<Long, Long> counts(List<SupportGroup> groups, Collection<EnrollmentStatus> statuses) {
        Map<Long, Long> counts = new HashMap<>();
        for (Object[] row : em.createQuery(
                        "select e.group.id, count(e) from Enrollment e where e.group in :groups and e.status in :statuses"
                                + " group by e.group.id",
                        Object[].class)
                .setParameter("groups", groups)
                .setParameter("statuses", statuses)
                .getResultList()) {
            counts.put((Long) row[0], (Long) row[1]);
        }
        return counts;
    }
}
