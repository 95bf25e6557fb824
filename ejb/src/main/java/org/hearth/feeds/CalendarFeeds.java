package org.hearth.feeds;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.hearth.appointments.Appointment;
import org.hearth.appointments.AppointmentStatus;
import org.hearth.audit.AuditAction;
import org.hearth.audit.AuditEvent;
import org.hearth.audit.AuditOutcome;
import org.hearth.audit.AuditTrail;
import org.hearth.family.FamilyAccessPolicy;
import org.hearth.groups.GroupSession;
import org.hearth.groups.GroupSessionStatus;
import org.hearth.groups.SupportGroup;
import org.hearth.security.Conflict;
import org.hearth.security.NotFound;
import org.hearth.security.Refused;
import org.hearth.security.Role;
import org.hearth.staff.StaffMember;
import org.hearth.time.ClinicClock;

/**
 * Calendar feeds at secret addresses: a counselor's sessions and the group meetings they lead, for the
 * calendar on their phone, and a support group's meetings as one repeating event (its RRULE with EXDATEs
 * and moved meetings, {@link GroupCalendar}). A feed names no family, no group and no clinical detail
 * (DESIGN.md section 7: nothing clinical through side doors), only "Family session" or "Support group", the
 * room and the time. Only the secret's hash is stored; a new address revokes the old one, and the feed can
 * be revoked outright.
 *
 * <p>No lost update: a feed's keeper sees its {@link FeedState}, whose version counts every address made and
 * every revocation of that owner's feed; making a new address or stopping the feed names the version read, so a
 * second keeper acting from the same page cannot silently revoke the address the first has just handed out.
 */
@Stateless
public class CalendarFeeds {

    static final Duration PAST = Duration.ofDays(30);
    static final Duration AHEAD = Duration.ofDays(180);

    private static final SecureRandom RANDOM = new SecureRandom();

    @PersistenceContext
    private EntityManager em;

    @Resource
    private SessionContext context;

    @Inject
    private FamilyAccessPolicy access;

    @EJB
    private AuditTrail audit;

    @Inject
    private ClinicClock clock;

    /** A feed as its keepers see it: when its live address was made (null when none) and the feed's version. */
    public record FeedState(Instant liveSince, long version) implements Serializable {}

    /**
     * Makes a new secret address for the caller's feed (revoking any earlier one) and returns its secret. Refused
     * (409, "calendar feed") unless {@code version} is the feed's version read.
     */
    @RolesAllowed(Role.Names.COUNSELOR)
    public String newAddress(Long version) {
        StaffMember me = em.find(StaffMember.class, me().getId(), LockModeType.PESSIMISTIC_WRITE);
        Conflict.requireVersion(version, versionOf(me), "calendar feed");
        Instant now = clock.now();
        live(me).ifPresent(feed -> feed.revoke(now));
        em.flush();
        String secret = newSecret();
        em.persist(CalendarFeed.of(me, hash(secret), now));
        audit.record(AuditEvent.allowed(AuditAction.CREATE_CALENDAR_FEED, "StaffMember", me.getId()));
        return secret;
    }

    /**
     * Makes a new secret address for a support group's feed (revoking any earlier one) and returns its secret:
     * for the front desk, the group's facilitators and its program's supervisors. Refused (409, "calendar feed")
     * unless {@code version} is the feed's version read.
     */
    @RolesAllowed({Role.Names.FRONT_DESK, Role.Names.COUNSELOR, Role.Names.SUPERVISOR})
    public String newGroupAddress(long groupId, Long version) {
        SupportGroup group = keptGroup(groupId, true);
        Conflict.requireVersion(version, versionOf(group), "calendar feed");
        Instant now = clock.now();
        liveOf(group).ifPresent(feed -> feed.revoke(now));
        em.flush();
        String secret = newSecret();
        em.persist(CalendarFeed.of(
                group, hash(secret), context.getCallerPrincipal().getName(), now));
        audit.record(AuditEvent.allowed(AuditAction.CREATE_CALENDAR_FEED, "SupportGroup", group.getId()));
        return secret;
    }

    /**
     * Revokes a group's feed: its address answers 404 from now on. Same people as {@link #newGroupAddress}; the
     * same version check.
     */
    @RolesAllowed({Role.Names.FRONT_DESK, Role.Names.COUNSELOR, Role.Names.SUPERVISOR})
    public void revokeGroup(long groupId, Long version) {
        SupportGroup group = keptGroup(groupId, true);
        Conflict.requireVersion(version, versionOf(group), "calendar feed");
        liveOf(group).ifPresent(feed -> {
            feed.revoke(clock.now());
            audit.record(AuditEvent.allowed(AuditAction.REVOKE_CALENDAR_FEED, "SupportGroup", group.getId()));
        });
    }

    /** The group's feed: when its live address was made, if it has one, and its version. Same people as {@link #newGroupAddress}. */
    @RolesAllowed({Role.Names.FRONT_DESK, Role.Names.COUNSELOR, Role.Names.SUPERVISOR})
    public FeedState groupFeed(long groupId) {
        return stateOf("f.group = :owner", keptGroup(groupId, false));
    }

    /**
     * Revokes the caller's feed: its address answers 404 from now on. Refused (409, "calendar feed") unless
     * {@code version} is the feed's version read.
     */
    @RolesAllowed(Role.Names.COUNSELOR)
    public void revoke(Long version) {
        StaffMember me = em.find(StaffMember.class, me().getId(), LockModeType.PESSIMISTIC_WRITE);
        Conflict.requireVersion(version, versionOf(me), "calendar feed");
        live(me).ifPresent(feed -> {
            feed.revoke(clock.now());
            audit.record(AuditEvent.allowed(AuditAction.REVOKE_CALENDAR_FEED, "StaffMember", me.getId()));
        });
    }

    /** The caller's feed: when its live address was made, if they have one, and its version. */
    @RolesAllowed(Role.Names.COUNSELOR)
    public FeedState feed() {
        return stateOf("f.owner = :owner", me());
    }

    /**
     * The owner's feed in one query: when its live address was made, and its version - every address made for it
     * and every revocation of one (each revocation moves that feed's own version by one).
     */
    private FeedState stateOf(String owned, Object owner) {
        Object[] row = em.createQuery(
                        "select max(case when f.revokedAt is null then f.createdAt end),"
                                + " count(f) + coalesce(sum(f.version), 0) from CalendarFeed f where " + owned,
                        Object[].class)
                .setParameter("owner", owner)
                .getSingleResult();
        return new FeedState((Instant) row[0], ((Number) row[1]).longValue());
    }

    private long versionOf(StaffMember owner) {
        return stateOf("f.owner = :owner", owner).version();
    }

    private long versionOf(SupportGroup group) {
        return stateOf("f.group = :owner", group).version();
    }

    /**
     * The feed behind a secret address, empty when the secret is unknown or revoked. A counselor's: their
     * sessions and the group meetings they lead from 30 days ago to 180 days ahead, cancelled ones marked so
     * calendars drop them. A group's: its whole series. Audited as a read of the owner's schedule.
     */
    @PermitAll
    public Optional<String> render(String secret) {
        if (secret == null || secret.isBlank() || secret.length() > 100) {
            return Optional.empty();
        }
        List<CalendarFeed> feeds = em.createQuery(
                        "select f from CalendarFeed f left join fetch f.owner left join fetch f.group"
                                + " where f.secretHash = :hash and f.revokedAt is null",
                        CalendarFeed.class)
                .setParameter("hash", hash(secret))
                .getResultList();
        if (feeds.isEmpty()) {
            return Optional.empty();
        }
        CalendarFeed feed = feeds.get(0);
        return Optional.of(feed.getGroup() != null ? groupFeed(feed.getGroup()) : staffFeed(feed.getOwner()));
    }

    private String staffFeed(StaffMember owner) {
        Instant now = clock.now();
        List<Appointment> sessions = em.createQuery(
                        "select a from Appointment a left join fetch a.room where a.counselor = :owner"
                                + " and a.startsAt >= :from and a.startsAt < :to order by a.startsAt",
                        Appointment.class)
                .setParameter("owner", owner)
                .setParameter("from", now.minus(PAST))
                .setParameter("to", now.plus(AHEAD))
                .getResultList();
        IcsCalendar calendar = new IcsCalendar("Hearth");
        for (Appointment session : sessions) {
            calendar.event(
                    "appointment-" + session.getId() + "@hearth",
                    session.getStartsAt(),
                    session.getEndsAt(),
                    "Family session",
                    session.getRoom() == null ? "Telehealth" : session.getRoom().getName(),
                    session.getStatus() == AppointmentStatus.CANCELLED_BY_FAMILY
                            || session.getStatus() == AppointmentStatus.CANCELLED_BY_CLINIC,
                    now);
        }
        List<GroupSession> meetings = em.createQuery(
                        "select s from GroupSession s join fetch s.group join fetch s.room left join fetch s.substitute"
                                + " where s.startsAt >= :from and s.startsAt < :to and (s.substitute = :owner"
                                + " or (s.substitute is null and exists (select f.id from SupportGroup g"
                                + " join g.facilitators f where g = s.group and f = :owner)))"
                                + " order by s.startsAt",
                        GroupSession.class)
                .setParameter("owner", owner)
                .setParameter("from", now.minus(PAST))
                .setParameter("to", now.plus(AHEAD))
                .getResultList();
        for (GroupSession meeting : meetings) {
            calendar.event(
                    "group-session-" + meeting.getId() + "@hearth",
                    meeting.getStartsAt(),
                    meeting.getEndsAt(),
                    GroupCalendar.SUMMARY,
                    meeting.getRoom().getName(),
                    meeting.getStatus() == GroupSessionStatus.CANCELLED,
                    now);
        }
        List<Long> ids = sessions.stream().map(Appointment::getId).toList();
        List<Long> meetingIds = meetings.stream().map(GroupSession::getId).toList();
        String listed = "feed listed " + ids.size() + " sessions " + ids + " and " + meetingIds.size()
                + " group meetings " + meetingIds;
        auditRead("StaffMember", owner.getId(), listed);
        return calendar.text();
    }

    private String groupFeed(SupportGroup group) {
        List<GroupSession> sessions = em.createQuery(
                        "select s from GroupSession s join fetch s.room where s.group = :group order by s.occursOn",
                        GroupSession.class)
                .setParameter("group", group)
                .getResultList();
        IcsCalendar calendar = new IcsCalendar("Hearth support group");
        GroupCalendar.add(
                calendar,
                group.getId(),
                group.getRecurrence(),
                group.getRoom().getName(),
                sessions.stream()
                        .map(s -> new GroupCalendar.Meeting(
                                s.getId(),
                                s.getOccursOn(),
                                s.getStartsAt(),
                                s.getEndsAt(),
                                s.getRoom().getName(),
                                s.getStatus() == GroupSessionStatus.CANCELLED))
                        .toList(),
                clock.now());
        auditRead("SupportGroup", group.getId(), "feed listed the group's " + sessions.size() + " sessions");
        return calendar.text();
    }

    private void auditRead(String entity, Long id, String listed) {
        audit.record(new AuditEvent(
                AuditAction.READ_CALENDAR_FEED,
                entity,
                id.toString(),
                null,
                AuditOutcome.ALLOWED,
                listed.length() > 1000 ? listed.substring(0, 997) + "..." : listed));
    }

    /**
     * The group, for the front desk, its facilitators and its program's supervisors; refused to others. Its row is
     * locked when its feed is to change, so two keepers changing it queue up.
     */
    private SupportGroup keptGroup(long groupId, boolean toChange) {
        SupportGroup group = toChange
                ? em.find(SupportGroup.class, groupId, LockModeType.PESSIMISTIC_WRITE)
                : em.find(SupportGroup.class, groupId);
        if (group == null) {
            throw new NotFound("support group", groupId);
        }
        String caller = context.getCallerPrincipal().getName();
        boolean allowed = context.isCallerInRole(Role.Names.FRONT_DESK)
                || (context.isCallerInRole(Role.Names.COUNSELOR) && group.isFacilitatedBy(caller))
                || (context.isCallerInRole(Role.Names.SUPERVISOR)
                        && access.caller().worksIn(group.getProgram().getId()));
        if (!allowed) {
            throw new Refused(
                    "a group's calendar feed is kept by the front desk, its facilitators and its program's supervisors");
        }
        return group;
    }

    private Optional<CalendarFeed> liveOf(SupportGroup group) {
        return em.createQuery(
                        "select f from CalendarFeed f where f.group = :group and f.revokedAt is null",
                        CalendarFeed.class)
                .setParameter("group", group)
                .getResultStream()
                .findFirst();
    }

    private static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private Optional<CalendarFeed> live(StaffMember owner) {
        return em.createQuery(
                        "select f from CalendarFeed f where f.owner = :owner and f.revokedAt is null",
                        CalendarFeed.class)
                .setParameter("owner", owner)
                .getResultStream()
                .findFirst();
    }

    private StaffMember me() {
        return access.caller().staffRecord();
    }

    static String hash(String secret) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
