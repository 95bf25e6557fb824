package org.hearth.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.hearth.family.CaseAssignments;
import org.hearth.family.Caseload;
import org.hearth.family.CaseloadQuery;
import org.hearth.family.CaseloadRow;
import org.hearth.family.CoveringAssignment;
import org.hearth.family.FamilyContact;
import org.hearth.family.FamilyRecords;
import org.hearth.family.FamilyRegistry;
import org.hearth.family.NewFamily;
import org.hearth.family.NewFamilyMember;
import org.hearth.family.ReferralSource;
import org.hearth.family.Relationship;
import org.hearth.report.CounselorCaseload;
import org.hearth.report.ProgramReports;
import org.hearth.report.ReportFilter;
import org.hearth.security.Refused;
import org.hearth.testing.Deployments;
import org.hearth.testing.HearthStack;
import org.hearth.testing.RunAs;
import org.hearth.testing.Sql;
import org.hearth.testing.TestData;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * "Today" is the clinic's, whatever zone the server runs in: the test server's JVM runs in UTC
 * (arquillian.xml) and the clinic in America/New_York, five hours behind in January. A covering assignment
 * that ends on 14 January still holds at 23:30 that evening in New York (04:30 on the 15th in UTC) and has
 * ended half an hour after the clinic's midnight, the same for the caseload page, the record (what the
 * API reads too) and the program report's SQL.
 */
@ExtendWith({HearthStack.class, ArquillianExtension.class})
class ClinicMidnightIT {

    private static final LocalDate LAST_DAY = LocalDate.of(2027, 1, 14);

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.hearthWith(ClinicMidnightIT.class);
    }

    @Inject
    private FamilyRegistry registry;

    @Inject
    private CaseAssignments assignments;

    @Inject
    private Caseload caseload;

    @Inject
    private FamilyRecords records;

    @Inject
    private ProgramReports reports;

    @Resource(lookup = "java:jboss/datasources/HearthDS")
    private DataSource dataSource;

    @AfterEach
    void backToTheSystemClock() {
        ClinicClock.travelTo(null);
    }

    @Test
    void aCoveringThatEndsTodayEndsAtTheClinicsMidnightForPagesRecordsAndReports() {
        assertThat(ZoneId.systemDefault().getRules().getOffset(Instant.now()))
                .as("the server runs in UTC, so its own date is a day ahead of New York's each evening")
                .isEqualTo(ZoneOffset.UTC);
        assertThat(new ClinicClock().zone()).isEqualTo(ZoneId.of("America/New_York"));
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String program = "Midnight " + suffix;
        TestData data = new TestData(new Sql(dataSource::getConnection));
        long programId = data.program(program);
        String ana = data.staff("ana-" + suffix, "counselor", program);
        String ben = data.staff("ben-" + suffix, "counselor", program);
        String supervisor = data.staff("sup-" + suffix, "supervisor", program);
        String desk = data.staff("desk-" + suffix, "front-desk", program);

        travelTo("2027-01-14T15:00:00Z");
        FamilyContact family = RunAs.user(
                desk,
                Set.of("front-desk"),
                () -> registry.register(new NewFamily(
                        "Whitfield",
                        programId,
                        "en",
                        ReferralSource.SELF,
                        null,
                        List.of(new NewFamilyMember(
                                "June Whitfield",
                                null,
                                52,
                                Relationship.PARENT,
                                null,
                                null,
                                "en",
                                false,
                                false,
                                true)))));
        new Sql(dataSource::getConnection)
                .update("update family set status = 'ACTIVE' where id = cast(? as bigint)", Long.toString(family.id()));
        RunAs.user(supervisor, Set.of("supervisor"), () -> {
            assignments.assignPrimary(family.id(), ben, null);
            return assignments.assignCovering(
                    family.id(), new CoveringAssignment(ana, LAST_DAY.minusDays(4), LAST_DAY, "Ben on leave"));
        });

        travelTo("2027-01-15T04:30:00Z");
        assertThat(new ClinicClock().today()).isEqualTo(LAST_DAY);
        assertThat(caseloadOf(ana)).as("23:30 in New York: still her day").containsExactly(family.id());
        assertThat(asAna(ana, () -> records.open(family.id())).familyName()).isEqualTo("Whitfield");
        assertThat(activeFamiliesInReport(supervisor, programId, ana)).isEqualTo(1);

        travelTo("2027-01-15T05:30:00Z");
        assertThat(caseloadOf(ana))
                .as("00:30 in New York: the covering has ended")
                .isEmpty();
        assertThrows(Refused.class, () -> asAna(ana, () -> records.open(family.id())));
        assertThat(activeFamiliesInReport(supervisor, programId, ana)).isZero();
    }

    private List<Long> caseloadOf(String counselor) {
        return asAna(counselor, () -> caseload.mine(CaseloadQuery.firstPage())).rows().stream()
                .map(CaseloadRow::id)
                .toList();
    }

    private long activeFamiliesInReport(String supervisor, long programId, String counselor) {
        LocalDate today = new ClinicClock().today();
        return RunAs.user(
                        supervisor,
                        Set.of("supervisor"),
                        () -> reports.freshReport(new ReportFilter(programId, null, today.minusDays(30), today, false)))
                .caseloads()
                .stream()
                .filter(c -> c.username().equals(counselor))
                .mapToLong(CounselorCaseload::activeFamilies)
                .sum();
    }

    private static <T> T asAna(String ana, Supplier<T> action) {
        return RunAs.user(ana, Set.of("counselor"), action);
    }

    private static void travelTo(String instant) {
        ClinicClock.travelTo(Clock.fixed(Instant.parse(instant), ZoneOffset.UTC));
    }
}
