package org.hearth.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.hearth.family.CaseAssignments;
import org.hearth.family.FamilyContact;
import org.hearth.family.FamilyRegistry;
import org.hearth.family.NewFamily;
import org.hearth.family.NewFamilyMember;
import org.hearth.family.ReferralSource;
import org.hearth.family.Relationship;
import org.hearth.security.Invalid;
import org.hearth.security.Refused;
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
 * Program reports in the real server: who reads which scope. A program with two counselors - Ana with three
 * loved ones' episodes opened this month, Ben with one - and a supervisor; another program's supervisor. The
 * figures themselves are checked against hand-counted data in the ejb module's report tests; here the numbers
 * show whose families were counted.
 */
@ExtendWith({HearthStack.class, ArquillianExtension.class})
class ProgramReportsIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.hearthWith(ProgramReportsIT.class);
    }

    @Inject
    private ProgramReports reports;

    @Inject
    private FamilyRegistry registry;

    @Inject
    private CaseAssignments assignments;

    @Resource(lookup = "java:jboss/datasources/HearthDS")
    private DataSource dataSource;

    private String ana;
    private String ben;
    private String supervisor;
    private String otherSupervisor;
    private String desk;
    private long programId;
    private LocalDate today;

    @BeforeEach
    void twoCounselorsOfOneProgram() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        TestData data = new TestData(sql());
        programId = data.program("Reports " + suffix);
        data.program("Elsewhere " + suffix);
        ana = data.staff("ana-" + suffix, "counselor", "Reports " + suffix);
        ben = data.staff("ben-" + suffix, "counselor", "Reports " + suffix);
        supervisor = data.staff("sup-" + suffix, "supervisor", "Reports " + suffix);
        otherSupervisor = data.staff("other-" + suffix, "supervisor", "Elsewhere " + suffix);
        desk = data.staff("desk-" + suffix, "front-desk");
        today = LocalDate.now(ClinicTime.zone());
        for (int i = 0; i < 3; i++) {
            familyWithAnEpisode(suffix, "Ana" + i, ana);
        }
        familyWithAnEpisode(suffix, "Ben", ben);
    }

    @Test
    void theSupervisorReadsTheProgramOrOneCounselorAndTheCounselorOnlyTheirOwnCaseload() {
        ProgramReport program = as(supervisor, "supervisor", () -> reports.report(thisMonth(null, null, false)));
        assertThat(program.episodesOpened()).as("Ana's 3 and Ben's 1").isEqualTo(4);
        assertThat(program.caseloads()).extracting(CounselorCaseload::username).containsExactly(ana, ben);
        assertThat(program.caseloads())
                .extracting(CounselorCaseload::activeFamilies)
                .as("active families per counselor")
                .containsExactly(3L, 1L);

        ProgramReport onlyAna = as(supervisor, "supervisor", () -> reports.report(thisMonth(programId, ana, false)));
        assertThat(onlyAna.episodesOpened()).isEqualTo(3);
        assertThat(onlyAna.counselorName()).isEqualTo(ana);
        assertThat(onlyAna.caseloads()).extracting(CounselorCaseload::username).containsExactly(ana);

        ProgramReport hers = as(ben, "counselor", () -> reports.report(thisMonth(null, null, true)));
        assertThat(hers.episodesOpened()).as("Ben's own caseload only").isEqualTo(1);
        assertThat(hers.mine()).isTrue();
        assertThat(hers.caseloads()).extracting(CounselorCaseload::username).containsExactly(ben);

        assertThat(sql().query(
                                "select count(*) from audit_entry where action = 'READ_PROGRAM_REPORT' and outcome = 'ALLOWED'"
                                        + " and username in (?, ?)",
                                supervisor,
                                ben))
                .as("each report read is one audit entry")
                .isEqualTo(List.of(List.of("3")));
    }

    @Test
    void noOneReadsBeyondTheirScopeAndEachRefusalIsAudited() {
        assertThrows(
                Refused.class, () -> as(ben, "counselor", () -> reports.report(thisMonth(programId, null, false))));
        assertThrows(Refused.class, () -> as(ben, "counselor", () -> reports.report(thisMonth(null, ana, true))));
        assertThrows(
                Refused.class,
                () -> as(otherSupervisor, "supervisor", () -> reports.report(thisMonth(programId, null, false))));
        assertThrows(
                Refused.class,
                () -> as(otherSupervisor, "supervisor", () -> reports.report(thisMonth(null, ana, false))));
        assertThat(sql().query(
                                "select count(*) from audit_entry where outcome = 'DENIED' and username in (?, ?)"
                                        + " and reason like 'ProgramReports.report:%'",
                                ben, otherSupervisor))
                .isEqualTo(List.of(List.of("4")));

        ProgramReport elsewhere = as(otherSupervisor, "supervisor", () -> reports.report(thisMonth(null, null, false)));
        assertThat(elsewhere.episodesOpened())
                .as("nothing of the other program")
                .isZero();
        assertThat(elsewhere.caseloads()).isEmpty();
    }

    @Test
    void theListBehindAFigureIsNumberedUntilTheReaderAsksForTheFamiliesWhichIsAudited() {
        FigureList opened = as(
                supervisor,
                "supervisor",
                () -> reports.list(thisMonth(null, null, false), ReportFigure.EPISODES_OPENED, null));
        assertThat(opened.rows()).as("the 4 episodes counted").hasSize(4);
        assertThat(opened.identified()).isFalse();
        assertThat(opened.rows()).allSatisfy(row -> {
            assertThat(row.familyId()).isNull();
            assertThat(row.caseNumber()).isNull();
            assertThat(row.familyName()).isNull();
        });

        FigureList named = as(
                supervisor,
                "supervisor",
                () -> reports.identifiedList(thisMonth(programId, ana, false), ReportFigure.EPISODES_OPENED, null));
        assertThat(named.rows()).extracting(FigureList.Row::familyName).allMatch(name -> name.startsWith("Ana"));
        assertThat(named.rows()).hasSize(3).allSatisfy(row -> assertThat(row.caseNumber())
                .startsWith("F-"));
        assertThat(sql().query(
                                "select count(*) from audit_entry where action = 'READ_IDENTIFIED_REPORT_LIST' and username = ?",
                                supervisor))
                .isEqualTo(List.of(List.of("1")));

        FigureList bensView = as(
                ben,
                "counselor",
                () -> reports.identifiedList(thisMonth(null, null, true), ReportFigure.EPISODES_OPENED, null));
        assertThat(bensView.rows()).extracting(FigureList.Row::familyName).allMatch(name -> name.startsWith("Ben"));
        assertThat(bensView.rows()).hasSize(1);

        assertThrows(
                Invalid.class,
                () -> as(
                        supervisor,
                        "supervisor",
                        () -> reports.list(thisMonth(null, null, false), ReportFigure.COHORT, "March")));

        ByteArrayOutputStream file = new ByteArrayOutputStream();
        as(supervisor, "supervisor", () -> {
            try {
                reports.exportIdentifiedList(
                        thisMonth(programId, ana, false),
                        ReportFigure.EPISODES_OPENED,
                        null,
                        ProgramReports.ExportFormat.CSV,
                        file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return null;
        });
        String csv = file.toString(StandardCharsets.UTF_8);
        assertThat(csv).contains("Figure: episodes opened").contains("\"#\",Case number,Family");
        assertThat(csv.lines().filter(line -> line.matches("\\d+,F-.*,Ana.*")))
                .as("the 3 of Ana's caseload, each named")
                .hasSize(3);
        assertThat(sql().query(
                                "select action, count(*) from audit_entry where username = ? and action in"
                                        + " ('READ_IDENTIFIED_REPORT_LIST', 'EXPORT_PROGRAM_REPORT') group by action"
                                        + " order by action",
                                supervisor))
                .as("the export names its families in the trail, as showing them did")
                .isEqualTo(List.of(List.of("EXPORT_PROGRAM_REPORT", "1"), List.of("READ_IDENTIFIED_REPORT_LIST", "2")));
    }

    @Test
    void aRangeEndingBeforeItStartsOrLongerThanThreeYearsIsRefusedWithTheReason() {
        Throwable backwards = assertThrows(
                RuntimeException.class,
                () -> as(
                        supervisor,
                        "supervisor",
                        () -> reports.report(new ReportFilter(null, null, today, today.minusDays(1), false))));
        assertThat(TestData.violationMessages(backwards))
                .containsExactly("The report's last day comes before its first.");
        Throwable tooLong = assertThrows(
                RuntimeException.class,
                () -> as(
                        supervisor,
                        "supervisor",
                        () -> reports.report(new ReportFilter(null, null, today.minusYears(4), today, false))));
        assertThat(TestData.violationMessages(tooLong))
                .containsExactly("A report covers at most three years; choose a shorter range.");
    }

    private ReportFilter thisMonth(Long program, String counselor, boolean mine) {
        return new ReportFilter(program, counselor, today.minusDays(30), today, mine);
    }

    /** A family of the program on the counselor's caseload, past its intake, with a loved one's episode opened. */
    private void familyWithAnEpisode(String suffix, String name, String counselor) {
        FamilyContact family = as(
                desk,
                "front-desk",
                () -> registry.register(new NewFamily(
                        name + "-" + suffix,
                        programId,
                        "en",
                        ReferralSource.SELF,
                        null,
                        List.of(new NewFamilyMember(
                                "Rosa " + name,
                                null,
                                50,
                                Relationship.PARENT,
                                null,
                                null,
                                "en",
                                false,
                                false,
                                true)))));
        as(supervisor, "supervisor", () -> assignments.assignPrimary(family.id(), counselor, null));
        String f = Long.toString(family.id());
        sql().update("update family set status = 'ACTIVE' where id = cast(? as bigint)", f);
        new TestData(sql())
                .episode(Long.parseLong(f))
                .by(counselor)
                .lovedOne("L.", "SIBLING")
                .insert();
    }

    private static <T> T as(String user, String role, Supplier<T> action) {
        return RunAs.user(user, Set.of(role), action);
    }

    private Sql sql() {
        return new Sql(dataSource::getConnection);
    }
}
