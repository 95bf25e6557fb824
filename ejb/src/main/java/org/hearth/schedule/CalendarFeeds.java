package org.hearth.schedule;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.hearth.audit.AuditAction;
import org.hearth.audit.AuditEvent;
import org.hearth.audit.AuditOutcome;
import org.hearth.audit.AuditTrail;
import org.hearth.staff.Role;
import org.hearth.staff.StaffMember;
import org.hearth.staff.StaffMembers;

/**
 * A counselor's sessions as an iCalendar feed at a secret address, for the calendar on their phone. The
 * feed names no family and no clinical detail (DESIGN.md section 7: nothing clinical through side doors),
 * only "Family session", the room and the time. Only the secret's hash is stored; a new address revokes the
 * old one, and the owner can revoke it outright.
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

    @EJB
    private AuditTrail audit;

    private final Clock clock = Clock.systemUTC();

    /** Makes a new secret address for the caller's feed (revoking any earlier one) and returns its secret. */
    @RolesAllowed(Role.Names.COUNSELOR)
    public String newAddress() {
        StaffMember me = me();
        Instant now = Instant.now(clock);
        live(me).ifPresent(feed -> feed.revoke(now));
        em.flush();
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        em.persist(new CalendarFeed(me, hash(secret), now));
        audit.record(AuditEvent.allowed(AuditAction.CREATE_CALENDAR_FEED, "StaffMember", me.getId()));
        return secret;
    }

    /** Revokes the caller's feed: its address answers 404 from now on. */
    @RolesAllowed(Role.Names.COUNSELOR)
    public void revoke() {
        StaffMember me = me();
        live(me).ifPresent(feed -> {
            feed.revoke(Instant.now(clock));
            audit.record(AuditEvent.allowed(AuditAction.REVOKE_CALENDAR_FEED, "StaffMember", me.getId()));
        });
    }

    /** When the caller's live feed was made, if they have one. */
    @RolesAllowed(Role.Names.COUNSELOR)
    public Optional<Instant> liveSince() {
        return live(me()).map(CalendarFeed::getCreatedAt);
    }

    /**
     * The feed behind a secret address: the owner's sessions from 30 days ago to 180 days ahead, cancelled
     * ones marked so calendars drop them. Empty when the secret is unknown or revoked. Audited as a read
     * of the owner's schedule.
     */
    @PermitAll
    public Optional<String> render(String secret) {
        if (secret == null || secret.isBlank() || secret.length() > 100) {
            return Optional.empty();
        }
        List<CalendarFeed> feeds = em.createQuery(
                        "select f from CalendarFeed f join fetch f.owner where f.secretHash = :hash"
                                + " and f.revokedAt is null",
                        CalendarFeed.class)
                .setParameter("hash", hash(secret))
                .getResultList();
        if (feeds.isEmpty()) {
            return Optional.empty();
        }
        StaffMember owner = feeds.get(0).getOwner();
        Instant now = Instant.now(clock);
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
        List<Long> ids = sessions.stream().map(Appointment::getId).toList();
        String listed = "feed listed " + ids.size() + ": " + ids;
        audit.record(new AuditEvent(
                AuditAction.READ_CALENDAR_FEED,
                "StaffMember",
                owner.getId().toString(),
                null,
                AuditOutcome.ALLOWED,
                listed.length() > 1000 ? listed.substring(0, 997) + "..." : listed));
        return Optional.of(calendar.text());
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
        return new StaffMembers(em)
                .byUsername(context.getCallerPrincipal().getName())
                .orElseThrow(() -> new IllegalStateException("no staff record for the caller"));
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
