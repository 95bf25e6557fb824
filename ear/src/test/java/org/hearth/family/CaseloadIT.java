package org.hearth.family;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.annotation.Resource;
import jakarta.ejb.EJBAccessException;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.hearth.family.CaseloadQuery.CaseloadSort;
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

/** "My caseload" in the real database: primary and covering families, search, filter, pages, who may read. */
@ExtendWith({HearthStack.class, ArquillianExtension.class})
class CaseloadIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.hearthWith(CaseloadIT.class);
    }

    @Inject
    private Caseload caseload;

    @Inject
    private FamilyRegistry registry;

    @Inject
    private CaseAssignments assignments;

    @Resource(lookup = "java:jboss/datasources/HearthDS")
    private DataSource dataSource;

    private String suffix;
    private String ana;
    private String supervisor;
    private FamilyContact primary;
    private FamilyContact coveredNow;
    private FamilyContact coveredBefore;
    private FamilyContact someoneElses;

    @BeforeEach
    void anaIsPrimaryForOneFamilyAndCoversAnother() {
        suffix = UUID.randomUUID().toString().substring(0, 8);
        String program = "Program " + suffix;
        long programId = data().program(program);
        ana = staff("ana", "counselor", program);
        String ben = staff("ben", "counselor", program);
        supervisor = staff("sup", "supervisor", program);

        primary = register(programId, "Alvarez");
        coveredNow = register(programId, "Brooks");
        coveredBefore = register(programId, "Castillo");
        someoneElses = register(programId, "Duarte");
        LocalDate today = LocalDate.now(ClinicTime.zone());
        RunAs.user(supervisor, Set.of("supervisor"), () -> {
            assignments.assignPrimary(primary.id(), ana, null);
            for (FamilyContact family : List.of(coveredNow, coveredBefore, someoneElses)) {
                assignments.assignPrimary(family.id(), ben, null);
            }
            assignments.assignCovering(
                    coveredNow.id(), new CoveringAssignment(ana, today.minusDays(1), today.plusDays(3), "Ben away"));
            return assignments.assignCovering(
                    coveredBefore.id(),
                    new CoveringAssignment(ana, today.minusDays(20), today.minusDays(10), "Ben away before"));
        });
    }

    @Test
    void aCounselorSeesTheirPrimaryFamiliesAndThoseTheyCoverToday() {
        CaseloadPage page = asAna(CaseloadQuery.firstPage());

        assertEquals(2, page.total());
        assertEquals(List.of(primary.id(), coveredNow.id()), ids(page));
        assertEquals(
                List.of(true, true),
                page.rows().stream().map(CaseloadRow::intakeIncomplete).toList());
    }

    @Test
    void theListIsSearchedFilteredSortedAndPagedInTheDatabase() {
        assertEquals(
                List.of(coveredNow.id()),
                ids(asAna(new CaseloadQuery(null, "brook", CaseloadSort.CASE_NUMBER, false, 0, 25))));
        assertEquals(
                List.of(primary.id()),
                ids(asAna(new CaseloadQuery(
                        null, primary.caseNumber().toLowerCase(), CaseloadSort.CASE_NUMBER, false, 0, 25))));
        assertEquals(
                0,
                asAna(new CaseloadQuery(FamilyStatus.ACTIVE, null, CaseloadSort.CASE_NUMBER, false, 0, 25))
                        .total());

        CaseloadPage firstOfTwo =
                asAna(new CaseloadQuery(FamilyStatus.INTAKE, null, CaseloadSort.FAMILY_NAME, true, 0, 1));
        CaseloadPage secondOfTwo =
                asAna(new CaseloadQuery(FamilyStatus.INTAKE, null, CaseloadSort.FAMILY_NAME, true, 1, 1));
        assertEquals(2, firstOfTwo.total());
        assertEquals(List.of(coveredNow.id()), ids(firstOfTwo), "Brooks before Alvarez, descending");
        assertEquals(List.of(primary.id()), ids(secondOfTwo));
    }

    @Test
    void aSupervisorReadsTheCaseloadOfTheirProgramsCounselorsOnly() {
        CaseloadPage seen = RunAs.user(
                supervisor, Set.of("supervisor"), () -> caseload.ofCounselor(ana, CaseloadQuery.firstPage()));
        assertEquals(List.of(primary.id(), coveredNow.id()), ids(seen));

        data().program("Other " + suffix);
        String stranger = staff("stranger", "supervisor", "Other " + suffix);
        assertThrows(
                Refused.class,
                () -> RunAs.user(
                        stranger, Set.of("supervisor"), () -> caseload.ofCounselor(ana, CaseloadQuery.firstPage())));
    }

    @Test
    void aSupervisorCountsTheFamiliesOfEveryCounselorOfTheirProgramsThoseWithoutFamiliesToo() {
        String ben = "ben-" + suffix;
        String cy = staff("cy", "counselor", "Program " + suffix);

        List<CounselorCaseload> counselors =
                RunAs.user(supervisor, Set.of("supervisor"), () -> caseload.counselorsOfMyPrograms());

        assertEquals(
                List.of(
                        new CounselorCaseload(ana, ana, 2, 2, 0),
                        new CounselorCaseload(ben, ben, 3, 3, 0),
                        new CounselorCaseload(cy, cy, 0, 0, 0)),
                counselors,
                "Ana: her primary family and the one she covers today; Ben: his three; Cy: none");
    }

    @Test
    void frontDeskHasNoCaseload() {
        assertThrows(
                EJBAccessException.class,
                () -> RunAs.user(
                        "desk-" + suffix, Set.of("front-desk"), () -> caseload.mine(CaseloadQuery.firstPage())));
    }

    private CaseloadPage asAna(CaseloadQuery query) {
        return RunAs.user(ana, Set.of("counselor"), () -> caseload.mine(query));
    }

    private static List<Long> ids(CaseloadPage page) {
        return page.rows().stream().map(CaseloadRow::id).toList();
    }

    private FamilyContact register(long programId, String name) {
        return RunAs.user(
                "desk-" + suffix,
                Set.of("front-desk"),
                () -> registry.register(new NewFamily(
                        name,
                        programId,
                        "en",
                        ReferralSource.SELF,
                        null,
                        List.of(new NewFamilyMember(
                                name + " parent",
                                null,
                                50,
                                Relationship.PARENT,
                                null,
                                null,
                                "en",
                                false,
                                false,
                                true)))));
    }

    private String staff(String name, String roles, String program) {
        return data().staff(name + "-" + suffix, roles, program);
    }

    private TestData data() {
        return new TestData(sql());
    }

    private Sql sql() {
        return new Sql(dataSource::getConnection);
    }
}
