package org.hearth.wellbeing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.annotation.Resource;
import jakarta.ejb.EJBAccessException;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.Arrays;
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
import org.hearth.family.SafetyFlags;
import org.hearth.family.SafetyScreen;
import org.hearth.security.Invalid;
import org.hearth.security.NotFound;
import org.hearth.security.Refused;
import org.hearth.testing.Deployments;
import org.hearth.testing.HearthStack;
import org.hearth.testing.RunAs;
import org.hearth.testing.Sql;
import org.hearth.testing.TestData;
import org.hearth.time.ClinicTime;
import org.hearth.todo.Task;
import org.hearth.todo.Tasks;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Family members' PHQ-9 and GAD-7 in the real server and database: scored by Hearth, due at intake then four weeks
 * on, item 9 raising the safety flag and a task at once, bad answers named with nothing saved, and who may do what,
 * refusals audited.
 */
@ExtendWith({HearthStack.class, ArquillianExtension.class})
class MeasuresIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.hearthWith(MeasuresIT.class);
    }

    @Inject
    private Measures measures;

    @Inject
    private SafetyFlags safetyFlags;

    @Inject
    private Tasks tasks;

    @Inject
    private FamilyRegistry registry;

    @Inject
    private CaseAssignments assignments;

    @Resource(lookup = "java:jboss/datasources/HearthDS")
    private DataSource dataSource;

    private String suffix;
    private String ana;
    private String ben;
    private String supervisor;
    private String otherSupervisor;
    private String desk;
    private long programId;
    private long familyId;
    private long rosa;
    private long luis;
    private long abuela;
    private LocalDate today;

    @BeforeEach
    void aFamilyOfAnaWithTwoParticipatingMembersAndOneWhoDoesNotTakePart() {
        suffix = UUID.randomUUID().toString().substring(0, 8);
        String program = "Wellbeing " + suffix;
        TestData data = new TestData(sql());
        programId = data.program(program);
        String otherProgram = "Elsewhere " + suffix;
        data.program(otherProgram);
        ana = data.staff("ana-" + suffix, "counselor", program);
        ben = data.staff("ben-" + suffix, "counselor", program);
        supervisor = data.staff("sup-" + suffix, "supervisor", program);
        otherSupervisor = data.staff("sup2-" + suffix, "supervisor", otherProgram);
        desk = data.staff("desk-" + suffix, "front-desk");
        today = LocalDate.now(ClinicTime.zone());
        familyId = familyOf(ana, "Ortega");
        List<List<String>> members = sql().query(
                        "select id from family_member where family_id = cast(? as bigint) order by position",
                        Long.toString(familyId));
        rosa = Long.parseLong(members.get(0).get(0));
        luis = Long.parseLong(members.get(1).get(0));
        abuela = Long.parseLong(members.get(2).get(0));
    }

    private long familyOf(String counselor, String name) {
        FamilyContact family = RunAs.user(
                desk,
                Set.of("front-desk"),
                () -> registry.register(new NewFamily(
                        name + " " + suffix,
                        programId,
                        "es",
                        ReferralSource.SELF,
                        null,
                        List.of(
                                member("Rosa " + name, true),
                                member("Luis " + name, true),
                                member("Abuela " + name, false)))));
        RunAs.user(supervisor, Set.of("supervisor"), () -> assignments.assignPrimary(family.id(), counselor, null));
        return family.id();
    }

    private static NewFamilyMember member(String name, boolean participates) {
        return new NewFamilyMember(name, null, 45, Relationship.PARENT, null, null, "es", false, false, participates);
    }

    private static List<Integer> answers(String digits) {
        return digits.chars().mapToObj(c -> c - '0').toList();
    }

    private <T> T asAna(Supplier<T> action) {
        return RunAs.user(ana, Set.of("counselor"), action);
    }

    @Test
    void aCounselorRecordsAMeasureScoredByHearthAndTheMembersNextOneIsDueFourWeeksOn() {
        assertThat(asAna(() -> measures.due(familyId)))
                .as("every participating member due from the family's registration, the one not taking part not")
                .extracting(DueMeasure::firstName, DueMeasure::instrument, DueMeasure::dueOn, DueMeasure::due)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("Rosa", Instrument.PHQ9, today, true),
                        org.assertj.core.groups.Tuple.tuple("Rosa", Instrument.GAD7, today, true),
                        org.assertj.core.groups.Tuple.tuple("Luis", Instrument.PHQ9, today, true),
                        org.assertj.core.groups.Tuple.tuple("Luis", Instrument.GAD7, today, true));

        // hand-scored: 1+2+1+0+3+1+0+1+0 = 9, mild; 2+2+1+2+1+1+1 = 10, moderate
        RecordedMeasure phq = asAna(() ->
                measures.record(familyId, new NewMeasure(rosa, Instrument.PHQ9, null, answers("121031010"), 1, null)));
        RecordedMeasure gad = asAna(() -> measures.record(
                familyId, new NewMeasure(rosa, Instrument.GAD7, today, answers("2212111"), null, TakenBy.TABLET)));

        assertThat(phq.flagRaised()).isFalse();
        assertThat(phq.measure().total()).isEqualTo(9);
        assertThat(phq.measure().band()).isEqualTo(Band.MILD);
        assertThat(phq.measure().occasion()).isEqualTo(Occasion.INTAKE);
        assertThat(phq.measure().takenOn()).isEqualTo(today);
        assertThat(phq.measure().takenBy()).isEqualTo(TakenBy.WITH_COUNSELOR);
        assertThat(phq.measure().enteredBy()).isEqualTo(ana);
        assertThat(gad.measure().total()).isEqualTo(10);
        assertThat(gad.measure().band()).isEqualTo(Band.MODERATE);
        assertThat(asAna(() -> measures.forFamily(familyId)))
                .extracting(MeasureView::memberName, MeasureView::instrument, MeasureView::total)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("Rosa Ortega", Instrument.PHQ9, 9),
                        org.assertj.core.groups.Tuple.tuple("Rosa Ortega", Instrument.GAD7, 10));
        assertThat(asAna(() -> measures.read(phq.measure().id())).answers()).isEqualTo(answers("121031010"));
        assertThat(asAna(() -> measures.due(familyId)))
                .filteredOn(d -> d.memberId() == rosa)
                .extracting(DueMeasure::dueOn)
                .containsOnly(today.plusDays(28));
        assertThat(asAna(() -> tasks.mine()))
                .filteredOn(t -> t.familyId() == familyId && t.kind().equals("measureDue"))
                .extracting(Task::detail)
                .as("Luis still due today; Rosa in four weeks, beyond the list's week")
                .containsExactly("Luis");
        assertThat(sql().query(
                                "select action, count(*) from audit_entry where family_id = cast(? as bigint) and username = ?"
                                        + " and action in ('RECORD_MEASURE', 'READ_MEASURES', 'READ_MEASURE')"
                                        + " group by action order by action",
                                Long.toString(familyId),
                                ana))
                .containsExactly(
                        List.of("READ_MEASURE", "1"), List.of("READ_MEASURES", "1"), List.of("RECORD_MEASURE", "2"));
    }

    @Test
    void anItem9AnswerAboveZeroRaisesTheFlagAtOnceAndPutsASafetyCheckOnTheCounselorsList() {
        RecordedMeasure recorded = asAna(() -> measures.record(
                familyId, new NewMeasure(luis, Instrument.PHQ9, null, answers("000000001"), null, null)));

        assertThat(recorded.flagRaised()).isTrue();
        assertThat(recorded.measure().selfHarm()).isTrue();
        assertThat(recorded.measure().band())
                .as("a total of 1 is minimal: item 9 matters all the same")
                .isEqualTo(Band.MINIMAL);
        assertThat(asAna(() -> safetyFlags.standing(familyId)))
                .extracting(SafetyFlags.StandingRaise::reason, SafetyFlags.StandingRaise::source)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(
                        SafetyScreen.FlagReason.MEMBER_SELF_HARM, "PHQ-9 of " + today));
        assertThat(asAna(() -> tasks.mine()))
                .filteredOn(t -> t.familyId() == familyId && t.kind().equals("safetyCheck"))
                .extracting(Task::dueOn)
                .containsExactly(today);
        assertThat(sql().query(
                                "select count(*) from audit_entry where family_id = cast(? as bigint) and action = 'RAISE_SAFETY_FLAG'",
                                Long.toString(familyId)))
                .isEqualTo(List.of(List.of("1")));

        RecordedMeasure gad = asAna(() ->
                measures.record(familyId, new NewMeasure(luis, Instrument.GAD7, null, answers("3333333"), null, null)));
        assertThat(gad.flagRaised()).as("the GAD-7 has no item 9").isFalse();
    }

    @Test
    void badAnswersAreNamedQuestionByQuestionAndNothingIsSaved() {
        Invalid missing = assertThrows(
                Invalid.class,
                () -> asAna(() -> measures.record(
                        familyId,
                        new NewMeasure(
                                rosa,
                                Instrument.PHQ9,
                                today.plusDays(1),
                                Arrays.asList(1, null, 2, 4, 0, 0, 0, 0),
                                null,
                                null))));
        assertThat(missing.getReasons())
                .extracting(Invalid.Reason::field)
                .containsExactly("takenOn", "answers[1]", "answers[3]", "answers[8]");
        assertThat(missing.getReasons().get(1).englishText()).isEqualTo("Question 2 needs an answer.");

        Invalid notTakingPart = assertThrows(
                Invalid.class,
                () -> asAna(() -> measures.record(
                        familyId, new NewMeasure(abuela, Instrument.GAD7, null, answers("0000000"), null, null))));
        assertThat(notTakingPart.getReasons())
                .extracting(Invalid.Reason::messageKey)
                .containsExactly("measure.member.notParticipating");
        Invalid noInstrument = assertThrows(
                Invalid.class,
                () -> asAna(() -> measures.record(familyId, new NewMeasure(null, null, null, null, null, null))));
        assertThat(noInstrument.getReasons())
                .extracting(Invalid.Reason::field)
                .containsExactly("memberId", "instrument");

        asAna(() ->
                measures.record(familyId, new NewMeasure(rosa, Instrument.GAD7, null, answers("0000000"), null, null)));
        Invalid twice = assertThrows(
                Invalid.class,
                () -> asAna(() -> measures.record(
                        familyId, new NewMeasure(rosa, Instrument.GAD7, null, answers("1111111"), null, null))));
        assertThat(twice.getReasons())
                .extracting(Invalid.Reason::messageKey)
                .containsExactly("measure.takenOn.already");

        // the tablet's two questionnaires are saved together or not at all
        assertThrows(
                Invalid.class,
                () -> asAna(() -> measures.recordTogether(
                        familyId,
                        List.of(
                                new NewMeasure(luis, Instrument.PHQ9, null, answers("000000000"), null, TakenBy.TABLET),
                                new NewMeasure(
                                        luis, Instrument.GAD7, null, answers("000000"), null, TakenBy.TABLET)))));
        assertThat(sql().query(
                                "select count(*) from wellbeing_measure where family_id = cast(? as bigint)",
                                Long.toString(familyId)))
                .as("only Rosa's one good GAD-7")
                .isEqualTo(List.of(List.of("1")));
    }

    @Test
    void onlyTheFamilysCounselorsRecordItsSupervisorsReadAndEveryoneElseIsRefusedAndAudited() {
        RecordedMeasure saved = asAna(() -> measures.record(
                familyId, new NewMeasure(rosa, Instrument.PHQ9, null, answers("111111110"), null, null)));
        long measureId = saved.measure().id();

        assertThrows(Refused.class, () -> RunAs.user(ben, Set.of("counselor"), () -> measures.forFamily(familyId)));
        assertThrows(Refused.class, () -> RunAs.user(ben, Set.of("counselor"), () -> measures.read(measureId)));
        assertThrows(
                Refused.class,
                () -> RunAs.user(
                        ben,
                        Set.of("counselor"),
                        () -> measures.record(
                                familyId,
                                new NewMeasure(luis, Instrument.GAD7, null, answers("0000000"), null, null))));
        assertThrows(
                Refused.class, () -> RunAs.user(ben, Set.of("counselor"), () -> measures.handTablet(familyId, luis)));
        assertThat(sql().query(
                                "select count(*) from audit_entry where outcome = 'DENIED' and family_id = cast(? as bigint)"
                                        + " and username = ?",
                                Long.toString(familyId),
                                ben))
                .as("each refusal in the audit trail, naming the family")
                .isEqualTo(List.of(List.of("4")));

        assertThrows(
                EJBAccessException.class,
                () -> RunAs.user(desk, Set.of("front-desk"), () -> measures.forFamily(familyId)));
        assertThrows(
                Refused.class,
                () -> RunAs.user(otherSupervisor, Set.of("supervisor"), () -> measures.forFamily(familyId)));

        assertThat(RunAs.user(supervisor, Set.of("supervisor"), () -> measures.forFamily(familyId)))
                .extracting(MeasureView::total)
                .containsExactly(8);
        assertThat(RunAs.user(supervisor, Set.of("supervisor"), () -> measures.due(familyId)))
                .isNotEmpty();
        assertThrows(
                Refused.class,
                () -> RunAs.user(
                        supervisor,
                        Set.of("supervisor"),
                        () -> measures.record(
                                familyId,
                                new NewMeasure(luis, Instrument.GAD7, null, answers("0000000"), null, null))));
        assertThrows(
                Refused.class,
                () -> RunAs.user(supervisor, Set.of("supervisor"), () -> measures.handTablet(familyId, luis)));

        long bensFamily = familyOf(ben, "Adams");
        long bensMember = Long.parseLong(sql().query(
                        "select id from family_member where family_id = cast(? as bigint) and position = 1",
                        Long.toString(bensFamily))
                .get(0)
                .get(0));
        assertThrows(
                NotFound.class,
                () -> asAna(() -> measures.record(
                        familyId, new NewMeasure(bensMember, Instrument.GAD7, null, answers("0000000"), null, null))),
                "a member of another family is answered as a record not hers");
        assertThrows(NotFound.class, () -> asAna(() -> measures.handTablet(familyId, bensMember)));
        assertThrows(NotFound.class, () -> asAna(() -> measures.read(-5)));

        TabletMember handed = asAna(() -> measures.handTablet(familyId, luis));
        assertThat(handed.firstName()).isEqualTo("Luis");
        assertThat(handed.language()).isEqualTo("es");
        assertThat(sql().query(
                                "select count(*) from wellbeing_measure where family_id in (cast(? as bigint), cast(? as bigint))",
                                Long.toString(familyId),
                                Long.toString(bensFamily)))
                .as("nobody else recorded anything")
                .isEqualTo(List.of(List.of("1")));
    }

    private Sql sql() {
        return new Sql(dataSource::getConnection);
    }
}
