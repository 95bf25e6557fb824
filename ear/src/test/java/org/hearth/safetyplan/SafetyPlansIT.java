package org.hearth.safetyplan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.annotation.Resource;
import jakarta.ejb.EJBAccessException;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.hearth.family.CaseAssignments;
import org.hearth.family.Caseload;
import org.hearth.family.CaseloadQuery;
import org.hearth.family.CaseloadRow;
import org.hearth.family.FamilyContact;
import org.hearth.family.FamilyRecords;
import org.hearth.family.FamilyRegistry;
import org.hearth.family.NewFamily;
import org.hearth.family.NewFamilyMember;
import org.hearth.family.ReferralSource;
import org.hearth.family.Relationship;
import org.hearth.family.SafetyFlags;
import org.hearth.family.SafetyScreen;
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
import org.hearth.todo.Task;
import org.hearth.todo.Tasks;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The written safety plan in the real server and database: versions signed by the counselor, reviews, the printed
 * copy in the family's language without a forbidden word, the review due on the to-do list while the flag stands,
 * bad input named field by field with nothing saved, 409 on a stale version, who may do what (refusals audited),
 * and lowering a raised safety flag.
 */
@ExtendWith({HearthStack.class, ArquillianExtension.class})
class SafetyPlansIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.hearthWith(SafetyPlansIT.class);
    }

    @Inject
    private SafetyPlans plans;

    @Inject
    private SafetyFlags flags;

    @Inject
    private Tasks tasks;

    @Inject
    private Caseload caseload;

    @Inject
    private FamilyRecords records;

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
    private List<Long> members;
    private LocalDate today;

    @BeforeEach
    void aFamilyOfAnaWhoseIntakeFoundViolenceAtHome() {
        suffix = UUID.randomUUID().toString().substring(0, 8);
        String program = "Safety " + suffix;
        TestData data = new TestData(sql());
        programId = data.program(program);
        data.program("Other safety " + suffix);
        ana = data.staff("ana-" + suffix, "counselor", program);
        ben = data.staff("ben-" + suffix, "counselor", program);
        supervisor = data.staff("sup-" + suffix, "supervisor", program);
        otherSupervisor = data.staff("other-sup-" + suffix, "supervisor", "Other safety " + suffix);
        desk = data.staff("desk-" + suffix, "front-desk");
        today = LocalDate.now(ClinicTime.zone());
        familyId = familyOf(ana, "Okafor " + suffix, "es", "Grace Okafor", "Paul Okafor");
        intake(familyId, true, true);
        members = membersOf(familyId);
    }

    private long familyOf(String counselor, String name, String language, String... memberNames) {
        FamilyContact family = RunAs.user(
                desk,
                Set.of("front-desk"),
                () -> registry.register(new NewFamily(
                        name,
                        programId,
                        language,
                        ReferralSource.SELF,
                        null,
                        Arrays.stream(memberNames)
                                .map(m -> new NewFamilyMember(
                                        m, null, 45, Relationship.PARENT, null, null, language, false, false, true))
                                .toList())));
        RunAs.user(supervisor, Set.of("supervisor"), () -> assignments.assignPrimary(family.id(), counselor, null));
        return family.id();
    }

    private void intake(long family, boolean flagged, boolean violence) {
        sql().update(
                        "insert into intake (family_id, safety_flag, domestic_violence, started_by, started_at,"
                                + " updated_by, updated_at, completed_by, completed_at) values (cast(? as bigint),"
                                + " cast(? as boolean), cast(? as boolean), ?, now(), ?, now(), ?, now())",
                        Long.toString(family),
                        Boolean.toString(flagged),
                        Boolean.toString(violence),
                        ana,
                        ana,
                        ana);
    }

    private List<Long> membersOf(long family) {
        return sql()
                .query(
                        "select id from family_member where family_id = cast(? as bigint) order by id",
                        Long.toString(family))
                .stream()
                .map(row -> Long.parseLong(row.get(0)))
                .toList();
    }

    private SafetyPlanContent content(String contactPhone, SafetyPlanContent.LeavingSafely leaving) {
        return new SafetyPlanContent(
                List.of("Shouting after midnight", "Money missing from the jar"),
                List.of(
                        new SafetyPlanContent.MemberPart(members.get(0), "Takes the children to Rosa's"),
                        new SafetyPlanContent.MemberPart(members.get(1), "Calls the crisis line")),
                List.of(new SafetyPlanContent.Contact("Aunt Rosa", "aunt", contactPhone)),
                "Top kitchen drawer",
                List.of(members.get(0)),
                leaving);
    }

    private static SafetyPlanContent.LeavingSafely leaving(boolean leftOffPrint) {
        return new SafetyPlanContent.LeavingSafely(
                "Rosa's flat",
                "Bus 12 from the corner",
                "Papers and the phone charger",
                "sunflower",
                "Rosa",
                leftOffPrint);
    }

    @Test
    void aCounselorSignsVersionsReviewsWithoutAChangeAndPrintsInTheFamilysLanguage() throws IOException {
        SafetyPlanView none = asAna(() -> plans.read(familyId));
        assertThat(none.exists()).isFalse();
        assertThat(none.due().noPlan())
                .as("flagged without a plan: due at once")
                .isTrue();
        assertThat(none.leavingAllowed()).isTrue();

        SafetyPlanView first = asAna(() -> plans.save(familyId, content("(212) 555-0147", leaving(false)), null));
        assertThat(first.number()).isEqualTo(1);
        assertThat(first.signedByName()).isNotBlank();
        assertThat(first.due().dueOn()).isEqualTo(today.plusDays(90));
        assertThat(first.due().overdue()).isFalse();
        assertThat(first.nameOf(first.content().members().get(0).memberId())).isEqualTo("Grace Okafor");

        SafetyPlanView second =
                asAna(() -> plans.save(familyId, content("(212) 555-0199", leaving(false)), first.version()));
        assertThat(second.number()).isEqualTo(2);
        assertThat(second.versions())
                .extracting(SafetyPlanView.VersionLine::number, SafetyPlanView.VersionLine::changed)
                .containsExactly(
                        tuple(2, List.of(SafetyPlanContent.Section.CONTACTS)),
                        tuple(
                                1,
                                List.of(
                                        SafetyPlanContent.Section.WARNING_SIGNS,
                                        SafetyPlanContent.Section.MEMBERS,
                                        SafetyPlanContent.Section.CONTACTS,
                                        SafetyPlanContent.Section.NALOXONE,
                                        SafetyPlanContent.Section.LEAVING)));
        assertThat(asAna(() -> plans.version(familyId, 1))
                        .content()
                        .contacts()
                        .get(0)
                        .phone())
                .as("the earlier version kept as signed")
                .isEqualTo("(212) 555-0147");

        Invalid unchanged = assertThrows(
                Invalid.class,
                () -> asAna(() -> plans.save(familyId, content("(212) 555-0199", leaving(false)), second.version())));
        assertThat(unchanged.getReasons())
                .extracting(Invalid.Reason::messageKey)
                .containsExactly("safetyPlan.unchanged");

        SafetyPlanView reviewed = asAna(() -> plans.review(familyId, second.version()));
        assertThat(reviewed.number()).as("a review makes no version").isEqualTo(2);
        assertThat(reviewed.reviews()).hasSize(1);
        assertThat(reviewed.lastReviewedAt()).isNotNull();

        String spanish = textOf(asAna(() -> plans.print(familyId, null)));
        assertThat(spanish)
                .as("the family's language")
                .contains("Nuestro plan para estar a salvo")
                .contains("Aerosol nasal de emergencia")
                .contains("Top kitchen drawer")
                .contains("Grace Okafor")
                .contains("988")
                .contains("(212) 555-0199")
                .contains("sunflower")
                .doesNotContain("F-");
        assertThat(PrintedWords.firstIn(spanish)).isEmpty();
        String english = textOf(asAna(() -> plans.print(familyId, "en")));
        assertThat(english).contains("Our plan for staying safe").contains("Emergency nasal spray");
        assertThat(PrintedWords.firstIn(english)).isEmpty();

        SafetyPlanView offPrint =
                asAna(() -> plans.save(familyId, content("(212) 555-0199", leaving(true)), reviewed.version()));
        assertThat(textOf(asAna(() -> plans.print(familyId, "en"))))
                .as("the leaving part left off the printed copy")
                .doesNotContain("sunflower");
        assertThat(offPrint.content().leaving().codeWord()).isEqualTo("sunflower");

        assertThat(sql().query(
                                "select action, count(*) from audit_entry where family_id = cast(? as bigint) and username = ?"
                                        + " and action like '%SAFETY_PLAN' group by action order by action",
                                Long.toString(familyId), ana))
                .containsExactly(
                        List.of("PRINT_SAFETY_PLAN", "3"),
                        List.of("READ_SAFETY_PLAN", "2"),
                        List.of("REVIEW_SAFETY_PLAN", "1"),
                        List.of("SIGN_SAFETY_PLAN", "3"));
    }

    @Test
    void badInputIsNamedFieldByFieldAndNothingIsSavedAndAStaleVersionIsRefused() {
        long other = familyOf(ben, "Adams " + suffix, "en", "Mary Adams");
        long stranger = membersOf(other).get(0);
        long plain = familyOf(ana, "Baker " + suffix, "en", "Lee Baker");
        intake(plain, true, false);

        Invalid invalid = assertThrows(
                Invalid.class,
                () -> asAna(() -> plans.save(
                        familyId,
                        new SafetyPlanContent(
                                List.of("An overdose at home"),
                                List.of(new SafetyPlanContent.MemberPart(stranger, "Calls 988")),
                                List.of(new SafetyPlanContent.Contact("Rosa", null, "call me")),
                                null,
                                List.of(),
                                null),
                        null)));
        assertThat(invalid.getReasons())
                .extracting(Invalid.Reason::field, Invalid.Reason::messageKey)
                .containsExactly(
                        tuple("warningSigns[0]", "safetyPlan.text.printed"),
                        tuple("members[0].memberId", "safetyPlan.member.notOfFamily"),
                        tuple("contacts[0].phone", "safetyPlan.contact.phone.format"));
        long plainMember = membersOf(plain).get(0);
        Invalid noViolence = assertThrows(
                Invalid.class,
                () -> asAna(() -> plans.save(
                        plain,
                        new SafetyPlanContent(
                                List.of("Shouting"),
                                List.of(new SafetyPlanContent.MemberPart(plainMember, "Calls 988")),
                                List.of(),
                                null,
                                List.of(),
                                leaving(false)),
                        null)));
        assertThat(noViolence.getReasons())
                .extracting(Invalid.Reason::field, Invalid.Reason::messageKey)
                .containsExactly(tuple("leaving", "safetyPlan.leaving.notScreened"));
        assertThat(asAna(() -> plans.read(familyId)).exists())
                .as("nothing saved")
                .isFalse();

        SafetyPlanView first = asAna(() -> plans.save(familyId, content("(212) 555-0147", null), null));
        assertThat(assertThrows(
                                Conflict.class,
                                () -> asAna(() -> plans.save(familyId, content("(212) 555-0100", null), null)))
                        .getRecord())
                .isEqualTo("safety plan");
        assertThrows(
                Conflict.class,
                () -> asAna(() -> plans.save(familyId, content("(212) 555-0100", null), first.version() + 1)));
        assertThrows(Conflict.class, () -> asAna(() -> plans.review(familyId, null)));
        assertThat(asAna(() -> plans.read(familyId)).number()).isEqualTo(1);
    }

    @Test
    void onlyTheFamilysCounselorsWriteItsSupervisorsReadAndOthersAreRefusedAndAudited() {
        SafetyPlanView saved = asAna(() -> plans.save(familyId, content("(212) 555-0147", null), null));

        assertThrows(Refused.class, () -> RunAs.user(ben, Set.of("counselor"), () -> plans.read(familyId)));
        assertThrows(
                Refused.class,
                () -> RunAs.user(
                        ben,
                        Set.of("counselor"),
                        () -> plans.save(familyId, content("(212) 555-0100", null), saved.version())));
        assertThrows(Refused.class, () -> RunAs.user(ben, Set.of("counselor"), () -> plans.print(familyId, "en")));
        assertThat(sql().query(
                                "select count(*) from audit_entry where outcome = 'DENIED' and family_id = cast(? as bigint)"
                                        + " and username = ?",
                                Long.toString(familyId),
                                ben))
                .as("each refusal in the audit trail, naming the family")
                .isEqualTo(List.of(List.of("3")));

        assertThrows(
                EJBAccessException.class, () -> RunAs.user(desk, Set.of("front-desk"), () -> plans.read(familyId)));
        assertThrows(
                Refused.class, () -> RunAs.user(otherSupervisor, Set.of("supervisor"), () -> plans.read(familyId)));
        assertThrows(NotFound.class, () -> asAna(() -> plans.read(-5)));

        SafetyPlanView read = RunAs.user(supervisor, Set.of("supervisor"), () -> plans.read(familyId));
        assertThat(read.number()).isEqualTo(1);
        assertThat(read.mayChange()).isFalse();
        assertThrows(
                EJBAccessException.class,
                () -> RunAs.user(supervisor, Set.of("supervisor"), () -> plans.review(familyId, read.version())));
        assertThat(RunAs.user(supervisor, Set.of("supervisor"), () -> plans.print(familyId, "en"))
                        .pdf())
                .isNotEmpty();
        assertThat(asAna(() -> plans.read(familyId)).number())
                .as("nobody else changed it")
                .isEqualTo(1);
    }

    @Test
    void aFlaggedFamilysPlanIsOnTheToDoListWhenMissingOrDueAndNotOtherwise() {
        long calm = familyOf(ana, "Calm " + suffix, "en", "Sam Calm");
        intake(calm, false, false);

        assertThat(reviewTasks())
                .as("flagged without a plan: due today")
                .extracting(Task::familyId, Task::dueOn, Task::overdue)
                .containsExactly(tuple(familyId, today, false));

        asAna(() -> plans.save(familyId, content("(212) 555-0147", null), null));
        assertThat(reviewTasks()).as("just signed: due in 90 days").isEmpty();

        sql().update(
                        "update safety_plan set checked_at = now() - interval '95 days' where family_id = cast(? as"
                                + " bigint)",
                        Long.toString(familyId));
        assertThat(reviewTasks()).extracting(Task::familyId, Task::overdue).containsExactly(tuple(familyId, true));
        SafetyPlanView overdue = asAna(() -> plans.read(familyId));
        assertThat(overdue.due().overdue()).isTrue();

        asAna(() -> plans.review(familyId, overdue.version()));
        assertThat(reviewTasks()).as("reviewed: due again in 90 days").isEmpty();
    }

    @Test
    void aCounselorLowersARaisedFlagWithANoteAndTheIntakesOwnFlagStays() {
        long raisedOnly = familyOf(ana, "Raised " + suffix, "en", "Kim Raised");
        intake(raisedOnly, false, false);
        long raiseId = asAna(() -> flags.raise(raisedOnly, SafetyScreen.FlagReason.MEMBER_SELF_HARM, "PHQ-9 of today"))
                .getId();
        assertThat(flaggedOnCaseload(raisedOnly)).isTrue();
        assertThat(asAna(() -> records.open(raisedOnly)).clinical().safetyFlag())
                .isTrue();
        SafetyFlags.StandingRaise raise =
                asAna(() -> flags.standing(raisedOnly)).get(0);
        assertThat(raise.raisedByName()).isNotBlank();

        Invalid shortNote =
                assertThrows(Invalid.class, () -> asAna(() -> flags.lower(raisedOnly, raiseId, "ok", raise.version())));
        assertThat(shortNote.getReasons())
                .extracting(Invalid.Reason::field, Invalid.Reason::messageKey)
                .containsExactly(tuple("note", "safetyFlag.lower.note.length"));
        assertThrows(
                Conflict.class,
                () -> asAna(() -> flags.lower(raisedOnly, raiseId, "Called Kim; safe, with her sister", null)));
        assertThrows(
                NotFound.class,
                () -> asAna(
                        () -> flags.lower(familyId, raiseId, "Called Kim; safe, with her sister", raise.version())));
        assertThrows(
                Refused.class,
                () -> RunAs.user(
                        ben,
                        Set.of("counselor"),
                        () -> flags.lower(raisedOnly, raiseId, "Called Kim; safe, with her sister", raise.version())));
        assertThat(asAna(() -> flags.standing(raisedOnly)))
                .as("nothing lowered yet")
                .hasSize(1);

        assertThat(asAna(() -> flags.lower(raisedOnly, raiseId, "Called Kim; safe, with her sister", raise.version())))
                .isEmpty();
        assertThat(flaggedOnCaseload(raisedOnly))
                .as("no longer flags the caseload")
                .isFalse();
        assertThat(asAna(() -> records.open(raisedOnly)).clinical().safetyFlag())
                .as("nor the record")
                .isFalse();
        assertThat(sql().query(
                                "select lowered_note from safety_flag_raise where id = cast(? as bigint)",
                                Long.toString(raiseId)))
                .containsExactly(List.of("Called Kim; safe, with her sister"));
        assertThat(sql().query(
                                "select count(*) from audit_entry where action = 'LOWER_SAFETY_FLAG' and family_id ="
                                        + " cast(? as bigint)",
                                Long.toString(raisedOnly)))
                .containsExactly(List.of("1"));

        long intakeRaise = asAna(
                        () -> flags.raise(familyId, SafetyScreen.FlagReason.MEMBER_SELF_HARM, "PHQ-9 of today"))
                .getId();
        SafetyFlags.StandingRaise standing =
                asAna(() -> flags.standing(familyId)).get(0);
        asAna(() -> flags.lower(familyId, intakeRaise, "Called Grace; she is safe", standing.version()));
        assertThat(asAna(() -> records.open(familyId)).clinical().safetyFlag())
                .as("the intake's own flag is not lowered with the raise")
                .isTrue();
    }

    private boolean flaggedOnCaseload(long family) {
        return asAna(() -> caseload.mine(CaseloadQuery.firstPage())).rows().stream()
                .filter(r -> r.id() == family)
                .map(CaseloadRow::safetyFlag)
                .findFirst()
                .orElseThrow();
    }

    private List<Task> reviewTasks() {
        return asAna(() -> tasks.mine()).stream()
                .filter(t -> t.kind().equals("safetyPlanReview"))
                .toList();
    }

    private static String textOf(SafetyPlans.Printed printed) throws IOException {
        try (PDDocument document = Loader.loadPDF(printed.pdf())) {
            return new PDFTextStripper().getText(document);
        }
    }

    private <T> T asAna(Supplier<T> action) {
        return RunAs.user(ana, Set.of("counselor"), action);
    }

    private Sql sql() {
        return new Sql(dataSource::getConnection);
    }
}
