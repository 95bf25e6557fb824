package org.hearth.family;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Resource;
import jakarta.ejb.EJBAccessException;
import jakarta.ejb.EJBException;
import jakarta.inject.Inject;
import jakarta.persistence.OptimisticLockException;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.hearth.engagement.EpisodeStatus;
import org.hearth.security.Conflict;
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
 * The intake and the family record in the real server and database: who may read and write them, drafts,
 * completion, the safety flag on the caseload, conflicts, closing and reopening, and the audit trail.
 */
@ExtendWith({HearthStack.class, ArquillianExtension.class})
class IntakesIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.hearthWith(IntakesIT.class);
    }

    @Inject
    private Intakes intakes;

    @Inject
    private FamilyRecords records;

    @Inject
    private FamilyRegistry registry;

    @Inject
    private CaseAssignments assignments;

    @Inject
    private Caseload caseload;

    @Resource(lookup = "java:jboss/datasources/HearthDS")
    private DataSource dataSource;

    private String suffix;
    private String ana;
    private String ben;
    private String supervisor;
    private String desk;
    private FamilyContact family;

    @BeforeEach
    void anaCounselsAFamilyInIntake() {
        suffix = UUID.randomUUID().toString().substring(0, 8);
        String program = "Program " + suffix;
        TestData data = new TestData(sql());
        long programId = data.program(program);
        ana = data.staff("ana-" + suffix, "counselor", program);
        ben = data.staff("ben-" + suffix, "counselor", program);
        supervisor = data.staff("sup-" + suffix, "supervisor", program);
        desk = data.staff("desk-" + suffix, "front-desk");
        family = RunAs.user(
                desk,
                Set.of("front-desk"),
                () -> registry.register(new NewFamily(
                        "Okafor",
                        programId,
                        "en",
                        ReferralSource.SELF,
                        null,
                        List.of(
                                member("Grace Okafor", true),
                                member("Paul Okafor", true),
                                member("Aunt Okafor", false)))));
        RunAs.user(supervisor, Set.of("supervisor"), () -> assignments.assignPrimary(family.id(), ana, null));
    }

    @Test
    void theCounselorSavesADraftResumesItAndCompletesItOpeningARefusingEpisode() {
        IntakeView draft = asAna(() -> intakes.saveDraft(family.id(), fullIntake(null)));
        assertEquals(IntakeState.DRAFT, draft.state());
        assertEquals(2, draft.participants().size(), "the member not taking part gives no readiness ruler");

        IntakeView resumed = asAna(() -> intakes.read(family.id()));
        assertEquals("Son uses fentanyl, refuses treatment", resumed.form().getPresentingConcern());
        assertEquals(2, resumed.form().getLovedOnes().size());
        assertEquals(4, resumed.form().getLovedOnes().get(0).getAsam().get(3).getRating());

        IntakeView completed =
                asAna(() -> intakes.complete(family.id(), resumed.form().getVersion()));

        assertEquals(IntakeState.COMPLETED, completed.state());
        assertEquals(ana, completed.completedBy());
        assertNotNull(completed.completedAt());
        FamilyRecord record = asAna(() -> records.open(family.id()));
        assertEquals(FamilyStatus.ACTIVE, record.status());
        assertEquals(LocalDate.now(ClinicTime.zone()), record.lastContactOn(), "the clinic's today, not the server's");
        assertEquals(
                List.of(EpisodeStatus.REFUSING.name()),
                record.clinical().lovedOnes().stream()
                        .map(FamilyRecord.LovedOneSummary::episodeStatus)
                        .filter(Objects::nonNull)
                        .toList(),
                "the loved one in treatment gets no episode");
        assertEquals(
                List.of(List.of("REFUSING")),
                sql().query(
                                "select status from engagement_episode where family_id = cast(? as bigint)",
                                String.valueOf(family.id())));
        assertEquals(
                List.of(
                        List.of("SAVE_INTAKE", "ALLOWED"),
                        List.of("READ_INTAKE", "ALLOWED"),
                        List.of("COMPLETE_INTAKE", "ALLOWED")),
                sql().query(
                                "select action, outcome from audit_entry where username = ? and entity_type = 'Intake' order by id",
                                ana));
        assertThrows(
                Conflict.class,
                () -> asAna(() -> intakes.saveDraft(
                        family.id(), fullIntake(completed.form().getVersion()))),
                "a completed intake is read-only");
    }

    @Test
    void anIncompleteIntakeNamesWhatIsMissingAndChangesNothing() {
        IntakeForm partial = new IntakeForm();
        partial.setPresentingConcern("Daughter drinks");
        IntakeView draft = asAna(() -> intakes.saveDraft(family.id(), partial));

        Invalid incomplete = assertThrows(
                Invalid.class,
                () -> asAna(() -> intakes.complete(family.id(), draft.form().getVersion())));

        assertTrue(incomplete.getReasons().stream().anyMatch(m -> m.field().equals("lovedOnes")));
        assertEquals(
                2,
                incomplete.getReasons().stream()
                        .filter(m -> m.field().startsWith("readiness"))
                        .count());
        assertEquals(FamilyStatus.INTAKE, asAna(() -> records.open(family.id())).status());
        assertEquals(
                List.of(),
                sql().query(
                                "select id from engagement_episode where family_id = cast(? as bigint)",
                                String.valueOf(family.id())));
    }

    @Test
    void aPositiveSafetyScreenFlagsTheFamilyOnTheCaseloadAndPromptsNaloxone() {
        IntakeView draft = asAna(() -> intakes.saveDraft(family.id(), fullIntake(null)));

        assertTrue(draft.safetyFlag());
        assertEquals(List.of(SafetyScreen.FlagReason.OVERDOSE_RISK), draft.flagReasons());
        assertTrue(draft.offerNaloxone());
        CaseloadRow row =
                asAna(() -> caseload.mine(CaseloadQuery.firstPage())).rows().get(0);
        assertTrue(row.safetyFlag());
        assertTrue(row.intakeIncomplete());
    }

    @Test
    void anotherCounselorAskingForTheFamilyByIdIsRefusedAndAudited() {
        asAna(() -> intakes.saveDraft(family.id(), fullIntake(null)));

        assertThrows(Refused.class, () -> RunAs.user(ben, Set.of("counselor"), () -> intakes.read(family.id())));
        assertThrows(Refused.class, () -> RunAs.user(ben, Set.of("counselor"), () -> records.open(family.id())));
        assertThrows(
                Refused.class,
                () -> RunAs.user(ben, Set.of("counselor"), () -> intakes.saveDraft(family.id(), new IntakeForm())));

        assertEquals(
                List.of(List.of("DENIED"), List.of("DENIED"), List.of("DENIED")),
                sql().query("select outcome from audit_entry where username = ? order by id", ben));
    }

    @Test
    void theFrontDeskSeesContactsOnlyAndCannotReachTheIntake() {
        asAna(() -> intakes.saveDraft(family.id(), fullIntake(null)));

        FamilyRecord seen = RunAs.user(desk, Set.of("front-desk"), () -> records.open(family.id()));

        assertNull(seen.clinical(), "no clinical summary for the front desk");
        assertEquals("Grace Okafor", seen.members().get(0).fullName());
        assertThrows(
                EJBAccessException.class,
                () -> RunAs.user(desk, Set.of("front-desk"), () -> intakes.read(family.id())));
    }

    @Test
    void theSupervisorReadsTheIntakeButDoesNotWriteIt() {
        asAna(() -> intakes.saveDraft(family.id(), fullIntake(null)));

        IntakeView read = RunAs.user(supervisor, Set.of("supervisor"), () -> intakes.read(family.id()));

        assertEquals(2, read.form().getLovedOnes().size());
        assertThrows(
                EJBAccessException.class,
                () -> RunAs.user(
                        supervisor, Set.of("supervisor"), () -> intakes.saveDraft(family.id(), new IntakeForm())));
    }

    @Test
    void savingOverSomeoneElsesNewerVersionIsAConflictAndSavesNothing() {
        IntakeView first = asAna(() -> intakes.saveDraft(family.id(), fullIntake(null)));
        IntakeForm newer = fullIntake(first.form().getVersion());
        newer.setFamilyGoals("Newer goals");
        asAna(() -> intakes.saveDraft(family.id(), newer));

        IntakeForm stale = fullIntake(first.form().getVersion());
        stale.setFamilyGoals("Stale goals");
        Throwable conflict = assertThrows(Exception.class, () -> asAna(() -> intakes.saveDraft(family.id(), stale)));
        assertTrue(isOptimisticLock(conflict), conflict.toString());
        assertEquals(
                "Newer goals", asAna(() -> intakes.read(family.id())).form().getFamilyGoals());

        FamilyRecord record = RunAs.user(desk, Set.of("front-desk"), () -> records.open(family.id()));
        FamilyUpdate rename = new FamilyUpdate(
                "Okafor-Reyes", "es", ReferralSource.SELF, null, record.membersAsEntered(), record.version());
        FamilyRecord renamed = RunAs.user(desk, Set.of("front-desk"), () -> records.update(family.id(), rename));
        assertEquals("Okafor-Reyes", renamed.familyName());
        Throwable second = assertThrows(
                Exception.class,
                () -> RunAs.user(desk, Set.of("front-desk"), () -> records.update(family.id(), rename)));
        assertTrue(isOptimisticLock(second), second.toString());
    }

    @Test
    void theCounselorClosesTheFamilyWithAReasonAndOnlyTheSupervisorReopensIt() {
        FamilyRecord open = asAna(() -> records.open(family.id()));

        FamilyRecord closed = asAna(() -> records.close(family.id(), "Family moved out of state", open.version()));

        assertEquals(FamilyStatus.CLOSED, closed.status());
        assertEquals("Family moved out of state", closed.closureReason());
        assertThrows(Conflict.class, () -> asAna(() -> intakes.saveDraft(family.id(), fullIntake(null))));
        assertThrows(EJBAccessException.class, () -> asAna(() -> records.reopen(family.id(), closed.version())));
        FamilyRecord reopened =
                RunAs.user(supervisor, Set.of("supervisor"), () -> records.reopen(family.id(), closed.version()));
        assertEquals(FamilyStatus.INTAKE, reopened.status(), "its intake was never completed");
        assertNull(reopened.closureReason());
    }

    /**
     * The services report a stale version as a Conflict (STALE); the database's own OptimisticLockException
     * at a flush is a system exception, which the container wraps in an EJBException
     * (EJBTransactionRolledbackException inside a caller's transaction). Only those wrappers are looked through.
     */
    private static boolean isOptimisticLock(Throwable thrown) {
        Throwable cause = thrown;
        while (cause instanceof EJBException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause instanceof Conflict stale && stale.getSubject() == Conflict.Subject.STALE
                || cause instanceof OptimisticLockException;
    }

    private IntakeForm fullIntake(Long version) {
        FamilyRecord record = asAna(() -> records.open(family.id()));
        IntakeForm form = new IntakeForm();
        form.setVersion(version);
        form.setPresentingConcern("Son uses fentanyl, refuses treatment");
        form.setFamilyGoals("Stay connected, keep him alive");
        form.setSafety(new SafetyScreen(false, true, false, false, true, true, false, false));
        LovedOneForm son = lovedOne("J.", false);
        LovedOneForm brother = lovedOne("Uncle M.", true);
        form.setLovedOnes(List.of(son, brother));
        for (FamilyRecord.Member member : record.members()) {
            if (member.participates()) {
                form.getReadiness().add(new MemberReadiness(member.id(), 9, 4, 7));
            }
        }
        form.setTreatmentConsentSigned(true);
        form.setTreatmentConsentOn(LocalDate.now(ClinicTime.zone()));
        return form;
    }

    private static LovedOneForm lovedOne(String alias, boolean inTreatment) {
        LovedOneForm lovedOne = new LovedOneForm();
        lovedOne.setAlias(alias);
        lovedOne.setAgeYears(24);
        lovedOne.setRelationship(LovedOneRelationship.SON_OR_DAUGHTER);
        lovedOne.setSubstances(List.of(Substance.FENTANYL, Substance.BENZODIAZEPINES));
        lovedOne.setRoutes(List.of(Route.SMOKING));
        lovedOne.setInTreatment(inTreatment);
        lovedOne.setMedication(inTreatment ? Medication.BUPRENORPHINE : Medication.NONE);
        lovedOne.setStageOfChange(StageOfChange.PRECONTEMPLATION);
        lovedOne.setAsam(List.of(
                new AsamRating(2, null),
                new AsamRating(1, null),
                new AsamRating(2, "anxious"),
                new AsamRating(4, "refuses any help"),
                new AsamRating(4, null),
                new AsamRating(3, null)));
        return lovedOne;
    }

    private static NewFamilyMember member(String name, boolean participates) {
        return new NewFamilyMember(
                name,
                null,
                50,
                Relationship.PARENT,
                "555-010-" + Math.abs(name.hashCode() % 9000 + 1000),
                null,
                "en",
                true,
                false,
                participates);
    }

    private <T> T asAna(Supplier<T> action) {
        return RunAs.user(ana, Set.of("counselor"), action);
    }

    private Sql sql() {
        return new Sql(dataSource::getConnection);
    }
}
