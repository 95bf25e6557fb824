package org.hearth.education;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.annotation.Resource;
import jakarta.ejb.EJBAccessException;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.Statement;
import java.util.EnumSet;
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
import org.hearth.notes.NoteContent;
import org.hearth.notes.NoteView;
import org.hearth.notes.SessionNotes;
import org.hearth.security.Conflict;
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
 * Education given, in the real server and database: the topics ticked in a session note are saved with the draft,
 * signed with it (final, and covered by its hash), listed on the family's record session by session; read only by
 * the family's counselors and its program's supervisors, every read and refusal audited.
 */
@ExtendWith({HearthStack.class, ArquillianExtension.class})
class EducationGivenIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.hearthWith(EducationGivenIT.class);
    }

    @Inject
    private SessionNotes notes;

    @Inject
    private EducationGiven education;

    @Inject
    private FamilyRegistry registry;

    @Inject
    private CaseAssignments assignments;

    @Resource(lookup = "java:jboss/datasources/HearthDS")
    private DataSource dataSource;

    @Resource(lookup = "java:jboss/datasources/HearthMigrationDS")
    private DataSource owner;

    private String ana;
    private String ben;
    private String supervisor;
    private String otherSupervisor;
    private String desk;
    private FamilyContact family;
    private List<Long> members;

    @BeforeEach
    void aFamilyOfAna() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String program = "Education " + suffix;
        TestData data = new TestData(sql());
        long programId = data.program(program);
        data.program("Other education " + suffix);
        ana = data.staff("ana-" + suffix, "counselor", program);
        ben = data.staff("ben-" + suffix, "counselor", program);
        supervisor = data.staff("sup-" + suffix, "supervisor", program);
        otherSupervisor = data.staff("other-sup-" + suffix, "supervisor", "Other education " + suffix);
        desk = data.staff("desk-" + suffix, "front-desk");
        family = RunAs.user(
                desk,
                Set.of("front-desk"),
                () -> registry.register(new NewFamily(
                        "Reyes",
                        programId,
                        "es",
                        ReferralSource.SELF,
                        null,
                        List.of(new NewFamilyMember(
                                "Rosa Reyes", null, 50, Relationship.PARENT, null, null, "es", false, false, true)))));
        RunAs.user(supervisor, Set.of("supervisor"), () -> assignments.assignPrimary(family.id(), ana, null));
        members =
                sql()
                        .query(
                                "select id from family_member where family_id = cast(? as bigint)",
                                Long.toString(family.id()))
                        .stream()
                        .map(row -> Long.parseLong(row.get(0)))
                        .toList();
    }

    @Test
    void topicsAreSavedWithTheDraftSignedWithTheNoteAndListedOnTheRecord() throws Exception {
        long earlier = heldSession("200 hours");
        long later = heldSession("2 hours");
        NoteView first = asAna(() -> notes.open(earlier));
        NoteView saved = asAna(() -> notes.saveDraft(
                first.id(),
                content(EnumSet.of(EducationTopic.SELF_CARE, EducationTopic.OVERDOSE_NALOXONE)),
                first.version()));
        assertThat(saved.content().educationTopics())
                .containsExactly(EducationTopic.OVERDOSE_NALOXONE, EducationTopic.SELF_CARE);
        NoteView signed = asAna(() -> notes.sign(saved.id(), saved.version()));
        assertThat(signed.intact()).isTrue();
        NoteView second = asAna(() -> notes.open(later));
        asAna(() -> notes.saveDraft(second.id(), content(Set.of(EducationTopic.OVERDOSE_NALOXONE)), second.version()));

        EducationCovered covered = asAna(() -> education.forFamily(family.id()));

        EducationCovered.Topic overdose = covered.topics().get(0);
        assertThat(overdose.topic()).isEqualTo(EducationTopic.OVERDOSE_NALOXONE);
        assertThat(overdose.sessions())
                .extracting(EducationCovered.Session::noteId, EducationCovered.Session::draft)
                .as("oldest first; the draft marked")
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(first.id(), false),
                        org.assertj.core.groups.Tuple.tuple(second.id(), true));
        assertThat(overdose.sessions().get(0).counselor()).isEqualTo(signed.authorName());
        assertThat(covered.topics())
                .filteredOn(t -> t.topic() == EducationTopic.SELF_CARE)
                .singleElement()
                .satisfies(t -> assertThat(t.sessions()).hasSize(1));
        assertThat(covered.notYetCovered())
                .containsExactly(
                        EducationTopic.WITHDRAWAL,
                        EducationTopic.MEDICATIONS,
                        EducationTopic.LEVELS_OF_CARE,
                        EducationTopic.RETURN_TO_USE);

        // final once signed: the database refuses, and a change behind its back shows in the hash
        String id = Long.toString(signed.id());
        assertThat(sql().refusal("delete from note_education_topic where note_id = " + id))
                .contains("is signed");
        try (Connection c = owner.getConnection();
                Statement s = c.createStatement()) {
            s.execute("alter table note_education_topic disable trigger note_education_topic_final");
            try {
                s.executeUpdate("delete from note_education_topic where note_id = " + id + " and topic = 'SELF_CARE'");
            } finally {
                s.execute("alter table note_education_topic enable trigger note_education_topic_final");
            }
        }
        assertThat(asAna(() -> notes.read(signed.id())).intact()).isFalse();
    }

    @Test
    void aNoteSignedWithoutTopicsStaysIntact() {
        long session = heldSession("3 hours");
        NoteView draft = asAna(() -> notes.open(session));
        NoteView saved = asAna(() -> notes.saveDraft(draft.id(), content(Set.of()), draft.version()));
        NoteView signed = asAna(() -> notes.sign(saved.id(), saved.version()));

        assertThat(asAna(() -> notes.read(signed.id())).intact()).isTrue();
        assertThat(signed.content().educationTopics()).isEmpty();
    }

    @Test
    void aStaleDraftIsRefusedAndKeepsItsTopics() {
        long session = heldSession("4 hours");
        NoteView draft = asAna(() -> notes.open(session));
        NoteView saved =
                asAna(() -> notes.saveDraft(draft.id(), content(Set.of(EducationTopic.WITHDRAWAL)), draft.version()));

        assertThrows(
                Conflict.class,
                () -> asAna(() ->
                        notes.saveDraft(draft.id(), content(Set.of(EducationTopic.MEDICATIONS)), draft.version())));
        assertThat(asAna(() -> notes.read(saved.id())).content().educationTopics())
                .containsExactly(EducationTopic.WITHDRAWAL);
    }

    @Test
    void onlyTheFamilysCounselorsAndItsProgramsSupervisorsReadWhatWasTaughtAndEachReadIsAudited() {
        long session = heldSession("5 hours");
        NoteView draft = asAna(() -> notes.open(session));
        asAna(() -> notes.saveDraft(draft.id(), content(Set.of(EducationTopic.MEDICATIONS)), draft.version()));

        assertThrows(Refused.class, () -> RunAs.user(ben, Set.of("counselor"), () -> education.forFamily(family.id())));
        assertThrows(
                Refused.class,
                () -> RunAs.user(otherSupervisor, Set.of("supervisor"), () -> education.forFamily(family.id())));
        assertThrows(
                EJBAccessException.class,
                () -> RunAs.user(desk, Set.of("front-desk"), () -> education.forFamily(family.id())));
        assertThrows(org.hearth.security.NotFound.class, () -> asAna(() -> education.forFamily(-1L)));
        EducationCovered read = RunAs.user(supervisor, Set.of("supervisor"), () -> education.forFamily(family.id()));
        assertThat(read.topics())
                .filteredOn(t -> t.topic() == EducationTopic.MEDICATIONS)
                .singleElement()
                .satisfies(t -> assertThat(t.sessions())
                        .extracting(EducationCovered.Session::draft)
                        .containsExactly(true));

        assertThat(sql().query(
                                "select username from audit_entry where outcome = 'DENIED' and family_id = cast(? as bigint)"
                                        + " and username in (?, ?) order by id",
                                Long.toString(family.id()),
                                ben,
                                otherSupervisor))
                .isEqualTo(List.of(List.of(ben), List.of(otherSupervisor)));
        assertThat(sql().query(
                                "select count(*) from audit_entry where outcome = 'DENIED' and username = ?"
                                        + " and reason like 'EducationGiven.forFamily%'",
                                desk))
                .isEqualTo(List.of(List.of("1")));
        assertThat(sql().query(
                                "select username from audit_entry where action = 'READ_EDUCATION_GIVEN'"
                                        + " and family_id = cast(? as bigint) order by id",
                                Long.toString(family.id())))
                .isEqualTo(List.of(List.of(supervisor)));
    }

    private NoteContent content(Set<EducationTopic> topics) {
        return new NoteContent(
                "<p>D</p>",
                "<p>A</p>",
                "<p>P</p>",
                null,
                false,
                false,
                false,
                false,
                List.of(),
                null,
                null,
                List.of(),
                List.of(),
                Set.of(),
                null,
                null,
                false,
                null,
                null,
                topics);
    }

    private long heldSession(String ago) {
        sql().update(
                        "insert into appointment (family_id, kind, counselor_id, telehealth, starts_at, ends_at, status,"
                                + " booked_by, booked_at) select cast(? as bigint), 'CRAFT_SESSION', s.id, true,"
                                + " now() - cast(? as interval) - interval '1 hour', now() - cast(? as interval),"
                                + " 'COMPLETED', 'test', now() from staff_member s where s.username = ?",
                        Long.toString(family.id()),
                        ago,
                        ago,
                        ana);
        long id = Long.parseLong(sql().query(
                        "select max(id) from appointment where family_id = cast(? as bigint)",
                        Long.toString(family.id()))
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

    private <T> T asAna(Supplier<T> action) {
        return RunAs.user(ana, Set.of("counselor"), action);
    }

    private Sql sql() {
        return new Sql(dataSource::getConnection);
    }
}
