package org.hearth.family;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.annotation.Resource;
import jakarta.ejb.EJBAccessException;
import jakarta.ejb.EJBException;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolationException;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.hearth.audit.RequestOrigin;
import org.hearth.notes.SessionNotes;
import org.hearth.security.Invalid;
import org.hearth.security.NotFound;
import org.hearth.security.Refused;
import org.hearth.testing.Deployments;
import org.hearth.testing.HearthStack;
import org.hearth.testing.RunAs;
import org.hearth.testing.Sql;
import org.hearth.testing.TestData;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Break the glass in the real server: a counselor outside the caseload opens a family with a reason, reads
 * it (never writes), every access under it is marked in the audit, the program's supervisor reviews it, and
 * the access ends with the session.
 */
@ExtendWith({HearthStack.class, ArquillianExtension.class})
class EmergencyAccessIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.hearthWith(EmergencyAccessIT.class);
    }

    @Inject
    private EmergencyAccesses emergency;

    @Inject
    private FamilyRecords records;

    @Inject
    private SessionNotes notes;

    @Inject
    private FamilyRegistry registry;

    @Inject
    private CaseAssignments assignments;

    /** The request's origin, as the web layer fills it: here the test plays the browser session's key. */
    @Inject
    private RequestOrigin origin;

    @Resource(lookup = "java:jboss/datasources/HearthDS")
    private DataSource dataSource;

    private String ana;
    private String ben;
    private String supervisor;
    private String otherSupervisor;
    private FamilyContact family;

    @BeforeEach
    void aFamilyOnAnasCaseload() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        TestData data = new TestData(sql());
        long programId = data.program("Emergency " + suffix);
        data.program("Elsewhere " + suffix);
        ana = data.staff("ana-" + suffix, "counselor", "Emergency " + suffix);
        ben = data.staff("ben-" + suffix, "counselor", "Emergency " + suffix);
        supervisor = data.staff("sup-" + suffix, "supervisor", "Emergency " + suffix);
        otherSupervisor = data.staff("other-" + suffix, "supervisor", "Elsewhere " + suffix);
        String desk = data.staff("desk-" + suffix, "front-desk");
        family = RunAs.user(
                desk,
                Set.of("front-desk"),
                () -> registry.register(new NewFamily(
                        "Crisis",
                        programId,
                        "en",
                        ReferralSource.SELF,
                        null,
                        List.of(new NewFamilyMember(
                                "Nia Crisis", null, 50, Relationship.PARENT, null, null, "en", false, false, true)))));
        RunAs.user(supervisor, Set.of("supervisor"), () -> assignments.assignPrimary(family.id(), ana, null));
    }

    @Test
    void aCounselorOpensAFamilyInAnEmergencyReadsItIsMarkedInTheAuditAndIsReviewed() {
        origin.setSessionKey("k1");
        assertThrows(Refused.class, () -> asBen(() -> records.open(family.id())));
        EJBException invalid = assertThrows(
                EJBException.class, () -> asBen(() -> emergency.open(family.caseNumber(), "urgent", "k1")));
        assertThat(invalid.getCause()).isInstanceOf(ConstraintViolationException.class);
        assertThat(((ConstraintViolationException) invalid.getCause()).getConstraintViolations())
                .extracting(v -> v.getMessage())
                .containsExactly("Say why in 10 to 1000 characters.");
        assertThrows(NotFound.class, () -> asBen(() -> emergency.open("F-1999-99999", "crisis call", "k1")));
        assertThrows(
                Invalid.class,
                () -> RunAs.user(
                        ana, Set.of("counselor"), () -> emergency.open(family.caseNumber(), "my own family", "k0")));

        EmergencyAccessView granted = asBen(
                () -> emergency.open(family.caseNumber().toLowerCase(), "Mother called in crisis, Ana is away", "k1"));

        assertThat(asBen(() -> records.open(family.id())).familyName()).isEqualTo("Crisis");
        assertThat(asBen(() -> notes.forFamily(family.id()))).isEmpty();
        assertThat(asBen(emergency::mineOpen))
                .extracting(EmergencyAccessView::familyId)
                .containsExactly(family.id());
        assertThat(sql().query(
                                "select action, reason from audit_entry where username = ? and family_id = cast(? as bigint)"
                                        + " order by seq",
                                ben,
                                Long.toString(family.id())))
                .as("the refusal, the opening with its reason, then every read marked")
                .containsExactly(
                        List.of(
                                "SERVICE_CALL",
                                "FamilyRecords.open: a family's details are for the front desk, its counselors and its"
                                        + " program's supervisors"),
                        List.of("BREAK_THE_GLASS", "emergency access: Mother called in crisis, Ana is away"),
                        List.of("READ_FAMILY", "[emergency access " + granted.id() + "] record with clinical summary"),
                        List.of("LIST_NOTES", "[emergency access " + granted.id() + "]"));

        assertThat(RunAs.user(otherSupervisor, Set.of("supervisor"), emergency::toReview))
                .as("another program's supervisor")
                .extracting(EmergencyAccessView::id)
                .doesNotContain(granted.id());
        assertThrows(
                Refused.class,
                () -> RunAs.user(otherSupervisor, Set.of("supervisor"), () -> emergency.review(granted.id(), null)));
        assertThat(asSupervisor(emergency::toReview)).singleElement().satisfies(a -> {
            assertThat(a.counselorUsername()).isEqualTo(ben);
            assertThat(a.reason()).isEqualTo("Mother called in crisis, Ana is away");
        });
        asSupervisor(() -> emergency.review(granted.id(), "Checked with Ana: right call"));
        assertThat(asSupervisor(emergency::toReview)).isEmpty();
        assertThrows(Invalid.class, () -> asSupervisor(() -> emergency.review(granted.id(), "again")));
    }

    @Test
    void theAccessIsReadOnlyAndEndsWithTheSession() {
        origin.setSessionKey("session-b");
        asBen(() -> emergency.open(family.caseNumber(), "Crisis call at the front desk", "session-b"));

        assertThrows(
                Refused.class,
                () -> asBen(() -> records.update(
                        family.id(),
                        new FamilyUpdate(
                                "Changed",
                                "en",
                                ReferralSource.SELF,
                                null,
                                List.of(new NewFamilyMember(
                                        "Nia Crisis",
                                        null,
                                        50,
                                        Relationship.PARENT,
                                        null,
                                        null,
                                        "en",
                                        false,
                                        false,
                                        true)),
                                RunAs.user(ana, Set.of("counselor"), () -> records.open(family.id()))
                                        .version()))));

        RunAs.user("web-listener", Set.of(), () -> {
            emergency.endSession("session-b");
            return null;
        });
        assertThrows(Refused.class, () -> asBen(() -> records.open(family.id())));
        assertThat(asBen(emergency::mineOpen)).isEmpty();
        assertThat(sql().query(
                                "select count(*) from emergency_access e join staff_member s on s.id = e.staff_id"
                                        + " where s.username = ? and e.ended_at is not null",
                                ben))
                .isEqualTo(List.of(List.of("1")));
    }

    @Test
    void anAccessBelongsToTheSessionThatGaveTheReasonNotToAnotherSessionOrAnApiToken() {
        origin.setSessionKey("phone-session");
        asBen(() -> emergency.open(family.caseNumber(), "Crisis call while Ana is away", "phone-session"));
        assertThat(asBen(() -> records.open(family.id())).familyName()).isEqualTo("Crisis");

        origin.setSessionKey("laptop-session");
        assertThrows(
                Refused.class,
                () -> asBen(() -> records.open(family.id())),
                "the same counselor signed in elsewhere gave no reason there");
        assertThat(asBen(emergency::mineOpen)).isEmpty();

        origin.setSessionKey(null);
        assertThrows(
                Refused.class,
                () -> asBen(() -> records.open(family.id())),
                "an API token has no session, so no emergency access");
        assertThat(sql().query(
                                "select count(*) from audit_entry where username = ? and family_id = cast(? as bigint)"
                                        + " and outcome = 'DENIED'",
                                ben,
                                Long.toString(family.id())))
                .isEqualTo(List.of(List.of("2")));
    }

    @Test
    void onlyCounselorsBreakTheGlassAndAccessesAreNeverDeleted() {
        assertThrows(
                EJBAccessException.class,
                () -> RunAs.user(
                        supervisor,
                        Set.of("supervisor"),
                        () -> emergency.open(family.caseNumber(), "a reason here", "k")));
        asBen(() -> emergency.open(family.caseNumber(), "Crisis call at the front desk", "session-c"));
        assertThat(sql().refusal("delete from emergency_access")).contains("never deleted");
        assertThat(sql().refusal("update emergency_access set reason = 'something else entirely'"))
                .contains("only ended and reviewed");
    }

    private <T> T asBen(Supplier<T> action) {
        return RunAs.user(ben, Set.of("counselor"), action);
    }

    private <T> T asSupervisor(Supplier<T> action) {
        return RunAs.user(supervisor, Set.of("supervisor"), action);
    }

    private Sql sql() {
        return new Sql(dataSource::getConnection);
    }
}
