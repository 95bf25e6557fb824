package org.hearth.notes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.annotation.Resource;
import jakarta.ejb.EJBAccessException;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.assertj.core.groups.Tuple;
import org.hearth.family.CaseAssignments;
import org.hearth.family.FamilyContact;
import org.hearth.family.FamilyRecords;
import org.hearth.family.FamilyRegistry;
import org.hearth.family.Intakes;
import org.hearth.family.NewFamily;
import org.hearth.family.NewFamilyMember;
import org.hearth.family.ReferralSource;
import org.hearth.family.Relationship;
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
 * A note never becomes unsignable (issue 23): the counselor who held a session finishes and signs its note after
 * the family was reassigned or their covering ended - that note only, nothing else of the family; a supervisor of
 * the program sees such notes among the overdue ones and gives an unsigned one to another counselor, who writes
 * and signs it while the session keeps who held it; anyone else is refused and audited. Group notes likewise
 * when the group's facilitators change. Every change names the version read.
 */
@ExtendWith({HearthStack.class, ArquillianExtension.class})
class UnsignableNotesIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.hearthWith(UnsignableNotesIT.class);
    }

    @Inject
    private SessionNotes notes;

    @Inject
    private GroupNotes groupNotes;

    @Inject
    private MitiReviews reviews;

    @Inject
    private FamilyRegistry registry;

    @Inject
    private FamilyRecords records;

    @Inject
    private Intakes intakes;

    @Inject
    private CaseAssignments assignments;

    @Resource(lookup = "java:jboss/datasources/HearthDS")
    private DataSource dataSource;

    private String suffix;
    private String program;
    private String ana;
    private String ben;
    private String cleo;
    private String supervisor;
    private String otherSupervisor;
    private String desk;
    private FamilyContact okafor;
    private List<Long> members;

    @BeforeEach
    void aFamilyOfAnaInAProgramWithThreeCounselors() {
        suffix = UUID.randomUUID().toString().substring(0, 8);
        program = "Unsignable " + suffix;
        TestData data = new TestData(sql());
        long programId = data.program(program);
        data.program("Elsewhere " + suffix);
        ana = data.staff("ana-" + suffix, "counselor", program);
        ben = data.staff("ben-" + suffix, "counselor", program);
        cleo = data.staff("cleo-" + suffix, "counselor", program);
        supervisor = data.staff("sup-" + suffix, "supervisor", program);
        otherSupervisor = data.staff("elsewhere-sup-" + suffix, "supervisor", "Elsewhere " + suffix);
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
                        List.of(
                                new NewFamilyMember(
                                        "Grace Okafor",
                                        null,
                                        45,
                                        Relationship.PARENT,
                                        null,
                                        null,
                                        "en",
                                        false,
                                        false,
                                        true),
                                new NewFamilyMember(
                                        "Paul Okafor",
                                        null,
                                        47,
                                        Relationship.PARENT,
                                        null,
                                        null,
                                        "en",
                                        false,
                                        false,
                                        true)))));
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
    void aCounselorWhoseFamilyWasReassignedStillFinishesAndSignsTheNoteOfTheSessionTheyHeld() {
        long session = heldSession(ana, "80 hours");
        NoteView draft = as(ana, () -> notes.open(session));
        NoteView saved = as(ana, () -> notes.saveDraft(draft.id(), content("<p>Calm week</p>", null), 0L));

        RunAs.user(
                supervisor,
                Set.of("supervisor"),
                () -> assignments.assignPrimary(
                        okafor.id(), ben, "Ana moves team", new TestData(sql()).familyVersion(okafor.id())));

        assertThat(as(ana, () -> notes.dueForMe()))
                .as("the note stays on Ana's list, saying whose the family is now")
                .extracting(NoteDue::appointmentId, NoteDue::familyOnCaseload, NoteDue::familyNowWith, NoteDue::overdue)
                .containsExactly(Tuple.tuple(session, false, ben, true));
        NoteView reopened = as(ana, () -> notes.open(session));
        assertThat(reopened.content().data()).isEqualTo("<p>Calm week</p>");
        assertThat(as(ana, () -> notes.read(draft.id())).id()).isEqualTo(draft.id());
        NoteView complete = as(
                ana, () -> notes.saveDraft(draft.id(), content("<p>Calm week</p>", "<p>Ready</p>"), saved.version()));
        NoteView signed = as(ana, () -> notes.sign(draft.id(), complete.version()));
        assertThat(signed.status()).isEqualTo(NoteStatus.SIGNED);
        assertThat(signed.authorUsername()).isEqualTo(ana);
        assertThat(as(ana, () -> notes.dueForMe())).isEmpty();
        assertThat(RunAs.user(supervisor, Set.of("supervisor"), () -> notes.overdueNotes()))
                .as("signed: no longer overdue")
                .isEmpty();
    }

    @Test
    void aCounselorWhoseCoveringEndedStillFinishesTheNoteOfTheSessionTheyHeldWhileCovering() {
        RunAs.user(
                supervisor,
                Set.of("supervisor"),
                () -> assignments.assignPrimary(
                        okafor.id(), ben, "Ben back", new TestData(sql()).familyVersion(okafor.id())));
        new TestData(sql()).covering(okafor.id(), cleo, -10, -1);
        long session = heldSession(cleo, "4 days");

        NoteView draft = as(cleo, () -> notes.open(session));
        NoteView complete = as(cleo, () -> notes.saveDraft(draft.id(), content("<p>D</p>", "<p>A</p>"), 0L));
        NoteView signed = as(cleo, () -> notes.sign(draft.id(), complete.version()));
        assertThat(signed.status()).isEqualTo(NoteStatus.SIGNED);
        assertThat(signed.heldByUsername()).isEqualTo(cleo);
        assertThat(signed.isReassigned()).isFalse();
        NoteView answered = as(cleo, () -> notes.addAddendum(draft.id(), "Called Grace back.", signed.version()));
        assertThat(answered.addenda()).extracting(NoteView.Addendum::body).containsExactly("Called Grace back.");
    }

    @Test
    void theHeldSessionOpensItsNoteOnlyNeverTheRecordNorTheFamilysOtherNotes() {
        long held = heldSession(ana, "5 hours");
        long bensSession = heldSession(ben, "3 hours");
        NoteView anasDraft = as(ana, () -> notes.open(held));
        RunAs.user(
                supervisor,
                Set.of("supervisor"),
                () -> assignments.assignPrimary(
                        okafor.id(), ben, "Ana moves team", new TestData(sql()).familyVersion(okafor.id())));
        NoteView bensNote = as(ben, () -> notes.open(bensSession));

        assertThat(as(ana, () -> notes.open(held)).id()).isEqualTo(anasDraft.id());
        assertThrows(Refused.class, () -> as(ana, () -> notes.read(bensNote.id())));
        assertThrows(Refused.class, () -> as(ana, () -> notes.open(bensSession)));
        assertThrows(Refused.class, () -> as(ana, () -> notes.forFamily(okafor.id())));
        assertThrows(Refused.class, () -> as(ana, () -> notes.readinessOf(okafor.id())));
        assertThrows(Refused.class, () -> as(ana, () -> records.open(okafor.id())));
        assertThrows(Refused.class, () -> as(ana, () -> intakes.read(okafor.id())));
        assertThrows(Refused.class, () -> as(ana, () -> groupNotes.forFamily(okafor.id())));
        assertThat(deniedOnFamily(ana)).as("each refusal audited on the family").isEqualTo(7);
        assertThrows(
                Refused.class,
                () -> as(cleo, () -> notes.read(anasDraft.id())),
                "another counselor of the program reads nothing of it");
    }

    @Test
    void aSupervisorSeesNotesNobodyCanFinishAndGivesOneToAnotherCounselorWhoWritesAndSignsIt() {
        long drafted = heldSession(ana, "80 hours");
        long untouched = heldSession(ana, "90 hours");
        long recent = heldSession(ana, "2 hours");
        NoteView draft = as(ana, () -> notes.open(drafted));
        NoteView saved = as(ana, () -> notes.saveDraft(draft.id(), content("<p>Grace calmer</p>", null), 0L));
        RunAs.user(
                supervisor,
                Set.of("supervisor"),
                () -> assignments.assignPrimary(
                        okafor.id(), ben, "Ana leaves", new TestData(sql()).familyVersion(okafor.id())));

        List<OverdueNote> overdue = asSupervisor(() -> notes.overdueNotes());
        assertThat(overdue)
                .as("overdue only, oldest first; the family is now Ben's")
                .extracting(
                        OverdueNote::appointmentId,
                        OverdueNote::noteId,
                        OverdueNote::noteVersion,
                        OverdueNote::heldByUsername,
                        OverdueNote::writerUsername,
                        OverdueNote::familyWithWriter,
                        OverdueNote::familyNowWith)
                .containsExactly(
                        Tuple.tuple(untouched, null, 0L, ana, ana, false, ben),
                        Tuple.tuple(drafted, draft.id(), saved.version(), ana, ana, false, ben));
        assertThat(overdue).extracting(OverdueNote::appointmentId).doesNotContain(recent);
        assertThat(RunAs.user(otherSupervisor, Set.of("supervisor"), () -> notes.overdueNotes()))
                .as("another program's supervisor sees none of them")
                .isEmpty();

        Conflict stale = assertThrows(
                Conflict.class, () -> asSupervisor(() -> notes.reassign(drafted, ben, "Ana left the team", 0L)));
        assertThat(stale.getRecord()).isEqualTo("note");
        Invalid notOfProgram = assertThrows(
                Invalid.class,
                () -> asSupervisor(() -> notes.reassign(drafted, otherSupervisor, "x", saved.version())));
        assertThat(notOfProgram.getReasons())
                .extracting(Invalid.Reason::messageKey)
                .containsExactly("note.reassign.notCounselor");

        NoteView given = asSupervisor(() -> notes.reassign(drafted, ben, "Ana left the team", saved.version()));
        assertThat(given.authorUsername()).isEqualTo(ben);
        assertThat(given.heldByUsername()).as("the session keeps who held it").isEqualTo(ana);
        assertThat(given.reassignedBy()).isEqualTo(supervisor);
        assertThat(given.reassignReason()).isEqualTo("Ana left the team");
        assertThat(given.content().data()).as("the draft so far stays").isEqualTo("<p>Grace calmer</p>");
        assertThat(sql().query(
                                "select counselor_id = (select id from staff_member where username = ?) from"
                                        + " appointment where id = cast(? as bigint)",
                                ana,
                                Long.toString(drafted)))
                .isEqualTo(List.of(List.of("t")));

        assertThrows(Refused.class, () -> as(ana, () -> notes.open(drafted)));
        assertThrows(
                Refused.class, () -> as(ana, () -> notes.saveDraft(draft.id(), content("x", "y"), given.version())));
        assertThat(as(ana, () -> notes.dueForMe()))
                .extracting(NoteDue::appointmentId)
                .containsExactly(untouched, recent);
        assertThat(as(ben, () -> notes.dueForMe()))
                .extracting(NoteDue::appointmentId, NoteDue::heldBy, NoteDue::familyOnCaseload)
                .containsExactly(Tuple.tuple(drafted, ana, true));

        NoteView bens = as(ben, () -> notes.open(drafted));
        assertThat(bens.id()).isEqualTo(draft.id());
        NoteView complete = as(
                ben, () -> notes.saveDraft(draft.id(), content("<p>Grace calmer</p>", "<p>Ready</p>"), bens.version()));
        NoteView signed = as(ben, () -> notes.sign(draft.id(), complete.version()));
        assertThat(signed.status()).isEqualTo(NoteStatus.SIGNED);
        assertThat(signed.authorUsername()).isEqualTo(ben);
        assertThat(signed.heldByUsername()).isEqualTo(ana);
        assertThat(signed.intact()).isTrue();
        assertThat(signed.isReassigned()).isTrue();

        Conflict locked = assertThrows(
                Conflict.class, () -> asSupervisor(() -> notes.reassign(drafted, cleo, "again", signed.version())));
        assertThat(locked.getSubject()).isEqualTo(Conflict.Subject.LOCKED);

        NoteView started = asSupervisor(() -> notes.reassign(untouched, cleo, "Ana left the team", 0L));
        assertThat(started.authorUsername()).isEqualTo(cleo);
        assertThat(started.status()).isEqualTo(NoteStatus.DRAFT);
        assertThat(asSupervisor(() -> notes.overdueByCounselor()))
                .as("counted by who writes each note now")
                .extracting(OverdueNotes::counselorUsername, OverdueNotes::overdue)
                .containsExactly(Tuple.tuple(cleo, 1L));
        assertThat(sql().query(
                                "select username, entity_id from audit_entry where action = 'REASSIGN_NOTE'"
                                        + " and family_id = cast(? as bigint) order by id",
                                Long.toString(okafor.id())))
                .isEqualTo(List.of(
                        List.of(supervisor, Long.toString(draft.id())),
                        List.of(supervisor, Long.toString(started.id()))));
    }

    @Test
    void onlyASupervisorOfTheFamilysProgramReassignsAndEveryRefusalIsAudited() {
        long session = heldSession(ana, "80 hours");
        assertThrows(
                Refused.class,
                () -> RunAs.user(
                        otherSupervisor, Set.of("supervisor"), () -> notes.reassign(session, ben, "mine now", 0L)));
        assertThrows(EJBAccessException.class, () -> as(ben, () -> notes.reassign(session, ben, "mine now", 0L)));
        assertThrows(
                EJBAccessException.class,
                () -> RunAs.user(desk, Set.of("front-desk"), () -> notes.reassign(session, ben, "x", 0L)));
        assertThat(deniedOnFamily(otherSupervisor)).isEqualTo(1);
        assertThat(sql().query(
                                "select count(*) from audit_entry where outcome = 'DENIED' and username in (?, ?)"
                                        + " and reason like 'SessionNotes.reassign%'",
                                ben, desk))
                .isEqualTo(List.of(List.of("2")));
        assertThat(sql().query(
                                "select count(*) from session_note where appointment_id = cast(? as bigint)",
                                "" + session))
                .as("nothing made by a refused call")
                .isEqualTo(List.of(List.of("0")));
    }

    @Test
    void everyChangeToANoteNamesTheVersionReadAndAStaleOneIsRefused() {
        long session = heldSession(ana, "3 hours");
        NoteView draft = as(ana, () -> notes.open(session));
        NoteView saved = as(ana, () -> notes.saveDraft(draft.id(), content("<p>D</p>", "<p>A</p>"), 0L));
        assertThat(assertThrows(Conflict.class, () -> as(ana, () -> notes.saveDraft(draft.id(), content("x", "y"), 0L)))
                        .getRecord())
                .isEqualTo("note");
        assertThrows(Conflict.class, () -> as(ana, () -> notes.sign(draft.id(), 0L)));
        NoteView signed = as(ana, () -> notes.sign(draft.id(), saved.version()));
        NoteView returned = asSupervisor(() -> notes.returnToAuthor(draft.id(), "Which invitation?", signed.version()));
        assertThrows(
                Conflict.class,
                () -> as(ana, () -> notes.addAddendum(draft.id(), "After dinner.", signed.version())),
                "returned meanwhile: the addendum was written to a note that changed");
        assertThrows(Conflict.class, () -> as(ana, () -> notes.addAddendum(draft.id(), "After dinner.", null)));
        NoteView answered = as(ana, () -> notes.addAddendum(draft.id(), "After dinner.", returned.version()));
        assertThrows(Conflict.class, () -> asSupervisor(() -> notes.cosign(draft.id(), returned.version())));
        assertThrows(Conflict.class, () -> asSupervisor(() -> notes.returnToAuthor(draft.id(), "?", signed.version())));
        assertThat(asSupervisor(() -> notes.cosign(draft.id(), answered.version()))
                        .status())
                .isEqualTo(NoteStatus.CO_SIGNED);

        MitiReviewView first = asSupervisor(() -> reviews.record(session, counts(10), globals(), null, null));
        MitiReviewView corrected =
                asSupervisor(() -> reviews.record(session, counts(12), globals(), "recounted", first.version()));
        Conflict staleReview = assertThrows(
                Conflict.class,
                () -> asSupervisor(() -> reviews.record(session, counts(9), globals(), null, first.version())));
        assertThat(staleReview.getRecord()).isEqualTo("review");
        assertThrows(
                Conflict.class,
                () -> asSupervisor(() -> reviews.record(session, counts(9), globals(), null, null)),
                "a second first coding finds the first one");
        assertThat(asSupervisor(() -> reviews.ofSession(session)))
                .extracting(r -> r.counts().questions())
                .containsExactly(corrected.counts().questions());
    }

    @Test
    void theAuthorOfAGroupNoteFinishesItAfterTheGroupsFacilitatorsChanged() {
        long sessionId = groupMeetingLedBy(ana);
        GroupNoteView draft = as(ana, () -> groupNotes.open(sessionId));
        sql().update(
                        "delete from group_facilitator where group_id = (select group_id from group_session where id"
                                + " = cast(? as bigint))",
                        Long.toString(sessionId));
        sql().update(
                        "insert into group_facilitator (group_id, staff_member_id) select g.group_id, s.id from"
                                + " group_session g, staff_member s where g.id = cast(? as bigint) and s.username = ?",
                        Long.toString(sessionId),
                        ben);

        assertThat(as(ana, () -> groupNotes.open(sessionId)).id()).isEqualTo(draft.id());
        assertThat(as(ana, () -> groupNotes.read(draft.id())).id()).isEqualTo(draft.id());
        GroupNoteView saved = as(
                ana,
                () -> groupNotes.saveDraft(
                        draft.id(), "<p>Practised positive requests</p>", Map.of(members.get(0), "Spoke first"), 0L));
        assertThrows(
                Conflict.class, () -> as(ana, () -> groupNotes.sign(draft.id(), 0L)), "a stale version is refused");
        assertThat(as(ana, () -> groupNotes.sign(draft.id(), saved.version())).status())
                .isEqualTo(NoteStatus.SIGNED);
        assertThrows(
                Refused.class,
                () -> as(cleo, () -> groupNotes.read(draft.id())),
                "a counselor who neither wrote nor leads it reads nothing");
    }

    /** A family session held by {@code counselor} with both members, ended {@code ago}. */
    private long heldSession(String counselor, String ago) {
        sql().update(
                        "insert into appointment (family_id, kind, counselor_id, telehealth, starts_at, ends_at, status,"
                                + " booked_by, booked_at) select cast(? as bigint), 'CRAFT_SESSION', s.id, true,"
                                + " now() - cast(? as interval) - interval '1 hour', now() - cast(? as interval),"
                                + " 'COMPLETED', 'test', now() from staff_member s where s.username = ?",
                        Long.toString(okafor.id()),
                        ago,
                        ago,
                        counselor);
        long id = Long.parseLong(sql().query(
                        "select max(id) from appointment where family_id = cast(? as bigint)",
                        Long.toString(okafor.id()))
                .get(0)
                .get(0));
        for (long member : members) {
            sql().update(
                            "insert into appointment_member (appointment_id, family_member_id) values (cast(? as"
                                    + " bigint), cast(? as bigint))",
                            Long.toString(id),
                            Long.toString(member));
        }
        return id;
    }

    /** Yesterday's meeting of a group of the program facilitated by {@code leader}, Grace present. */
    private long groupMeetingLedBy(String leader) {
        sql().update("insert into room (name, capacity) values (?, 12)", "Room " + suffix);
        sql().update(
                        "insert into support_group (name, kind, language, program_id, room_id, capacity,"
                                + " open_enrollment, recurrence, defined_by, defined_at) select ?, 'CRAFT_SKILLS', 'en',"
                                + " p.id, r.id, 10, true, 'FREQ=WEEKLY;COUNT=1', 'test', now() from program p, room r"
                                + " where p.name = ? and r.name = ?",
                        "Skills " + suffix,
                        program,
                        "Room " + suffix);
        sql().update(
                        "insert into group_facilitator (group_id, staff_member_id) select g.id, s.id from"
                                + " support_group g, staff_member s where g.name = ? and s.username = ?",
                        "Skills " + suffix,
                        leader);
        sql().update(
                        "insert into group_session (group_id, occurs_on, starts_at, ends_at, room_id, status) select"
                                + " g.id, current_date - 1, now() - interval '26 hours', now() - interval '25 hours',"
                                + " g.room_id, 'SCHEDULED' from support_group g where g.name = ?",
                        "Skills " + suffix);
        String session = sql().query(
                        "select s.id from group_session s join support_group g on g.id = s.group_id where g.name = ?",
                        "Skills " + suffix)
                .get(0)
                .get(0);
        sql().update(
                        "insert into group_attendance (group_session_id, family_member_id, mark, recorded_by,"
                                + " recorded_at) values (cast(? as bigint), cast(? as bigint), 'PRESENT', 'test', now())",
                        session,
                        Long.toString(members.get(0)));
        return Long.parseLong(session);
    }

    private long deniedOnFamily(String username) {
        return Long.parseLong(sql().query(
                        "select count(*) from audit_entry where outcome = 'DENIED' and family_id = cast(? as bigint)"
                                + " and username = ?",
                        Long.toString(okafor.id()),
                        username)
                .get(0)
                .get(0));
    }

    private static NoteContent content(String data, String assessment) {
        return new NoteContent(
                data,
                assessment,
                assessment == null ? null : "<p>Rehearse the invitation</p>",
                null,
                true,
                false,
                true,
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
                Set.of());
    }

    private static MitiCounts counts(int questions) {
        return new MitiCounts(questions, 8, 2, 1, 2, 1, 1, 2, 1, 3);
    }

    private static MitiGlobals globals() {
        return new MitiGlobals(3, 2, 4, 3);
    }

    private <T> T as(String counselor, Supplier<T> action) {
        return RunAs.user(counselor, Set.of("counselor"), action);
    }

    private <T> T asSupervisor(Supplier<T> action) {
        return RunAs.user(supervisor, Set.of("supervisor"), action);
    }

    private Sql sql() {
        return new Sql(dataSource::getConnection);
    }
}
