package org.hearth.notes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.annotation.Resource;
import jakarta.ejb.EJBAccessException;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.assertj.core.groups.Tuple;
import org.hearth.family.CaseAssignments;
import org.hearth.family.FamilyContact;
import org.hearth.family.FamilyRegistry;
import org.hearth.family.NewFamily;
import org.hearth.family.NewFamilyMember;
import org.hearth.family.ReferralSource;
import org.hearth.family.Relationship;
import org.hearth.family.StageOfChange;
import org.hearth.safetyplan.SafetyPlanContent;
import org.hearth.safetyplan.SafetyPlans;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Session notes in the real server and database: written for a held session by the counselor who held it,
 * signed and then final (in the service and in the database, with a hash that shows tampering), addenda,
 * co-signing and returning, when notes are due, who may read them, and every read in the audit trail.
 */
@ExtendWith({HearthStack.class, ArquillianExtension.class})
class SessionNotesIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.hearthWith(SessionNotesIT.class);
    }

    @Inject
    private SessionNotes notes;

    @Inject
    private FamilyRegistry registry;

    @Inject
    private CaseAssignments assignments;

    @Inject
    private SafetyPlans safetyPlans;

    @Resource(lookup = "java:jboss/datasources/HearthDS")
    private DataSource dataSource;

    /** The schema's owner: the only role that can switch a trigger off. */
    @Resource(lookup = "java:jboss/datasources/HearthMigrationDS")
    private DataSource owner;

    private String suffix;
    private String ana;
    private String ben;
    private String supervisor;
    private String otherSupervisor;
    private String desk;
    private FamilyContact okafor;
    private List<Long> members;

    @BeforeEach
    void aFamilyOfAnaWithTwoMembers() {
        suffix = UUID.randomUUID().toString().substring(0, 8);
        String program = "Notes " + suffix;
        TestData data = new TestData(sql());
        long programId = data.program(program);
        data.program("Other notes " + suffix);
        ana = data.staff("ana-" + suffix, "counselor", program);
        ben = data.staff("ben-" + suffix, "counselor", program);
        supervisor = data.staff("sup-" + suffix, "supervisor", program);
        otherSupervisor = data.staff("other-sup-" + suffix, "supervisor", "Other notes " + suffix);
        desk = data.staff("desk-" + suffix, "front-desk");
        okafor = RunAs.user(
                desk,
                Set.of("front-desk"),
                () -> registry.register(new NewFamily(
                        "Okafor",
                        programId,
                        "en",
                        ReferralSource.SELF,
                        null,
                        Arrays.stream(new String[] {"Grace Okafor", "Paul Okafor"})
                                .map(m -> new NewFamilyMember(
                                        m, null, 45, Relationship.PARENT, null, null, "en", false, false, true))
                                .toList())));
        RunAs.user(supervisor, Set.of("supervisor"), () -> assignments.assignPrimary(okafor.id(), ana, null));
        members = sql()
                .query(
                        "select id from family_member where family_id = cast(? as bigint) order by id",
                        Long.toString(okafor.id()))
                .stream()
                .map(row -> Long.parseLong(row.get(0)))
                .toList();
    }

    @Test
    void theCounselorWritesSignsAndThenOnlyAddsAddendaAndTheSupervisorReturnsThenCoSigns() {
        long session = heldSession("2 hours", "COMPLETED");
        NoteView draft = asAna(() -> notes.open(session));
        assertThat(draft.status()).isEqualTo(NoteStatus.DRAFT);
        assertThat(draft.members()).extracting(NoteView.Person::name).containsExactly("Grace Okafor", "Paul Okafor");
        assertThat(asAna(() -> notes.open(session)).id())
                .as("one note per session")
                .isEqualTo(draft.id());

        NoteView saved = asAna(() -> notes.saveDraft(
                draft.id(),
                content(
                        "<p>Grace <b>reports</b> calm week"
                                + "<script>alert(1)</script><img src=x onerror=alert(2)></p>",
                        null,
                        null),
                draft.version()));
        assertThat(saved.content().data())
                .as("rich text kept to the allow-list")
                .isEqualTo("<p>Grace <b>reports</b> calm week</p>");
        assertThat(saved.content().changeTalk()).hasSize(2);
        assertThat(saved.content().rulers())
                .extracting(NoteContent.Ruler::readiness)
                .containsExactly(7);

        Invalid incomplete = assertThrows(Invalid.class, () -> asAna(() -> notes.sign(saved.id(), saved.version())));
        assertThat(incomplete.getReasons())
                .extracting(Invalid.Reason::messageKey)
                .containsExactly("note.sign.assessment.required", "note.sign.plan.required");

        NoteView complete = asAna(() -> notes.saveDraft(
                saved.id(),
                content("<p>Calm week</p>", "<p>Contemplation</p>", "<p>Rehearse the invitation</p>"),
                saved.version()));
        NoteView signed = asAna(() -> notes.sign(complete.id(), complete.version()));
        assertThat(signed.status()).isEqualTo(NoteStatus.SIGNED);
        assertThat(signed.signedAt()).isNotNull();
        assertThat(signed.intact()).isTrue();
        assertThat(sql().query(
                                "select content_hash from session_note where id = cast(? as bigint)",
                                Long.toString(signed.id()))
                        .get(0)
                        .get(0))
                .hasSize(64);

        assertThrows(
                Conflict.class,
                () -> asAna(() -> notes.saveDraft(signed.id(), content("x", "y", "z"), signed.version())));
        Invalid early = assertThrows(Invalid.class, () -> asSupervisor(() -> notes.cosign(draftOfAnother(), 0L)));
        assertThat(early.getReasons()).extracting(Invalid.Reason::messageKey).containsExactly("note.review.DRAFT");

        NoteView returned = asSupervisor(
                () -> notes.returnToAuthor(signed.id(), "Which invitation did Grace rehearse?", signed.version()));
        assertThat(returned.status()).isEqualTo(NoteStatus.RETURNED);
        assertThat(assertThrows(
                                Invalid.class,
                                () -> asSupervisor(() -> notes.cosign(returned.id(), returned.version())))
                        .getReasons())
                .extracting(Invalid.Reason::messageKey)
                .containsExactly("note.review.RETURNED");
        NoteView answered =
                asAna(() -> notes.addAddendum(returned.id(), "The 'after dinner' invitation.", returned.version()));
        assertThat(answered.status()).isEqualTo(NoteStatus.SIGNED);
        assertThat(answered.addenda())
                .extracting(NoteView.Addendum::body)
                .containsExactly("The 'after dinner' invitation.");
        assertThat(answered.content()).as("the signed content is untouched").isEqualTo(signed.content());
        NoteView cosigned = asSupervisor(() -> notes.cosign(answered.id(), answered.version()));
        assertThat(cosigned.status()).isEqualTo(NoteStatus.CO_SIGNED);
        assertThat(cosigned.cosignedBy()).isEqualTo(supervisor);
        assertThat(cosigned.intact()).isTrue();
    }

    @Test
    void theDatabaseRefusesChangesToASignedNoteAndATamperedNoteIsShownAsNotIntact() throws SQLException {
        long session = heldSession("3 hours", "COMPLETED");
        NoteView draft = asAna(() -> notes.open(session));
        NoteView filled = asAna(() -> notes.saveDraft(draft.id(), content("<p>D</p>", "<p>A</p>", "<p>P</p>"), 0L));
        NoteView signed = asAna(() -> notes.sign(filled.id(), filled.version()));
        String id = Long.toString(signed.id());

        assertThat(sql().refusal("update session_note set plan_text = '<p>Changed</p>' where id = " + id))
                .contains("is signed");
        assertThat(sql().refusal("delete from note_readiness where note_id = " + id))
                .contains("is signed");
        assertThat(sql().refusal("delete from session_note where id = " + id)).contains("is signed");
        assertThat(sql().refusal("update session_note set status = 'DRAFT' where id = " + id))
                .contains("is signed");
        assertThat(sql().query("select plan_text from session_note where id = cast(? as bigint)", id))
                .isEqualTo(List.of(List.of("<p>P</p>")));

        // the tables' owner switches the trigger off and changes it anyway: the hash shows it
        try (Connection c = owner.getConnection();
                Statement s = c.createStatement()) {
            s.execute("alter table session_note disable trigger session_note_final");
            try {
                s.executeUpdate("update session_note set plan_text = '<p>Changed</p>' where id = " + id);
            } finally {
                s.execute("alter table session_note enable trigger session_note_final");
            }
        }
        NoteView tampered = asAna(() -> notes.read(signed.id()));
        assertThat(tampered.intact()).isFalse();
        assertThat(tampered.content().plan()).isEqualTo("<p>Changed</p>");
    }

    @Test
    void onlyTheFamilysCounselorsAndItsProgramsSupervisorsReadNotesAndEveryReadIsAudited() {
        long session = heldSession("1 hour", "COMPLETED");
        NoteView draft = asAna(() -> notes.open(session));

        assertThrows(Refused.class, () -> asBen(() -> notes.read(draft.id())));
        assertThrows(Refused.class, () -> asBen(() -> notes.open(session)));
        assertThrows(
                Refused.class, () -> RunAs.user(otherSupervisor, Set.of("supervisor"), () -> notes.read(draft.id())));
        assertThrows(
                EJBAccessException.class, () -> RunAs.user(desk, Set.of("front-desk"), () -> notes.read(draft.id())));
        assertThrows(
                EJBAccessException.class,
                () -> RunAs.user("admin-" + suffix, Set.of("admin"), () -> notes.read(draft.id())));
        assertThat(asSupervisor(() -> notes.read(draft.id())).id()).isEqualTo(draft.id());
        assertThat(asAna(() -> notes.forFamily(okafor.id())))
                .extracting(NoteSummary::id)
                .containsExactly(draft.id());

        assertThat(sql().query(
                                "select count(*) from audit_entry where outcome = 'DENIED' and family_id = cast(? as bigint)"
                                        + " and username in (?, ?)",
                                Long.toString(okafor.id()),
                                ben,
                                otherSupervisor))
                .isEqualTo(List.of(List.of("3")));
        assertThat(sql().query(
                                "select count(*) from audit_entry where outcome = 'DENIED' and username = ?"
                                        + " and reason like 'SessionNotes.read%'",
                                desk))
                .isEqualTo(List.of(List.of("1")));
        assertThat(sql().query(
                                "select username from audit_entry where action = 'READ_NOTE' and entity_id = ?"
                                        + " order by id",
                                Long.toString(draft.id())))
                .as("every read: the counselor opening it, the supervisor reading it")
                .isEqualTo(List.of(List.of(ana), List.of(supervisor)));

        long notHeld = heldSession("1 hour", "SCHEDULED");
        assertThat(assertThrows(Invalid.class, () -> asAna(() -> notes.open(notHeld)))
                        .getReasons())
                .extracting(Invalid.Reason::messageKey)
                .containsExactly("note.session.notHeld");
    }

    @Test
    void aNoteIsDue72HoursAfterItsSessionAndOverdueNotesShowForTheCounselorAndTheSupervisor() {
        long recent = heldSession("5 hours", "COMPLETED");
        long old = heldSession("80 hours", "COMPLETED");
        long signedOld = heldSession("100 hours", "COMPLETED");
        NoteView toSign = asAna(() -> notes.open(signedOld));
        NoteView filled = asAna(() -> notes.saveDraft(toSign.id(), content("<p>D</p>", "<p>A</p>", "<p>P</p>"), 0L));
        asAna(() -> notes.sign(filled.id(), filled.version()));

        List<NoteDue> due = asAna(() -> notes.dueForMe());
        assertThat(due)
                .extracting(NoteDue::appointmentId, NoteDue::overdue)
                .containsExactly(Tuple.tuple(old, true), Tuple.tuple(recent, false));
        assertThat(asSupervisor(() -> notes.overdueByCounselor()))
                .extracting(OverdueNotes::counselorUsername, OverdueNotes::overdue)
                .containsExactly(Tuple.tuple(ana, 1L));
    }

    @Test
    void naturalConsequencesWaitForASafetyPlanWhenTheFamilyIsFlagged() {
        sql().update(
                        "insert into intake (family_id, safety_flag, domestic_violence, started_by, started_at, updated_by,"
                                + " updated_at, completed_by, completed_at) values (cast(? as bigint), true, true, ?, now(), ?,"
                                + " now(), ?, now())",
                        Long.toString(okafor.id()),
                        ana,
                        ana,
                        ana);
        long session = heldSession("2 hours", "COMPLETED");
        NoteView draft = asAna(() -> notes.open(session));
        assertThat(draft.safetyFlag()).isTrue();
        assertThat(draft.safetyPlanInPlace()).isFalse();
        NoteContent natural = withCraft(content("<p>D</p>", "<p>A</p>", "<p>P</p>"), false);
        assertThat(assertThrows(Invalid.class, () -> asAna(() -> notes.saveDraft(draft.id(), natural, draft.version())))
                        .getReasons())
                .extracting(Invalid.Reason::messageKey)
                .containsExactly("note.craft.naturalConsequences");
        assertThat(assertThrows(
                                Invalid.class,
                                () -> asAna(
                                        () -> notes.saveDraft(draft.id(), withCraft(natural, true), draft.version())))
                        .getReasons())
                .as("the note's old tick box \"safety plan agreed\" no longer counts (issue 25)")
                .extracting(Invalid.Reason::messageKey)
                .containsExactly("note.craft.naturalConsequences");
        asAna(() -> safetyPlans.save(
                okafor.id(),
                new SafetyPlanContent(
                        List.of("Shouting at night"),
                        List.of(new SafetyPlanContent.MemberPart(members.get(0), "Takes the children to Rosa's")),
                        List.of(),
                        null,
                        List.of(),
                        null),
                null));
        assertThat(asAna(() -> notes.read(draft.id())).safetyPlanInPlace())
                .as("the written plan, signed")
                .isTrue();
        NoteView withPlan = asAna(() -> notes.saveDraft(draft.id(), natural, draft.version()));
        assertThat(withPlan.content().craftProcedures()).contains(CraftProcedure.NATURAL_CONSEQUENCES);
    }

    @Test
    void theReadinessTrendComesFromSignedNotesOnlyByMemberAndSession() {
        long earlier = heldSession("200 hours", "COMPLETED");
        long later = heldSession("20 hours", "COMPLETED");
        long drafted = heldSession("2 hours", "COMPLETED");
        for (long session : List.of(earlier, later)) {
            NoteView draft = asAna(() -> notes.open(session));
            NoteView filled = asAna(() -> notes.saveDraft(draft.id(), content("<p>D</p>", "<p>A</p>", "<p>P</p>"), 0L));
            asAna(() -> notes.sign(filled.id(), filled.version()));
        }
        NoteView draftOnly = asAna(() -> notes.open(drafted));
        asAna(() -> notes.saveDraft(draftOnly.id(), content("<p>D</p>", null, null), 0L));

        List<ReadinessPoint> trend = asSupervisor(() -> notes.readinessOf(okafor.id()));
        assertThat(trend)
                .as("one ruler per signed note (Grace's), the draft left out")
                .extracting(p -> p.memberName() + " " + p.importance() + "/" + p.confidence() + "/" + p.readiness()
                        + " " + p.stage())
                .containsExactly("Grace Okafor 8/5/7 PREPARATION", "Grace Okafor 8/5/7 PREPARATION");
        assertThat(trend.get(0).sessionDate()).isBefore(trend.get(1).sessionDate());
        assertThrows(Refused.class, () -> asBen(() -> notes.readinessOf(okafor.id())));
        assertThat(sql().query(
                                "select count(*) from audit_entry where action = 'READ_READINESS_TREND'"
                                        + " and family_id = cast(? as bigint)",
                                Long.toString(okafor.id())))
                .isEqualTo(List.of(List.of("1")));
    }

    /** A family session of Ana with both members, ended {@code ago}, in the given status. */
    private long heldSession(String ago, String status) {
        sql().update(
                        "insert into appointment (family_id, kind, counselor_id, telehealth, starts_at, ends_at, status,"
                                + " booked_by, booked_at) select cast(? as bigint), 'CRAFT_SESSION', s.id, true,"
                                + " now() - cast(? as interval) - interval '1 hour', now() - cast(? as interval), ?, 'test',"
                                + " now() from staff_member s where s.username = ?",
                        Long.toString(okafor.id()),
                        ago,
                        ago,
                        status,
                        ana);
        long id = Long.parseLong(sql().query(
                        "select max(id) from appointment where family_id = cast(? as bigint)",
                        Long.toString(okafor.id()))
                .get(0)
                .get(0));
        for (long member : members) {
            sql().update(
                            "insert into appointment_member (appointment_id, family_member_id) values (cast(? as bigint),"
                                    + " cast(? as bigint))",
                            Long.toString(id),
                            Long.toString(member));
        }
        return id;
    }

    private long draftOfAnother() {
        long session = heldSession("1 hour", "COMPLETED");
        return asAna(() -> notes.open(session)).id();
    }

    private NoteContent content(String data, String assessment, String plan) {
        return new NoteContent(
                data,
                assessment,
                plan,
                "Grace stops giving Paul money for rent",
                true,
                true,
                true,
                false,
                List.of(
                        new NoteContent.ChangeTalk(ChangeTalkCategory.DESIRE, "I want him home safe", members.get(0)),
                        new NoteContent.ChangeTalk(ChangeTalkCategory.COMMITMENT, null, null)),
                "It is not my place",
                null,
                List.of(new NoteContent.Ruler(members.get(0), 8, 5, 7, StageOfChange.PREPARATION)),
                List.of(),
                Set.of(CraftProcedure.POSITIVE_COMMUNICATION),
                "Fentanyl in the area; naloxone at home",
                null,
                false,
                "Practise one positive request",
                "Next CRAFT session in a week",
                Set.of());
    }

    private static NoteContent withCraft(NoteContent c, boolean plan) {
        return new NoteContent(
                c.data(),
                c.assessment(),
                c.plan(),
                c.targetBehaviour(),
                c.openQuestions(),
                c.affirmations(),
                c.reflections(),
                c.summaries(),
                c.changeTalk(),
                c.sustainTalk(),
                c.discord(),
                c.rulers(),
                c.lovedOneStages(),
                Set.of(CraftProcedure.NATURAL_CONSEQUENCES),
                c.overdoseRisk(),
                c.safetyUpdate(),
                plan,
                c.homework(),
                c.nextSteps(),
                c.educationTopics());
    }

    private <T> T asAna(Supplier<T> action) {
        return RunAs.user(ana, Set.of("counselor"), action);
    }

    private <T> T asBen(Supplier<T> action) {
        return RunAs.user(ben, Set.of("counselor"), action);
    }

    private <T> T asSupervisor(Supplier<T> action) {
        return RunAs.user(supervisor, Set.of("supervisor"), action);
    }

    private Sql sql() {
        return new Sql(dataSource::getConnection);
    }
}
