package org.hearth.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.annotation.Resource;
import jakarta.ejb.EJBAccessException;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.hearth.testing.Deployments;
import org.hearth.testing.HearthStack;
import org.hearth.testing.RunAs;
import org.hearth.testing.Sql;
import org.hearth.testing.TestData;
import org.hearth.time.ClinicTime;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The audit review in the real database: a supervisor reads the entries about their programs' families
 * only, an administrator every entry but not a counselor's emergency reason; filters, pages and the CSV
 * export; and the review itself is audited.
 */
@ExtendWith({HearthStack.class, ArquillianExtension.class})
class AuditReviewIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.hearthWith(AuditReviewIT.class);
    }

    @Inject
    private AuditTrail trail;

    @Inject
    private AuditReview review;

    @Resource(lookup = "java:jboss/datasources/HearthDS")
    private DataSource dataSource;

    private String supervisor;
    private String counselor;
    private long ours;
    private long theirs;

    @BeforeEach
    void entriesAboutAFamilyOfOursAndOneOfAnotherProgram() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        TestData data = new TestData(sql());
        long program = data.program("Review " + suffix);
        long other = data.program("Other " + suffix);
        supervisor = data.staff("sup-" + suffix, "supervisor", "Review " + suffix);
        counselor = data.staff("c-" + suffix, "counselor", "Review " + suffix);
        ours = family(program, "Ours-" + suffix);
        theirs = family(other, "Theirs-" + suffix);
        RunAs.user(counselor, Set.of("counselor"), () -> {
            trail.record(AuditEvent.allowedOnFamily(AuditAction.READ_FAMILY, "Family", ours, ours));
            trail.record(AuditEvent.allowedOnFamily(AuditAction.READ_NOTE, "SessionNote", 41, ours));
            trail.record(new AuditEvent(
                    AuditAction.BREAK_THE_GLASS,
                    "EmergencyAccess",
                    "9",
                    theirs,
                    AuditOutcome.ALLOWED,
                    "emergency access: father threatened to harm himself"));
            trail.record(AuditEvent.deniedOnFamily(AuditAction.READ_FAMILY, ours, "not on the caseload"));
            return null;
        });
    }

    @Test
    void aSupervisorReadsTheEntriesAboutTheirProgramsFamiliesFilteredAndPaged() {
        AuditReview.Page all =
                asSupervisor(() -> review.search(new AuditQuery(counselor, null, null, null, null), 0, 50));
        assertThat(all.total()).as("the other program's family is not theirs").isEqualTo(3);
        assertThat(all.rows()).extracting(AuditRow::familyId).containsOnly(ours);
        assertThat(all.rows())
                .extracting(AuditRow::action)
                .as("newest first")
                .containsExactly(AuditAction.READ_FAMILY, AuditAction.READ_NOTE, AuditAction.READ_FAMILY);

        AuditReview.Page notes = asSupervisor(
                () -> review.search(new AuditQuery(counselor, ours, AuditAction.READ_NOTE, null, null), 0, 50));
        assertThat(notes.rows()).singleElement().satisfies(r -> assertThat(r.entityId())
                .isEqualTo("41"));
        AuditReview.Page secondPage =
                asSupervisor(() -> review.search(new AuditQuery(counselor, null, null, null, null), 1, 1));
        assertThat(secondPage.total()).isEqualTo(3);
        assertThat(secondPage.rows()).extracting(AuditRow::action).containsExactly(AuditAction.READ_NOTE);
        assertThat(asSupervisor(() -> review.count(new AuditQuery(counselor, null, null, null, null))))
                .as("the pager's count, in the same scope")
                .isEqualTo(3);

        LocalDate today = LocalDate.now(ClinicTime.zone());
        assertThat(asSupervisor(() -> review.search(new AuditQuery(counselor, null, null, today, today), 0, 50))
                        .total())
                .isEqualTo(3);
        assertThat(asSupervisor(() ->
                                review.search(new AuditQuery(counselor, null, null, today.plusDays(1), null), 0, 50))
                        .total())
                .isZero();

        assertThat(sql().query(
                                "select reason from audit_entry where username = ? and action = 'READ_AUDIT' order by seq desc"
                                        + " limit 1",
                                supervisor))
                .as("the review itself is audited, with its filter")
                .isEqualTo(List.of(
                        List.of("user=" + counselor + " family=* action=* from=" + today.plusDays(1) + " to=*")));
    }

    @Test
    void anAdministratorReadsEveryEntryButNotACounselorsEmergencyReason() {
        AuditReview.Page page = asAdmin(() -> review.search(new AuditQuery(counselor, null, null, null, null), 0, 50));

        assertThat(page.total()).isEqualTo(4);
        assertThat(page.rows())
                .filteredOn(r -> r.action() == AuditAction.BREAK_THE_GLASS)
                .singleElement()
                .satisfies(r -> assertThat(r.reason()).isEqualTo("(reason withheld: clinical)"));
        assertThat(asSupervisor(() -> review.search(new AuditQuery(null, theirs, null, null, null), 0, 50))
                        .total())
                .as("the supervisor of another program does not see that family's entries")
                .isZero();
    }

    @Test
    void theExportIsCsvOfWhatTheFiltersMatchAndIsAudited() throws Exception {
        StringWriter csv = new StringWriter();
        long written = asSupervisor(() -> {
            try {
                return review.export(new AuditQuery(counselor, null, null, null, null), ZoneId.of("UTC"), csv);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });

        assertThat(written).isEqualTo(3);
        String[] lines = csv.toString().split("\r\n");
        assertThat(lines).hasSize(4);
        assertThat(lines[0]).startsWith("time,user,roles,action");
        assertThat(lines[1])
                .contains(counselor)
                .contains("READ_FAMILY")
                .contains("DENIED")
                .contains("not on the caseload");
        assertThat(sql().query(
                                "select reason from audit_entry where username = ? and action = 'EXPORT_AUDIT'",
                                supervisor))
                .singleElement()
                .satisfies(r -> assertThat(r.get(0)).startsWith("3 entries: user=" + counselor));
    }

    @Test
    void counselorsAndTheFrontDeskCannotReviewTheAudit() {
        assertThrows(
                EJBAccessException.class,
                () -> RunAs.user(counselor, Set.of("counselor"), () -> review.search(AuditQuery.everything(), 0, 10)));
        assertThrows(
                EJBAccessException.class,
                () -> RunAs.user("desk", Set.of("front-desk"), () -> review.search(AuditQuery.everything(), 0, 10)));
    }

    private long family(long program, String name) {
        // a case number as the application makes them (F-yyyy-nnnnn), in years no other test uses: the family
        // search lists such families and reads their case numbers
        Random random = new Random();
        int year = 1900 + random.nextInt(90);
        int sequence = 1 + random.nextInt(99_999);
        sql().update(
                        "insert into family (case_number, intake_year, case_sequence, family_name, program_id, status,"
                                + " preferred_language, referral_source, opened_on, registered_by, registered_at)"
                                + " values (?, cast(? as integer), cast(? as integer), ?, cast(? as bigint), 'INTAKE', 'en',"
                                + " 'SELF', current_date, 'test', now())",
                        String.format("F-%04d-%05d", year, sequence),
                        Integer.toString(year),
                        Integer.toString(sequence),
                        name,
                        Long.toString(program));
        return Long.parseLong(sql().query("select id from family where family_name = ?", name)
                .get(0)
                .get(0));
    }

    private <T> T asSupervisor(Supplier<T> action) {
        return RunAs.user(supervisor, Set.of("supervisor"), action);
    }

    private static <T> T asAdmin(Supplier<T> action) {
        return RunAs.user("admin-" + UUID.randomUUID().toString().substring(0, 6), Set.of("admin"), action);
    }

    private Sql sql() {
        return new Sql(dataSource::getConnection);
    }
}
