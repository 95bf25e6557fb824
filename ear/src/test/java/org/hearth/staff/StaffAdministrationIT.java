package org.hearth.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.annotation.Resource;
import jakarta.ejb.EJBAccessException;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Staff administration in the real server and database: who may, version conflicts, deactivation, audit. */
@ExtendWith({HearthStack.class, ArquillianExtension.class})
class StaffAdministrationIT {

    private static final Set<String> ADMIN = Set.of("admin");

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.hearthWith(StaffAdministrationIT.class);
    }

    @Inject
    private StaffAdministration administration;

    @Inject
    private StaffDirectory staffDirectory;

    @Resource(lookup = "java:jboss/datasources/HearthDS")
    private DataSource dataSource;

    private Sql sql() {
        return new Sql(dataSource::getConnection);
    }

    private String first(String query, String... parameters) {
        return sql().query(query, parameters).get(0).get(0);
    }

    @Test
    void onlyAdministratorsManageStaffAndEveryRefusalIsAudited() {
        String supervisor = unique("sam");

        assertThatThrownBy(() -> RunAs.user(
                        supervisor, Set.of("supervisor"), () -> administration.staff(StaffQuery.everyone(10))))
                .isInstanceOf(EJBAccessException.class);
        assertThatThrownBy(() -> RunAs.user(
                        supervisor, Set.of("counselor"), () -> administration.createProgram("Sneaky " + supervisor)))
                .isInstanceOf(EJBAccessException.class);

        assertThat(sql().query(
                                "select action, outcome, substr(reason, 1, 31) from audit_entry where username = ? order by seq",
                                supervisor))
                .containsExactly(
                        List.of("SERVICE_CALL", "DENIED", "StaffAdministration.staff: requ"),
                        List.of("SERVICE_CALL", "DENIED", "StaffAdministration.createProgr"));
        assertThat(sql().query("select id from program where name = ?", "Sneaky " + supervisor))
                .isEmpty();
    }

    @Test
    void theListIsSearchedAndPagedByTheDatabaseWithRolesProgramsAndStatus() {
        String suffix = unique("");
        TestData data = new TestData(sql());
        data.program("List A" + suffix);
        data.staff("ann" + suffix, "counselor,supervisor", "List A" + suffix);
        data.staff("bea" + suffix, "front-desk");

        StaffPage page = RunAs.user(
                "ada" + suffix,
                ADMIN,
                () -> administration.staff(new StaffQuery(suffix, null, StaffQuery.StaffSort.USERNAME, false, 0, 1)));

        assertThat(page.total()).isEqualTo(2);
        assertThat(page.rows()).hasSize(1);
        StaffRow ann = page.rows().get(0);
        assertThat(ann.username()).isEqualTo("ann" + suffix);
        assertThat(ann.roles()).containsExactly("counselor", "supervisor");
        assertThat(ann.programNames()).containsExactly("List A" + suffix);
        assertThat(ann.active()).isTrue();
        assertThat(sql().query("select action, outcome from audit_entry where username = ?", "ada" + suffix))
                .containsExactly(List.of("READ_STAFF", "ALLOWED"));
    }

    @Test
    void aSecondEditorWhoReadTheOldVersionGetsAConflictAndNothingOfTheirsIsSaved() {
        String suffix = unique("");
        TestData data = new TestData(sql());
        long east = data.program("East" + suffix);
        long west = data.program("West" + suffix);
        data.staff("cara" + suffix, "counselor");
        long cara = Long.parseLong(first("select id from staff_member where username = ?", "cara" + suffix));
        StaffRow read = RunAs.user("ada" + suffix, ADMIN, () -> administration.member(cara));

        StaffRow saved = RunAs.user(
                "ada" + suffix, ADMIN, () -> administration.setPrograms(cara, read.version(), List.of(east)));

        assertThat(saved.programIds()).containsExactly(east);
        assertThat(saved.version()).isGreaterThan(read.version());
        assertThatThrownBy(() -> RunAs.user(
                        "otto" + suffix, ADMIN, () -> administration.setPrograms(cara, read.version(), List.of(west))))
                .isInstanceOfSatisfying(
                        Conflict.class, stale -> assertThat(stale.getSubject()).isEqualTo(Conflict.Subject.STALE));
        assertThat(sql().query(
                                "select p.name from staff_program sp join program p on p.id = sp.program_id"
                                        + " where sp.staff_member_id = cast(? as bigint)",
                                Long.toString(cara)))
                .containsExactly(List.of("East" + suffix));
        assertThat(sql().query(
                                "select action, entity_id, reason from audit_entry where username = ? and action <> 'READ_STAFF'",
                                "ada" + suffix))
                .containsExactly(
                        List.of("CHANGE_STAFF_PROGRAMS", Long.toString(cara), "joined [East" + suffix + "], left []"));
    }

    @Test
    void aClosedProgramTakesNoNewStaffAndItsNameMustBeFree() {
        String suffix = unique("");
        ProgramRow program = RunAs.user("ada" + suffix, ADMIN, () -> administration.createProgram("  North " + suffix));
        assertThat(program.name()).isEqualTo("North " + suffix.strip());
        assertThatThrownBy(
                        () -> RunAs.user("ada" + suffix, ADMIN, () -> administration.createProgram("NORTH " + suffix)))
                .isInstanceOf(Invalid.class);

        ProgramRow closed = RunAs.user(
                "ada" + suffix, ADMIN, () -> administration.changeProgram(program.id(), program.version(), null, true));
        new TestData(sql()).staff("dina" + suffix, "counselor");
        long dina = Long.parseLong(first("select id from staff_member where username = ?", "dina" + suffix));

        assertThat(closed.closed()).isTrue();
        assertThatThrownBy(() -> RunAs.user(
                        "ada" + suffix, ADMIN, () -> administration.setPrograms(dina, 0L, List.of(program.id()))))
                .isInstanceOf(Invalid.class);
        assertThatThrownBy(() -> RunAs.user(
                        "ada" + suffix,
                        ADMIN,
                        () -> administration.changeProgram(program.id(), program.version(), "South " + suffix, null)))
                .isInstanceOfSatisfying(
                        Conflict.class, stale -> assertThat(stale.getSubject()).isEqualTo(Conflict.Subject.STALE));
        assertThat(sql().query(
                                "select action from audit_entry where username = ? and entity_type = 'Program' order by seq",
                                "ada" + suffix))
                .containsExactly(List.of("CREATE_PROGRAM"), List.of("CLOSE_PROGRAM"));
    }

    @Test
    void deactivatingEndsAccessesFeedsAndCoveringAtOnceAndRefusesTheSignIn() {
        String suffix = unique("");
        TestData data = new TestData(sql());
        long programId = data.program("Deact" + suffix);
        String counselor = data.staff("eli" + suffix, "counselor", "Deact" + suffix);
        String c = first("select id from staff_member where username = ?", counselor);
        String year = Integer.toString(1000 + new Random().nextInt(800));
        String sequence = Integer.toString(1 + new Random().nextInt(99_999));
        sql().update(
                        "insert into family (case_number, intake_year, case_sequence, family_name, program_id, status,"
                                + " preferred_language, referral_source, opened_on, registered_by, registered_at)"
                                + " values (?, cast(? as integer), cast(? as integer), ?, cast(? as bigint), 'INTAKE', 'en',"
                                + " 'SELF', current_date, 'test', now())",
                        String.format("F-%04d-%05d", Integer.parseInt(year), Integer.parseInt(sequence)),
                        year,
                        sequence,
                        "Family" + suffix,
                        Long.toString(programId));
        String family = first("select id from family where family_name = ?", "Family" + suffix);
        sql().update(
                        "insert into family_assignment (family_id, counselor_id, kind, starts_on, ends_on, reason, assigned_by,"
                                + " assigned_at) values (cast(? as bigint), cast(? as bigint), 'COVERING', current_date - 2,"
                                + " current_date + 5, 'leave', 'sam', now())",
                        family,
                        c);
        sql().update(
                        "insert into emergency_access (family_id, staff_id, reason, session_key, granted_at) values"
                                + " (cast(? as bigint), cast(? as bigint), 'a crisis call at night', 'session-x', now())",
                        family,
                        c);
        sql().update(
                        "insert into calendar_feed (staff_member_id, secret_hash, created_at, created_by) select"
                                + " cast(? as bigint), ?, now(), s.username from staff_member s where s.id = cast(? as bigint)",
                        c,
                        UUID.randomUUID().toString().replace("-", ""),
                        c);
        long id = Long.parseLong(c);
        StaffRow read = RunAs.user("ada" + suffix, ADMIN, () -> administration.member(id));

        Deactivation done = RunAs.user("ada" + suffix, ADMIN, () -> administration.deactivate(id, read.version()));

        assertThat(done.staff().active()).isFalse();
        assertThat(done.emergencyAccessesEnded()).isEqualTo(1);
        assertThat(done.calendarFeedsRevoked()).isEqualTo(1);
        assertThat(done.coveringAssignmentsEnded()).isEqualTo(1);
        assertThat(sql().query(
                                "select (select count(*) from emergency_access where staff_id = s.id and ended_at is null),"
                                        + " (select count(*) from calendar_feed where staff_member_id = s.id and revoked_at is null),"
                                        + " (select count(*) from family_assignment where counselor_id = s.id and ended_at is null),"
                                        + " s.deactivated_by from staff_member s where s.id = cast(? as bigint)",
                                c))
                .containsExactly(List.of("0", "0", "0", "ada" + suffix));
        assertThat(RunAs.user(counselor, Set.of("counselor"), () -> staffDirectory.refusesCaller(null, "/api/v1/me")))
                .isTrue();
        assertThatThrownBy(() -> RunAs.user(
                        counselor,
                        Set.of("counselor"),
                        () -> staffDirectory.signIn(new SignedInIdentity("sub-" + counselor, counselor, "Eli", null))))
                .isInstanceOf(Refused.class)
                .hasMessage("This account is deactivated in Hearth; ask an administrator.");
        assertThat(sql().query("select action, outcome from audit_entry where username = ? order by seq", counselor))
                .containsExactly(List.of("SIGN_IN_REFUSED", "DENIED"), List.of("SIGN_IN_REFUSED", "DENIED"));
        assertThat(sql().query(
                                "select action from audit_entry where username = ? and action = 'DEACTIVATE_STAFF'",
                                "ada" + suffix))
                .hasSize(1);
        assertThatThrownBy(
                        () -> RunAs.user(counselor + "x", ADMIN, () -> administration.deactivate(id, read.version())))
                .isInstanceOfSatisfying(
                        Conflict.class, stale -> assertThat(stale.getSubject()).isEqualTo(Conflict.Subject.STALE));

        StaffRow back = RunAs.user(
                "ada" + suffix,
                ADMIN,
                () -> administration.reactivate(id, done.staff().version()));

        assertThat(back.active()).isTrue();
        assertThat(RunAs.user(counselor, Set.of("counselor"), () -> staffDirectory.refusesCaller(null, "/api/v1/me")))
                .isFalse();
    }

    @Test
    void nobodyDeactivatesThemselves() {
        String admin = new TestData(sql()).staff(unique("ida"), "admin");
        long id = Long.parseLong(first("select id from staff_member where username = ?", admin));

        assertThatThrownBy(() -> RunAs.user(admin, ADMIN, () -> administration.deactivate(id, 0L)))
                .isInstanceOf(Invalid.class);
        assertThat(first(
                        "select deactivated_at is null from staff_member where id = cast(? as bigint)",
                        Long.toString(id)))
                .isEqualTo("t");
    }

    private static String unique(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
