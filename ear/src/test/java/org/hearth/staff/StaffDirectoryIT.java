package org.hearth.staff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Resource;
import jakarta.ejb.EJBAccessException;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.hearth.security.Refused;
import org.hearth.testing.Deployments;
import org.hearth.testing.HearthStack;
import org.hearth.testing.RunAs;
import org.hearth.testing.Sql;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The staff directory in the real server and database: sign-in, roles, refusals and their audit. */
@ExtendWith({HearthStack.class, ArquillianExtension.class})
class StaffDirectoryIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.hearthWith(StaffDirectoryIT.class);
    }

    @Inject
    private StaffDirectory staffDirectory;

    @Resource(lookup = "java:jboss/datasources/HearthDS")
    private DataSource dataSource;

    private List<List<String>> query(String sql, String... parameters) {
        return new Sql(dataSource::getConnection).query(sql, parameters);
    }

    private void update(String sql, String... parameters) {
        new Sql(dataSource::getConnection).update(sql, parameters);
    }

    @Test
    void migrationsCreatedTheFoundationTables() {
        List<List<String>> tables =
                query("select table_name from information_schema.tables where table_schema = 'public'"
                        + " and table_name in ('program', 'staff_member', 'staff_program', 'audit_entry') order by 1");
        assertEquals(
                List.of(List.of("audit_entry"), List.of("program"), List.of("staff_member"), List.of("staff_program")),
                tables);
        assertEquals(
                List.of(List.of("1", "t")),
                query("select version, success from flyway_schema_history where version = '1'"));
    }

    @Test
    void firstSignInCreatesTheStaffMemberFromTheTokenClaims() {
        String username = unique("alice");
        SignedInIdentity identity =
                new SignedInIdentity("sub-" + username, username, "Alice Ávila", username + "@clinic.example");

        StaffProfile profile = RunAs.user(username, Set.of("counselor"), () -> staffDirectory.signIn(identity));

        assertEquals("Alice Ávila", profile.displayName());
        assertEquals(List.of("counselor"), profile.roles());
        assertEquals(
                List.of(List.of("sub-" + username, "Alice Ávila", username + "@clinic.example", "counselor")),
                query("select subject, display_name, email, roles from staff_member where username = ?", username));
        assertEquals(
                List.of(List.of("SIGN_IN", "ALLOWED", "counselor")),
                query("select action, outcome, roles from audit_entry where username = ?", username));
    }

    @Test
    void signingInAgainKeepsOneRecordAndRefreshesTheRoles() {
        String username = unique("sofia");
        SignedInIdentity identity = new SignedInIdentity("sub-" + username, username, "Sofia M", null);
        RunAs.user(username, Set.of("counselor"), () -> staffDirectory.signIn(identity));

        StaffProfile again =
                RunAs.user(username, Set.of("counselor", "supervisor"), () -> staffDirectory.signIn(identity));

        assertEquals(List.of("counselor", "supervisor"), again.roles());
        assertEquals(
                List.of(List.of("1", "counselor,supervisor")),
                query("select count(*), max(roles) from staff_member where username = ?", username));
    }

    @Test
    void aStaffRecordPreparedByUsernameIsLinkedAtFirstSignInWithItsPrograms() {
        String username = unique("carla");
        update("insert into program (name) values (?)", "Program of " + username);
        update("insert into staff_member (username, display_name) values (?, 'Prepared')", username);
        update(
                "insert into staff_program select s.id, p.id from staff_member s, program p"
                        + " where s.username = ? and p.name = ?",
                username,
                "Program of " + username);

        StaffProfile profile = RunAs.user(
                username,
                Set.of("counselor"),
                () -> staffDirectory.signIn(new SignedInIdentity("sub-" + username, username, "Carla Real", null)));

        assertEquals(List.of("Program of " + username), profile.programs());
        assertEquals("Carla Real", profile.displayName());
        assertEquals(
                List.of(List.of("sub-" + username)),
                query("select subject from staff_member where username = ?", username));
    }

    @Test
    void aUserWithoutAHearthRoleIsRefusedAndTheRefusalIsAudited() {
        String username = unique("mallory");
        SignedInIdentity identity = new SignedInIdentity("sub-" + username, username, "Mallory", null);

        assertThrows(
                EJBAccessException.class,
                () -> RunAs.user(username, Set.of("guest"), () -> staffDirectory.signIn(identity)));

        assertEquals(List.of(), query("select id from staff_member where username = ?", username));
        List<List<String>> audit =
                query("select action, entity_type, outcome, reason from audit_entry where username = ?", username);
        assertEquals(1, audit.size());
        assertEquals(
                List.of("SERVICE_CALL", "StaffDirectory", "DENIED"),
                audit.get(0).subList(0, 3));
        assertTrue(
                audit.get(0).get(3).startsWith("StaffDirectory.signIn: requires one of the roles"),
                audit.get(0).get(3));
    }

    @Test
    void nobodySignsInAsSomeoneElse() {
        String username = unique("bob");
        String victim = unique("victim");

        assertThrows(
                Refused.class,
                () -> RunAs.user(
                        username,
                        Set.of("counselor"),
                        () -> staffDirectory.signIn(new SignedInIdentity("sub-" + victim, victim, "Victim", null))));

        assertEquals(List.of(), query("select id from staff_member where username = ?", victim));
        assertEquals(
                List.of(List.of(
                        "SERVICE_CALL",
                        "DENIED",
                        "StaffDirectory.signIn: a staff member can only sign in as themselves")),
                query("select action, outcome, reason from audit_entry where username = ?", username));
    }

    @Test
    void anonymousCallersAreRefused() {
        assertThrows(
                EJBAccessException.class, () -> staffDirectory.signIn(new SignedInIdentity("sub-x", "x", "X", null)));
    }

    @Test
    void theOwnProfileViewIsAudited() {
        String username = unique("dora");
        SignedInIdentity identity = new SignedInIdentity("sub-" + username, username, "Dora", null);

        StaffProfile profile = RunAs.user(username, Set.of("front-desk"), () -> staffDirectory.profile(identity));

        assertEquals(List.of("front-desk"), profile.roles());
        assertEquals(
                List.of(List.of("VIEW_OWN_PROFILE", "StaffMember", String.valueOf(profile.staffMemberId()), "ALLOWED")),
                query("select action, entity_type, entity_id, outcome from audit_entry where username = ?", username));
    }

    private static String unique(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
