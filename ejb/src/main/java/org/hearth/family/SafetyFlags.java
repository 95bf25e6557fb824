package org.hearth.family;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.Serializable;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.hearth.audit.AuditAction;
import org.hearth.audit.AuditEvent;
import org.hearth.audit.AuditTrail;
import org.hearth.security.Conflict;
import org.hearth.security.Invalid;
import org.hearth.security.NotFound;
import org.hearth.security.Role;
import org.hearth.time.ClinicClock;

/**
 * Whether a family's safety flag stands, and why: the intake's safety screen, or a raise after intake (a member's
 * PHQ-9 item 9 answer above 0) that no counselor has lowered yet. Every page and query that shows the flag reads
 * it here or by {@link #standingJpql}, so a raise shows everywhere the intake's flag does.
 */
@Stateless
@RolesAllowed({Role.Names.COUNSELOR, Role.Names.SUPERVISOR})
public class SafetyFlags {

    /**
     * The flag stands for family {@code f} (an alias of {@code Family} in the enclosing JPQL): the intake's screen is
     * positive or a raise is not lowered.
     */
    public static String standingJpql(String f) {
        return "(exists (select i.familyId from Intake i where i.family = " + f + " and i.safetyFlag = true)"
                + " or exists (select r.id from SafetyFlagRaise r where r.family = " + f + " and r.loweredAt is null))";
    }

    /** A raise that stands, as pages show it ({@code raisedByName}: who raised it, by their display name). */
    public record StandingRaise(
            long id, SafetyScreen.FlagReason reason, String source, Instant raisedAt, long version, String raisedByName)
            implements Serializable {}

    /** The shortest and longest note saying what was checked before a raised flag is lowered. */
    public static final int LOWER_NOTE_MIN = 10;

    public static final int LOWER_NOTE_MAX = 1000;

    @PersistenceContext
    private EntityManager em;

    @Inject
    private FamilyAccessPolicy familyAccess;

    @EJB
    private AuditTrail audit;

    @Inject
    private ClinicClock clock;

    /**
     * Raises the family's flag now, in the caller's transaction (the record that raised it is saved with it).
     * {@code source} says what raised it without clinical content ("PHQ-9 of 2026-12-07"). The caller's service has
     * already checked that the caller may write the family's clinical record; this checks it again.
     */
    public SafetyFlagRaise raise(long familyId, SafetyScreen.FlagReason reason, String source) {
        Family family = familyAccess.family(familyId);
        familyAccess.requireClinicalWrite(family);
        SafetyFlagRaise raise = new SafetyFlagRaise(
                family, reason, source, familyAccess.caller().username(), clock.now());
        em.persist(raise);
        em.flush();
        audit.record(
                AuditEvent.allowedOnFamily(AuditAction.RAISE_SAFETY_FLAG, "SafetyFlagRaise", raise.getId(), familyId));
        return raise;
    }

    /** The raises of the family that stand, oldest first (for a caller who may read its clinical record). */
    public List<StandingRaise> standing(long familyId) {
        Family family = familyAccess.family(familyId);
        familyAccess.requireClinicalRead(family);
        return standingOf(em, family);
    }

    static List<StandingRaise> standingOf(EntityManager em, Family family) {
        return em.createQuery(
                        "select r, s.displayName from SafetyFlagRaise r left join StaffMember s on s.username = r.raisedBy"
                                + " where r.family = :family and r.loweredAt is null order by r.raisedAt, r.id",
                        Object[].class)
                .setParameter("family", family)
                .getResultStream()
                .map(row -> {
                    SafetyFlagRaise r = (SafetyFlagRaise) row[0];
                    return new StandingRaise(
                            r.getId(),
                            r.getReason(),
                            r.getSource(),
                            r.getRaisedAt(),
                            r.getVersion(),
                            row[1] == null ? r.getRaisedBy() : (String) row[1]);
                })
                .toList();
    }

    /**
     * Lowers a raised flag of the family: a counselor of the family, having checked on the member, says what they
     * checked ({@code note}, {@value #LOWER_NOTE_MIN} to {@value #LOWER_NOTE_MAX} characters), with the raise's
     * version as read (409 naming the "safety flag" when someone lowered it meanwhile). A raise of another family,
     * or none, is refused as an id the caller may not touch; the intake's own flag is no raise and is never lowered
     * here (it follows the intake's safety screen). Returns the raises that still stand.
     */
    @RolesAllowed(Role.Names.COUNSELOR)
    public List<StandingRaise> lower(long familyId, long raiseId, String note, Long version) {
        Family family = familyAccess.family(familyId);
        familyAccess.requireClinicalWrite(family);
        SafetyFlagRaise raise = em.find(SafetyFlagRaise.class, raiseId);
        if (raise == null || !raise.getFamily().getId().equals(familyId)) {
            throw new NotFound("safety flag", raiseId);
        }
        String checked = note == null ? "" : note.strip();
        if (checked.length() < LOWER_NOTE_MIN || checked.length() > LOWER_NOTE_MAX) {
            throw new Invalid(
                    Invalid.Subject.SAFETY_PLAN,
                    Invalid.Reason.of(
                            "note", "safetyFlag.lower.note.length", "" + LOWER_NOTE_MIN, "" + LOWER_NOTE_MAX));
        }
        if (version == null || raise.getVersion() != version || !raise.isStanding()) {
            throw Conflict.stale("safety flag");
        }
        raise.lower(familyAccess.caller().username(), clock.now(), checked);
        em.flush();
        audit.record(
                AuditEvent.allowedOnFamily(AuditAction.LOWER_SAFETY_FLAG, "SafetyFlagRaise", raise.getId(), familyId));
        return standingOf(em, family);
    }

    /**
     * Whether the flag stands for the family (the intake's screen or a standing raise); no access check: for a
     * service that has already checked the caller may read the family.
     */
    public boolean standsFor(Family family) {
        Intake intake = em.find(Intake.class, family.getId());
        return (intake != null && intake.isSafetyFlag())
                || !standingOf(em, family).isEmpty();
    }

    /** The reasons the flag stands: the intake screen's, then those of standing raises, each once. */
    static List<SafetyScreen.FlagReason> reasons(List<SafetyScreen.FlagReason> fromIntake, List<StandingRaise> raises) {
        Set<SafetyScreen.FlagReason> all = new LinkedHashSet<>(fromIntake);
        raises.forEach(r -> all.add(r.reason()));
        return List.copyOf(all.isEmpty() ? EnumSet.noneOf(SafetyScreen.FlagReason.class) : all);
    }
}
