package org.hearth.family;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Resource;
import jakarta.ejb.EJBAccessException;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.hearth.security.Conflict;
import org.hearth.security.Invalid;
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

/** Supervisors assign counselors in the real server: history kept, program rules, refusals audited. */
@ExtendWith({HearthStack.class, ArquillianExtension.class})
class CaseAssignmentsIT {

    private static final Set<String> SUPERVISOR = Set.of("supervisor");

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.hearthWith(CaseAssignmentsIT.class);
    }

    @Inject
    private CaseAssignments assignments;

    @Inject
    private FamilyRegistry registry;

    @Resource(lookup = "java:jboss/datasources/HearthDS")
    private DataSource dataSource;

    private String suffix;
    private String supervisor;
    private String firstCounselor;
    private String secondCounselor;
    private long familyId;

    @BeforeEach
    void aFamilyInAProgramWithItsSupervisorAndTwoCounselors() {
        suffix = UUID.randomUUID().toString().substring(0, 8);
        String program = "Program " + suffix;
        long programId = data().program(program);
        supervisor = staff("sup", "supervisor", program);
        firstCounselor = staff("ana", "counselor", program);
        secondCounselor = staff("ben", "counselor,supervisor", program);
        familyId = RunAs.user(
                        "desk-" + suffix,
                        Set.of("front-desk"),
                        () -> registry.register(new NewFamily(
                                "Lopez",
                                programId,
                                "es",
                                ReferralSource.SELF,
                                null,
                                List.of(new NewFamilyMember(
                                        "Marta Lopez",
                                        null,
                                        52,
                                        Relationship.PARENT,
                                        null,
                                        null,
                                        "es",
                                        false,
                                        false,
                                        true)))))
                .id();
    }

    @Test
    void aReassignmentFromAnOlderReadingOfTheFamilyIsRefusedAndTheNewerAssignmentStays() {
        asSupervisor(() -> assignments.assignPrimary(familyId, firstCounselor, null));
        long read = data().familyVersion(familyId);
        asSupervisor(() -> assignments.assignPrimary(familyId, secondCounselor, "Ana goes on parental leave", read));

        Conflict stale = assertThrows(
                Conflict.class,
                () -> asSupervisor(() -> assignments.assignPrimary(familyId, firstCounselor, "Ana is back", read)));
        assertEquals("family", stale.getRecord());
        Conflict unread = assertThrows(
                Conflict.class,
                () -> asSupervisor(() -> assignments.assignPrimary(familyId, firstCounselor, "Ana is back")));
        assertEquals("family", unread.getRecord(), "a family with a counselor is reassigned only from a version read");
        assertEquals(
                List.of(List.of(secondCounselor)),
                sql().query(
                                "select s.username from family f join staff_member s on s.id = f.primary_counselor_id where f.id = ?::bigint",
                                String.valueOf(familyId)));
    }

    @Test
    void aReassignmentNeedsAReasonAndKeepsTheWholeHistory() {
        asSupervisor(() -> assignments.assignPrimary(familyId, firstCounselor, null));

        long read = data().familyVersion(familyId);
        Invalid noReason = assertThrows(
                Invalid.class,
                () -> asSupervisor(() -> assignments.assignPrimary(familyId, secondCounselor, " ", read)));
        assertEquals("Give a reason for changing the primary counselor.", noReason.getMessage());

        List<AssignmentView> history = asSupervisor(
                () -> assignments.assignPrimary(familyId, secondCounselor, "Ana goes on parental leave", read));

        assertEquals(2, history.size());
        assertEquals(firstCounselor, history.get(0).counselorUsername());
        assertEquals(supervisor, history.get(0).endedBy());
        assertNotNull(history.get(0).endedAt());
        assertEquals(secondCounselor, history.get(1).counselorUsername());
        assertEquals("Ana goes on parental leave", history.get(1).reason());
        assertNull(history.get(1).endedAt());
        assertEquals(
                List.of(List.of(secondCounselor)),
                sql().query(
                                "select s.username from family f join staff_member s on s.id = f.primary_counselor_id where f.id = ?::bigint",
                                String.valueOf(familyId)));
        assertEquals(
                List.of(List.of("2")),
                sql().query(
                                "select count(*) from audit_entry where username = ? and action = 'ASSIGN_COUNSELOR'"
                                        + " and family_id = ?::bigint and outcome = 'ALLOWED'",
                                supervisor,
                                String.valueOf(familyId)));
    }

    @Test
    void onlyCounselorsOfTheFamilysProgramCanBeAssigned() {
        String outsider = staff("out", "counselor", null);
        String frontDesk = staff("desk", "front-desk", programName());

        Invalid notInProgram = assertThrows(
                Invalid.class, () -> asSupervisor(() -> assignments.assignPrimary(familyId, outsider, null)));
        assertTrue(
                notInProgram.getMessage().contains("is not a counselor of Program " + suffix),
                notInProgram.getMessage());
        assertThrows(Invalid.class, () -> asSupervisor(() -> assignments.assignPrimary(familyId, frontDesk, null)));
    }

    @Test
    void aSupervisorOfAnotherProgramIsRefusedAndTheRefusalIsAudited() {
        String otherProgram = "Other " + suffix;
        data().program(otherProgram);
        String stranger = staff("other-sup", "supervisor", otherProgram);

        assertThrows(
                Refused.class,
                () -> RunAs.user(
                        stranger, SUPERVISOR, () -> assignments.assignPrimary(familyId, firstCounselor, null)));

        assertEquals(
                List.of(
                        List.of(
                                "DENIED",
                                "CaseAssignments.assignPrimary: a supervisor assigns counselors only to families of their own programs")),
                sql().query("select outcome, reason from audit_entry where username = ?", stranger));
    }

    @Test
    void counselorsAndFrontDeskCannotAssign() {
        assertThrows(
                EJBAccessException.class,
                () -> RunAs.user(
                        firstCounselor,
                        Set.of("counselor"),
                        () -> assignments.assignPrimary(familyId, firstCounselor, null)));
        assertThrows(
                EJBAccessException.class,
                () -> RunAs.user("desk-" + suffix, Set.of("front-desk"), () -> assignments.history(familyId)));
    }

    @Test
    void aCoveringCounselorHasADateRangeInOrderAndIsNotThePrimary() {
        asSupervisor(() -> assignments.assignPrimary(familyId, firstCounselor, null));
        LocalDate monday = LocalDate.of(2027, 3, 1);

        Set<String> backwards = messagesOf(() -> assignments.assignCovering(
                familyId, new CoveringAssignment(secondCounselor, monday, monday.minusDays(1), "vacation")));
        assertEquals(Set.of("The last day of the cover cannot be before the first."), backwards);
        assertThrows(
                Invalid.class,
                () -> asSupervisor(() -> assignments.assignCovering(
                        familyId, new CoveringAssignment(firstCounselor, monday, monday.plusDays(4), "vacation"))));

        List<AssignmentView> history = asSupervisor(() -> assignments.assignCovering(
                familyId, new CoveringAssignment(secondCounselor, monday, monday.plusDays(4), "Ana on vacation")));

        AssignmentView cover = history.get(history.size() - 1);
        assertEquals(AssignmentKind.COVERING, cover.kind());
        assertEquals(secondCounselor, cover.counselorUsername());
        assertEquals(monday, cover.startsOn());
        assertEquals(monday.plusDays(4), cover.endsOn());
    }

    private <T> T asSupervisor(Supplier<T> action) {
        return RunAs.user(supervisor, SUPERVISOR, action);
    }

    private Set<String> messagesOf(Runnable call) {
        return TestData.violationMessages(assertThrows(
                Exception.class,
                () -> asSupervisor(() -> {
                    call.run();
                    return null;
                })));
    }

    private String programName() {
        return "Program " + suffix;
    }

    private String staff(String name, String roles, String program) {
        return program == null
                ? data().staff(name + "-" + suffix, roles)
                : data().staff(name + "-" + suffix, roles, program);
    }

    private TestData data() {
        return new TestData(sql());
    }

    private Sql sql() {
        return new Sql(dataSource::getConnection);
    }
}
