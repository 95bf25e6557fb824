package org.hearth.plans;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.annotation.Resource;
import jakarta.ejb.EJBAccessException;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.hearth.engagement.LevelOfCare;
import org.hearth.family.CaseAssignments;
import org.hearth.family.Caseload;
import org.hearth.family.CaseloadQuery;
import org.hearth.family.CaseloadRow;
import org.hearth.family.FamilyContact;
import org.hearth.family.FamilyRegistry;
import org.hearth.family.NewFamily;
import org.hearth.family.NewFamilyMember;
import org.hearth.family.ReferralSource;
import org.hearth.family.Relationship;
import org.hearth.providers.OudMedication;
import org.hearth.providers.Payment;
import org.hearth.security.Conflict;
import org.hearth.security.Invalid;
import org.hearth.security.NotFound;
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
 * An episode's ready plan in the real server and database: Hearth's suggested level, providers ranked by fit in
 * the database, the plan brought to ready and back with ready_since in step (and on the caseload), versions,
 * bad input named field by field with nothing saved, and who may do what, refusals audited.
 */
@ExtendWith({HearthStack.class, ArquillianExtension.class})
class ReadyPlansIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.hearthWith(ReadyPlansIT.class, PlanTestData.class);
    }

    @Inject
    private ReadyPlans plans;

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
    private String ben;
    private String supervisor;
    private String desk;
    private long programId;
    private long familyId;
    private long episodeId;
    private long residentialMedicaid;
    private long residentialPrivate;
    private long outpatientOnly;
    private long retired;
    private LocalDate today;

    @BeforeEach
    void aFamilyOfAnaWhoseSonIsRatedForResidentialCareAndADirectory() {
        suffix = UUID.randomUUID().toString().substring(0, 8);
        String program = "Plans " + suffix;
        TestData data = new TestData(sql());
        programId = data.program(program);
        ana = data.staff("ana-" + suffix, "counselor", program);
        ben = data.staff("ben-" + suffix, "counselor", program);
        supervisor = data.staff("sup-" + suffix, "supervisor", program);
        desk = data.staff("desk-" + suffix, "front-desk");
        today = LocalDate.now(ClinicTime.zone());
        familyId = familyOf(ana, "Okafor");
        // D5 (relapse potential) at 3: Hearth suggests residential care
        episodeId = new PlanTestData(sql()).episodeOf(familyId, ana, 1, 0, 1, 2, 3, 1);
        PlanTestData directory = new PlanTestData(sql());
        String city = "Plansville " + suffix;
        residentialMedicaid = directory.provider(
                "Harbor House " + suffix,
                city,
                10,
                true,
                7,
                Set.of("RESIDENTIAL", "WITHDRAWAL_MANAGEMENT"),
                Set.of("MEDICAID", "PRIVATE_INSURANCE"),
                Set.of("en", "es"),
                Set.of("BUPRENORPHINE_NALOXONE"));
        residentialPrivate = directory.provider(
                "Cedar Lodge " + suffix,
                city,
                120,
                true,
                2,
                Set.of("RESIDENTIAL"),
                Set.of("PRIVATE_INSURANCE"),
                Set.of("en"),
                Set.of());
        outpatientOnly = directory.provider(
                "Elm Street Clinic " + suffix,
                city,
                5,
                true,
                1,
                Set.of("OUTPATIENT"),
                Set.of("MEDICAID"),
                Set.of("es"),
                Set.of("BUPRENORPHINE_NALOXONE"));
        retired = directory.provider(
                "Old Mill " + suffix,
                city,
                5,
                false,
                1,
                Set.of("RESIDENTIAL"),
                Set.of("MEDICAID"),
                Set.of("es"),
                Set.of());
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
                        List.of(new NewFamilyMember(
                                "Grace " + name,
                                null,
                                45,
                                Relationship.PARENT,
                                null,
                                null,
                                "es",
                                false,
                                false,
                                true)))));
        RunAs.user(supervisor, Set.of("supervisor"), () -> assignments.assignPrimary(family.id(), counselor, null));
        return family.id();
    }

    @Test
    void aCounselorBuildsThePlanToReadyAndReadySinceFollowsEveryChange() {
        PlanView proposed = asAna(() -> plans.read(episodeId));
        assertThat(proposed.saved()).isFalse();
        assertThat(proposed.version()).isZero();
        assertThat(proposed.suggested().level()).isEqualTo(LevelOfCare.RESIDENTIAL);
        assertThat(proposed.needs())
                .as("prefilled: the suggested level and the family's language")
                .isEqualTo(new PlanNeeds(LevelOfCare.RESIDENTIAL, null, "es", null));
        assertThat(proposed.ready()).isFalse();
        assertThat(proposed.notReady()).startsWith(MissingStep.NO_PROVIDER);

        PlanView needs = asAna(() -> plans.confirmNeeds(
                episodeId,
                new PlanNeeds(LevelOfCare.RESIDENTIAL, Payment.MEDICAID, "es", OudMedication.BUPRENORPHINE_NALOXONE),
                0L));
        assertThat(needs.saved()).isTrue();
        assertThat(needs.suggested().alternative())
                .as("fentanyl use with buprenorphine wanted")
                .isEqualTo(LevelOfCare.OFFICE_BASED_BUPRENORPHINE);

        Suggestion.Page found = asAna(() -> plans.suggestions(episodeId, "plansville " + suffix, 0, 10));
        assertThat(found.total()).as("the retired entry is not offered").isEqualTo(3);
        assertThat(found.rows())
                .extracting(Suggestion::providerId)
                .as("all four fit, then the medication level with Medicaid and Spanish, then residential only")
                .containsExactly(residentialMedicaid, outpatientOnly, residentialPrivate);
        assertThat(found.rows().get(0).fit()).isEqualTo(new ProviderFit(Fit.FITS, Fit.FITS, Fit.FITS, Fit.FITS));
        assertThat(found.rows().get(2).fit())
                .isEqualTo(new ProviderFit(Fit.FITS, Fit.DOES_NOT_FIT, Fit.DOES_NOT_FIT, Fit.NOT_KNOWN));
        assertThat(found.rows().get(2).stale()).as("confirmed 120 days ago").isTrue();
        assertThat(found.rows().get(0).stale()).isFalse();
        assertThat(asAna(() -> plans.suggestions(episodeId, "plansville " + suffix, 1, 1))
                        .rows())
                .as("paged in the database")
                .extracting(Suggestion::providerId)
                .containsExactly(outpatientOnly);

        PlanView one = shortlist(residentialPrivate, needs.version());
        PlanView two = shortlist(residentialMedicaid, one.version());
        PlanView three = shortlist(outpatientOnly, two.version());
        assertThat(three.shortlist())
                .extracting(PlanView.Entry::providerId)
                .containsExactly(residentialPrivate, residentialMedicaid, outpatientOnly);
        assertThat(asAna(() -> plans.suggestions(episodeId, "plansville " + suffix, 0, 10))
                        .total())
                .as("shortlisted providers are not suggested again")
                .isZero();
        long harbor = three.shortlist().get(1).id();
        PlanView moved = asAna(() -> plans.moveOnShortlist(episodeId, harbor, 0, three.version()));
        assertThat(moved.shortlist())
                .extracting(PlanView.Entry::providerId)
                .containsExactly(residentialMedicaid, residentialPrivate, outpatientOnly);

        PlanView interviewed = asAna(() -> plans.updateEntry(
                episodeId,
                harbor,
                new EntryUpdate(
                        new Interview(today, 3, "5-day medical detox", "Suboxone", "Weekly family group", "$0", "IOP"),
                        true,
                        "Bed held until Friday",
                        new Preauthorization(PreauthState.REQUESTED, "Medicaid", "PA-77", today, null)),
                moved.version()));
        assertThat(interviewed.ready()).as("a slot, but payment not settled").isFalse();
        assertThat(interviewed.notReady()).contains(MissingStep.PREAUTH_NOT_SETTLED);
        assertThat(readySince()).isNull();
        assertThat(readyOnCaseload()).isFalse();

        PlanView ready = asAna(() -> plans.updateEntry(
                episodeId,
                harbor,
                new EntryUpdate(
                        new Interview(today, 3, "5-day medical detox", "Suboxone", "Weekly family group", "$0", "IOP"),
                        true,
                        "Bed held until Friday",
                        new Preauthorization(PreauthState.APPROVED, "Medicaid", "PA-77", today, today)),
                interviewed.version()));
        assertThat(ready.ready()).isTrue();
        assertThat(ready.shortlist().get(0).makesReady()).isTrue();
        assertThat(ready.notReady())
                .containsExactly(MissingStep.NO_TRANSPORT, MissingStep.NOBODY_GOING_ALONG, MissingStep.BAG_NOT_PACKED);
        assertThat(readySince()).isNotNull();
        assertThat(readyOnCaseload()).as("the caseload's badge").isTrue();
        assertThat(asAna(() -> plans.readyEpisodesOf(familyId))).containsExactly(episodeId);

        PlanView prepared = asAna(() -> plans.prepare(
                episodeId,
                new Preparations(
                        TransportKind.FAMILY_DRIVES,
                        "Grace (mother)",
                        "Grace and the uncle",
                        EnumSet.of(BagItem.PHOTO_ID, BagItem.MEDICATION_LIST, BagItem.PHONE_AND_CHARGER),
                        null),
                ready.version()));
        assertThat(prepared.notReady()).isEmpty();
        assertThat(asAna(() -> plans.notReadySteps(episodeId))).isEmpty();
        String since = readySince();
        assertThat(since).as("still ready: the day it became ready stays").isNotNull();

        PlanView denied = asAna(() -> plans.updateEntry(
                episodeId,
                harbor,
                new EntryUpdate(
                        null, true, null, new Preauthorization(PreauthState.DENIED, "Medicaid", "PA-77", today, today)),
                prepared.version()));
        assertThat(denied.ready()).isFalse();
        assertThat(readySince()).as("kept in step: no longer ready").isNull();
        assertThat(readyOnCaseload()).isFalse();
        PlanView removed = asAna(() -> plans.removeFromShortlist(episodeId, harbor, denied.version()));
        assertThat(removed.shortlist())
                .extracting(PlanView.Entry::position)
                .as("the others close up")
                .containsExactly(0, 1);
        assertThat(sql().query(
                                "select count(*) from audit_entry where action = 'CHANGE_READY_PLAN' and family_id = cast(? as"
                                        + " bigint) and username = ?",
                                Long.toString(familyId),
                                ana))
                .as("every change audited")
                .isEqualTo(List.of(List.of("10")));
    }

    @Test
    void aStaleVersionIsAConflictNamingThePlanAndBadInputIsNamedFieldByFieldWithNothingSaved() {
        PlanView first = shortlist(residentialMedicaid, 0L);
        Conflict stale = assertThrows(Conflict.class, () -> shortlist(outpatientOnly, 0L));
        assertThat(stale.getRecord()).isEqualTo("plan");
        assertThat(stale.getSubject()).isEqualTo(Conflict.Subject.STALE);
        long entry = first.shortlist().get(0).id();

        Invalid invalid = assertThrows(
                Invalid.class,
                () -> asAna(() -> plans.updateEntry(
                        episodeId,
                        entry,
                        new EntryUpdate(
                                new Interview(today.plusDays(2), 3, null, null, null, null, null),
                                true,
                                null,
                                new Preauthorization(PreauthState.APPROVED, null, null, today, today.minusDays(1))),
                        first.version())));
        assertThat(invalid.getReasons())
                .extracting(Invalid.Reason::field)
                .containsExactly("interview.interviewedOn", "preauth.payer", "preauth.decidedOn");
        assertThat(assertThrows(
                                Invalid.class,
                                () -> asAna(() -> plans.prepare(
                                        episodeId,
                                        new Preparations(TransportKind.SERVICE, " ", null, Set.of(), null),
                                        first.version())))
                        .getReasons())
                .extracting(Invalid.Reason::messageKey)
                .containsExactly("plan.transport.who.required");
        assertThat(assertThrows(Invalid.class, () -> asAna(() -> plans.shortlist(episodeId, retired, first.version())))
                        .getReasons())
                .extracting(Invalid.Reason::messageKey)
                .containsExactly("plan.provider.retired");
        assertThat(assertThrows(
                                Invalid.class,
                                () -> asAna(() -> plans.confirmNeeds(
                                        episodeId, new PlanNeeds(null, null, "Spanish", null), first.version())))
                        .getReasons())
                .extracting(Invalid.Reason::messageKey)
                .containsExactly("plan.language.code");
        assertThrows(NotFound.class, () -> asAna(() -> plans.shortlist(episodeId, -5L, first.version())));
        assertThrows(NotFound.class, () -> asAna(() -> plans.read(-5)));

        PlanView unchanged = asAna(() -> plans.read(episodeId));
        assertThat(unchanged.version()).as("nothing half saved").isEqualTo(first.version());
        assertThat(unchanged.shortlist().get(0).interview().interviewedOn()).isNull();
        assertThat(unchanged.shortlist().get(0).preauth().state()).isEqualTo(PreauthState.NOT_STARTED);
        assertThat(unchanged.preparations().transportKind()).isNull();
    }

    @Test
    void onlyTheFamilysCounselorsChangeItsSupervisorsReadAndOthersAreRefusedAndAudited() {
        PlanView saved = shortlist(residentialMedicaid, 0L);
        long bensFamily = familyOf(ben, "Adams");
        long bensEpisode = new PlanTestData(sql()).episodeOf(bensFamily, ben, 0, 0, 0, 0, 0, 0);

        assertThrows(Refused.class, () -> RunAs.user(ben, Set.of("counselor"), () -> plans.read(episodeId)));
        assertThrows(
                Refused.class,
                () -> RunAs.user(
                        ben, Set.of("counselor"), () -> plans.shortlist(episodeId, outpatientOnly, saved.version())));
        assertThrows(
                Refused.class,
                () -> RunAs.user(ben, Set.of("counselor"), () -> plans.suggestions(episodeId, null, 0, 5)));
        assertThat(sql().query(
                                "select count(*) from audit_entry where outcome = 'DENIED' and family_id = cast(? as bigint)"
                                        + " and username = ?",
                                Long.toString(familyId),
                                ben))
                .as("each refusal in the audit trail, naming the family")
                .isEqualTo(List.of(List.of("3")));
        assertThat(RunAs.user(
                        ben, Set.of("counselor"), () -> plans.read(bensEpisode).mayChange()))
                .as("his own family's plan")
                .isTrue();
        assertThat(RunAs.user(ben, Set.of("counselor"), () -> plans.read(bensEpisode)
                        .suggested()
                        .level()))
                .as("rated 0 everywhere: outpatient")
                .isEqualTo(LevelOfCare.OUTPATIENT);

        PlanView read = RunAs.user(supervisor, Set.of("supervisor"), () -> plans.read(episodeId));
        assertThat(read.shortlist()).hasSize(1);
        assertThat(read.mayChange()).isFalse();
        assertThrows(
                EJBAccessException.class,
                () -> RunAs.user(
                        supervisor,
                        Set.of("supervisor"),
                        () -> plans.removeFromShortlist(
                                episodeId, read.shortlist().get(0).id(), read.version())));
        assertThrows(
                EJBAccessException.class, () -> RunAs.user(desk, Set.of("front-desk"), () -> plans.read(episodeId)));
        assertThat(sql().query(
                                "select count(*) from audit_entry where action = 'READ_READY_PLAN' and username = ?"
                                        + " and family_id = cast(? as bigint)",
                                supervisor,
                                Long.toString(familyId)))
                .isEqualTo(List.of(List.of("1")));
        assertThat(sql().query(
                                "select count(*) from plan_provider e join ready_plan p on p.id = e.plan_id where"
                                        + " p.episode_id = cast(? as bigint)",
                                Long.toString(episodeId)))
                .as("nobody else changed it")
                .isEqualTo(List.of(List.of("1")));
    }

    @Test
    void anOpenWindowOfOpportunityIsShownWithWhatIsNotReadyYetAndAPastOneIsNot() {
        sql().update(
                        "update engagement_episode set window_open_until = current_date + 2 where id = cast(? as bigint)",
                        Long.toString(episodeId));
        PlanView open = asAna(() -> plans.read(episodeId));
        assertThat(open.windowOpenUntil()).isEqualTo(today.plusDays(2));
        assertThat(open.windowOpen()).isTrue();
        assertThat(open.notReady())
                .containsExactly(
                        MissingStep.NO_PROVIDER,
                        MissingStep.NO_TRANSPORT,
                        MissingStep.NOBODY_GOING_ALONG,
                        MissingStep.BAG_NOT_PACKED);
        sql().update(
                        "update engagement_episode set window_open_until = current_date - 1 where id = cast(? as bigint)",
                        Long.toString(episodeId));
        assertThat(asAna(() -> plans.read(episodeId)).windowOpen())
                .as("the window closed yesterday")
                .isFalse();
    }

    private PlanView shortlist(long provider, long version) {
        return asAna(() -> plans.shortlist(episodeId, provider, version));
    }

    private String readySince() {
        return sql().query(
                        "select ready_since from ready_plan where episode_id = cast(? as bigint)",
                        Long.toString(episodeId))
                .get(0)
                .get(0);
    }

    private boolean readyOnCaseload() {
        return asAna(() -> caseload.mine(new CaseloadQuery(
                        null, "Okafor " + suffix, CaseloadQuery.CaseloadSort.CASE_NUMBER, false, 0, 25)))
                .rows()
                .stream()
                .filter(r -> r.id() == familyId)
                .map(CaseloadRow::treatmentReady)
                .findFirst()
                .orElseThrow();
    }

    private <T> T asAna(Supplier<T> action) {
        return RunAs.user(ana, Set.of("counselor"), action);
    }

    private Sql sql() {
        return new Sql(dataSource::getConnection);
    }
}
