package org.hearth.access;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.hearth.audit.RequestOrigin;
import org.hearth.staff.StaffMember;
import org.hearth.staff.StaffMembers;
import org.hearth.time.ClinicClock;

/**
 * Who is asking, resolved once per request: the token's subject, the username, the Hearth roles, the staff record
 * and the programs its person works in, and the clinic's today. The staff record is found by the token's subject
 * (see {@link StaffMembers#signedIn}), so an administrator renaming a user cannot hand their record to someone
 * else. Not found (a first request before the sign-in made the record), it is looked up again on the next question.
 *
 * <p>Outside a request (a timer, a test without CDI) the family access policy builds one per call instead.
 */
@RequestScoped
public class Caller {

    @Inject
    private CallerIdentity identity;

    @PersistenceContext
    private EntityManager em;

    @Inject
    private ClinicClock clock;

    private String username;
    private String subject;
    private Set<String> roles;
    private Long staffId;
    private List<Long> programIds = List.of();

    protected Caller() {}

    /** A caller resolved outside a request, for one call. */
    public Caller(CallerIdentity identity, EntityManager em, ClinicClock clock) {
        this.identity = identity;
        this.em = em;
        this.clock = clock;
    }

    /** The username the identity provider gives (shown in the audit trail; never used to find the staff record
     * when the token's subject is known). */
    public String username() {
        resolveIdentity();
        return username;
    }

    /** The token's {@code sub}, or empty outside an HTTP request signed in through the identity provider. */
    public Optional<String> subject() {
        resolveIdentity();
        return Optional.ofNullable(subject);
    }

    public Set<String> roles() {
        resolveIdentity();
        return roles;
    }

    public boolean hasRole(String role) {
        return roles().contains(role);
    }

    /** The id of the caller's staff record, or empty when they have none yet. */
    public Optional<Long> staffId() {
        resolveStaff();
        return Optional.ofNullable(staffId);
    }

    /** The caller's staff record in the current persistence context, or empty when they have none yet. */
    public Optional<StaffMember> staff() {
        return staffId().map(id -> em.find(StaffMember.class, id));
    }

    /** The caller's staff record in the current persistence context; every signed-in caller has one (made at sign-in). */
    public StaffMember staffRecord() {
        return staff().orElseThrow(() -> new IllegalStateException("no staff record for the caller"));
    }

    /** The programs the caller works in (none without a staff record). */
    public List<Long> programIds() {
        resolveStaff();
        return programIds;
    }

    public boolean worksIn(long programId) {
        return programIds().contains(programId);
    }

    /** The clinic's date now (never the JVM's). */
    public LocalDate today() {
        return clock.today();
    }

    public Instant now() {
        return clock.now();
    }

    /**
     * The identity the container holds now. One request is one person in the application, but the identity can
     * change inside a request (a bean run as another identity, a test acting as several people in turn): what was
     * resolved for someone else is then forgotten, never answered for the new identity.
     */
    private void resolveIdentity() {
        String now = identity.username();
        Set<String> rolesNow = identity.roles();
        if (!now.equals(username) || !rolesNow.equals(roles)) {
            username = now;
            roles = rolesNow;
            subject = RequestOrigin.subjectInRequest().orElse(null);
            staffId = null;
            programIds = List.of();
        }
    }

    private void resolveStaff() {
        resolveIdentity();
        if (staffId != null) {
            return;
        }
        StaffMembers staff = new StaffMembers(em);
        // Without a subject (a timer, a call that did not come through the web layer) the username is all there is.
        Optional<StaffMember> found = subject != null ? staff.signedIn(subject, username) : staff.byUsername(username);
        found.ifPresent(member -> {
            // the sign-in query fetches the programs with the record; by username they are read on their own
            programIds = subject != null
                    ? List.copyOf(member.getProgramIds())
                    : List.copyOf(em.createQuery(
                                    "select p.id from StaffMember s join s.programs p where s.id = :staff", Long.class)
                            .setParameter("staff", member.getId())
                            .getResultList());
            staffId = member.getId();
        });
    }
}
