package org.hearth.boundaries;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.annotation.Resource;
import jakarta.ejb.EJBAccessException;
import jakarta.inject.Inject;
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
import org.hearth.notes.NoteContent;
import org.hearth.notes.NoteView;
import org.hearth.notes.SessionNotes;
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
 * A family's boundaries in the real server and database: set, reviewed in session notes as kept, broken and changed
 * with the history kept, corrected on a draft and final once signed; due reviews on the counselor's to-do list;
 * versions, bad input named field by field, foreign ids refused, and who may do what, refusals audited.
 */
@ExtendWith({HearthStack.class, ArquillianExtension.class})
class BoundariesIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.hearthWith(BoundariesIT.class);
    }

    @Inject
    private Boundaries boundaries;

    @Inject
    private SessionNotes notes;

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
    private long okafor;
    private List<Long> okaforMembers;
    private LocalDate today;

    @BeforeEach
    void theOkaforsOfAnaWithTwoMembers() {
        suffix = UUID.randomUUID().toString().substring(0, 8);
        String program = "Boundaries " + suffix;
        TestData data = new TestData(sql());
        programId = data.program(program);
        data.program("Other boundaries " + suffix);
        ana = data.staff("ana-" + suffix, "counselor", program);
        ben = data.staff("ben-" + suffix, "counselor", program);
        supervisor = data.staff("sup-" + suffix, "supervisor", program);
        otherSupervisor = data.staff("other-sup-" + suffix, "supervisor", "Other boundaries " + suffix);
        desk = data.staff("desk-" + suffix, "front-desk");
        today = LocalDate.now(ClinicTime.zone());
        okafor = familyOf(ana, "Okafor", "Grace Okafor", "Paul Okafor");
        okaforMembers = membersOf(okafor);
    }

    @Test
    void aBoundaryIsSetThenReviewedKeptBrokenAndChangedAcrossNotesAndTheHistoryShowsIt() {
        BoundaryView set = asAna(() -> boundaries.add(
                okafor,
                new BoundaryDraft(
                        BoundaryKind.NO_MONEY_GIVEN,
                        "  We don't give Sam cash, not even for gas ",
                        "We offer a meal instead",
                        okaforMembers,
                        today.minusDays(30),
                        null)));
        assertThat(set.wording()).as("stripped").isEqualTo("We don't give Sam cash, not even for gas");
        assertThat(set.reviewOn()).as("28 days after the day agreed").isEqualTo(today.minusDays(2));
        assertThat(set.overdue()).isTrue();
        assertThat(set.holders()).extracting(BoundaryView.Holder::name).containsExactly("Grace Okafor", "Paul Okafor");
        assertThat(set.lastOutcome()).isNull();

        List<Task> due = asAna(() -> tasks.mine());
        assertThat(due)
                .filteredOn(t -> t.familyId() == okafor && t.kind().equals("boundaryReview"))
                .singleElement()
                .satisfies(t -> {
                    assertThat(t.dueOn()).isEqualTo(today.minusDays(2));
                    assertThat(t.overdue()).isTrue();
                    assertThat(t.detail()).isEqualTo("We don't give Sam cash, not even for gas");
                    assertThat(t.link()).isEqualTo("families/record.xhtml?id=" + okafor + "&tab=plan");
                });
        assertThat(RunAs.user(ben, Set.of("counselor"), () -> tasks.mine()))
                .as("not on Ben's list: not his family")
                .noneMatch(t -> t.familyId() == okafor && t.kind().equals("boundaryReview"));

        // the first session: kept
        NoteView first = draftOfASessionHeld("3 days");
        ReviewView kept = asAna(() -> boundaries.review(
                first.id(), new ReviewEntry(set.id(), ReviewOutcome.KEPT, null, null, null, null), set.version()));
        assertThat(kept.sessionDay()).isEqualTo(first.sessionDate());
        assertThat(kept.nextReviewOn()).isEqualTo(first.sessionDate().plusDays(28));
        assertThat(kept.open()).isTrue();
        assertThat(asAna(() -> tasks.mine()))
                .as("reviewed: no longer due this week")
                .noneMatch(t -> t.familyId() == okafor && t.kind().equals("boundaryReview"));
        sign(first);

        // the second: broken, then changed
        NoteView second = draftOfASessionHeld("1 day");
        long version = version(set.id());
        Invalid noAccount = assertThrows(
                Invalid.class,
                () -> asAna(() -> boundaries.review(
                        second.id(),
                        new ReviewEntry(set.id(), ReviewOutcome.BROKEN, " ", null, null, second.sessionDate()),
                        version)));
        assertThat(noAccount.getReasons())
                .extracting(Invalid.Reason::field, Invalid.Reason::messageKey)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("whatHappened", "boundary.whatHappened.required"),
                        org.assertj.core.groups.Tuple.tuple("nextReviewOn", "boundary.review.next.afterSession"));
        ReviewView broken = asAna(() -> boundaries.review(
                second.id(),
                new ReviewEntry(
                        set.id(),
                        ReviewOutcome.BROKEN,
                        "Grace gave him $20 on Friday",
                        null,
                        null,
                        second.sessionDate().plusDays(14)),
                version));
        Invalid twice = assertThrows(
                Invalid.class,
                () -> asAna(() -> boundaries.review(
                        second.id(),
                        new ReviewEntry(set.id(), ReviewOutcome.KEPT, null, null, null, null),
                        version(set.id()))));
        assertThat(twice.getReasons())
                .extracting(Invalid.Reason::messageKey)
                .containsExactly("boundary.review.already");
        sign(second);

        BoundaryView history = only();
        assertThat(history.reviews())
                .as("newest first")
                .extracting(ReviewView::id, ReviewView::outcome, ReviewView::sessionDay, ReviewView::open)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                broken.id(), ReviewOutcome.BROKEN, second.sessionDate(), false),
                        org.assertj.core.groups.Tuple.tuple(kept.id(), ReviewOutcome.KEPT, first.sessionDate(), false));
        assertThat(history.reviews().get(0).whatHappened()).isEqualTo("Grace gave him $20 on Friday");
        assertThat(history.reviews().get(0).reviewerName()).isNotBlank();
        assertThat(history.lastOutcome()).isEqualTo(ReviewOutcome.BROKEN);
        assertThat(List.of(history.kept(), history.broken(), history.changed())).containsExactly(1, 1, 0);
        assertThat(history.reviewOn()).isEqualTo(second.sessionDate().plusDays(14));
        assertThat(sql().query(
                                "select count(*) from audit_entry where action = 'RECORD_BOUNDARY_REVIEW'"
                                        + " and family_id = cast(? as bigint) and username = ?",
                                Long.toString(okafor),
                                ana))
                .isEqualTo(List.of(List.of("2")));
    }

    @Test
    void aChangeInAReviewKeepsTheWordingBeforeAndCorrectingOrRemovingItOnADraftPutsItBack() {
        BoundaryView set = aBoundary(today.minusDays(10));
        NoteView note = draftOfASessionHeld("2 hours");
        ReviewView changed = asAna(() -> boundaries.review(
                note.id(),
                new ReviewEntry(
                        set.id(),
                        ReviewOutcome.CHANGED,
                        "Sam asked for rent",
                        null,
                        "We pay the landlord directly",
                        null),
                set.version()));
        assertThat(changed.outcome()).isEqualTo(ReviewOutcome.CHANGED);
        assertThat(changed.consequence()).isEqualTo("We pay the landlord directly");
        BoundaryView now = only();
        assertThat(now.consequence()).isEqualTo("We pay the landlord directly");
        assertThat(now.wording()).as("the wording kept").isEqualTo(set.wording());
        assertThat(now.wordings())
                .extracting(BoundaryView.Wording::consequence)
                .as("newest first, the one before kept")
                .containsExactly("We pay the landlord directly", "We offer a meal instead");
        assertThat(now.reviewOn()).isEqualTo(note.sessionDate().plusDays(28));

        ReviewView corrected = asAna(() -> boundaries.correct(
                note.id(),
                changed.id(),
                new ReviewEntry(
                        null,
                        ReviewOutcome.KEPT,
                        null,
                        null,
                        null,
                        note.sessionDate().plusDays(7)),
                changed.version()));
        assertThat(corrected.outcome()).isEqualTo(ReviewOutcome.KEPT);
        now = only();
        assertThat(now.consequence()).as("the change taken back").isEqualTo("We offer a meal instead");
        assertThat(now.wordings()).hasSize(1);
        assertThat(now.reviewOn()).isEqualTo(note.sessionDate().plusDays(7));
        assertThat(now.kept()).isEqualTo(1);

        assertThrows(
                Conflict.class,
                () -> asAna(() -> boundaries.correct(
                        note.id(),
                        corrected.id(),
                        new ReviewEntry(null, ReviewOutcome.BROKEN, "again", null, null, null),
                        corrected.version() - 1)),
                "a stale review version");
        asAna(() -> {
            boundaries.remove(note.id(), corrected.id(), corrected.version());
            return null;
        });
        BoundaryView restored = only();
        assertThat(restored.reviews()).isEmpty();
        assertThat(restored.reviewOn()).as("the review day before it").isEqualTo(set.reviewOn());

        ReviewView again = asAna(() -> boundaries.review(
                note.id(),
                new ReviewEntry(set.id(), ReviewOutcome.BROKEN, "Paul let him stay over", null, null, null),
                restored.version()));
        sign(note);
        Conflict locked = assertThrows(
                Conflict.class,
                () -> asAna(() -> boundaries.correct(
                        note.id(),
                        again.id(),
                        new ReviewEntry(null, ReviewOutcome.KEPT, null, null, null, null),
                        again.version())));
        assertThat(locked.getSubject()).isEqualTo(Conflict.Subject.LOCKED);
        assertThrows(
                Conflict.class,
                () -> asAna(() -> {
                    boundaries.remove(note.id(), again.id(), again.version());
                    return null;
                }));
        NoteBoundaries read = RunAs.user(supervisor, Set.of("supervisor"), () -> boundaries.ofNote(note.id()));
        assertThat(read.open()).isFalse();
        assertThat(read.reviews())
                .extracting(ReviewView::outcome, ReviewView::whatHappened, ReviewView::open)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(ReviewOutcome.BROKEN, "Paul let him stay over", false));
        assertThat(only().lastOutcome()).isEqualTo(ReviewOutcome.BROKEN);
    }

    @Test
    void aReviewOnASignedNoteOrByAnotherThanItsAuthorOrOfAnotherFamilysBoundaryIsRefused() {
        BoundaryView set = aBoundary(today.minusDays(5));
        NoteView note = draftOfASessionHeld("2 hours");
        long otherFamily = familyOf(ana, "Lindqvist", "Eva Lindqvist");
        BoundaryView foreign = asAna(() -> boundaries.add(
                otherFamily,
                new BoundaryDraft(
                        BoundaryKind.CURFEW,
                        "Home by eleven",
                        "The door is locked",
                        membersOf(otherFamily),
                        today,
                        null)));
        assertThrows(
                NotFound.class,
                () -> asAna(() -> boundaries.review(
                        note.id(),
                        new ReviewEntry(foreign.id(), ReviewOutcome.KEPT, null, null, null, null),
                        foreign.version())),
                "a boundary of another family on this family's note");
        assertThrows(
                Refused.class,
                () -> RunAs.user(
                        ben,
                        Set.of("counselor"),
                        () -> boundaries.review(
                                note.id(),
                                new ReviewEntry(set.id(), ReviewOutcome.KEPT, null, null, null, null),
                                set.version())));
        sign(note);
        Conflict signed = assertThrows(
                Conflict.class,
                () -> asAna(() -> boundaries.review(
                        note.id(),
                        new ReviewEntry(set.id(), ReviewOutcome.KEPT, null, null, null, null),
                        set.version())));
        assertThat(signed.getSubject()).isEqualTo(Conflict.Subject.LOCKED);
        assertThat(only().reviews()).isEmpty();
    }

    @Test
    void onlyTheFamilysCounselorsChangeBoundariesTheSupervisorReadsAndOthersAreRefusedAndAudited() {
        BoundaryView set = aBoundary(today);
        assertThrows(Refused.class, () -> RunAs.user(ben, Set.of("counselor"), () -> boundaries.ofFamily(okafor)));
        assertThrows(
                Refused.class, () -> RunAs.user(ben, Set.of("counselor"), () -> boundaries.add(okafor, draft(today))));
        assertThat(sql().query(
                                "select count(*) from audit_entry where outcome = 'DENIED' and family_id = cast(? as bigint)"
                                        + " and username = ?",
                                Long.toString(okafor),
                                ben))
                .as("each refusal in the audit trail, naming the family")
                .isEqualTo(List.of(List.of("2")));
        assertThrows(
                EJBAccessException.class,
                () -> RunAs.user(desk, Set.of("front-desk"), () -> boundaries.ofFamily(okafor)));
        assertThrows(
                Refused.class,
                () -> RunAs.user(otherSupervisor, Set.of("supervisor"), () -> boundaries.ofFamily(okafor)));
        assertThat(RunAs.user(supervisor, Set.of("supervisor"), () -> boundaries.ofFamily(okafor)))
                .extracting(BoundaryView::id)
                .containsExactly(set.id());
        assertThrows(
                EJBAccessException.class,
                () -> RunAs.user(
                        supervisor,
                        Set.of("supervisor"),
                        () -> boundaries.retire(okafor, set.id(), new Retirement(null, "moved out"), set.version())),
                "a supervisor only reads");
        assertThat(sql().query(
                                "select count(*) from audit_entry where action = 'READ_BOUNDARIES' and username = ?"
                                        + " and family_id = cast(? as bigint)",
                                supervisor,
                                Long.toString(okafor)))
                .isEqualTo(List.of(List.of("1")));
    }

    @Test
    void aStaleVersionIsAConflictBadInputIsNamedAndAnotherFamilysMemberIsRefused() {
        BoundaryView set = aBoundary(today.minusDays(3));
        BoundaryDraft reworded = new BoundaryDraft(
                BoundaryKind.NO_MONEY_GIVEN,
                "No cash, no gift cards",
                "We offer a meal instead",
                List.of(okaforMembers.get(0)),
                set.agreedOn(),
                null);
        BoundaryView changed = asAna(() -> boundaries.change(okafor, set.id(), reworded, set.version()));
        assertThat(changed.wordings())
                .extracting(BoundaryView.Wording::wording)
                .containsExactly("No cash, no gift cards", set.wording());
        assertThat(changed.holders()).extracting(BoundaryView.Holder::memberId).containsExactly(okaforMembers.get(0));
        Conflict stale = assertThrows(
                Conflict.class, () -> asAna(() -> boundaries.change(okafor, set.id(), reworded, set.version())));
        assertThat(stale.getRecord()).isEqualTo("boundary");

        Invalid bad = assertThrows(
                Invalid.class,
                () -> asAna(() ->
                        boundaries.add(okafor, new BoundaryDraft(null, "", " ", List.of(), today.plusDays(1), null))));
        assertThat(bad.getReasons())
                .extracting(Invalid.Reason::field)
                .containsExactly("kind", "wording", "consequence", "holderIds", "agreedOn");

        long otherFamily = familyOf(ana, "Lindqvist", "Eva Lindqvist");
        long stranger = membersOf(otherFamily).get(0);
        assertThrows(
                NotFound.class,
                () -> asAna(() -> boundaries.add(
                        okafor,
                        new BoundaryDraft(
                                BoundaryKind.CURFEW,
                                "Home by eleven",
                                "Door locked",
                                List.of(stranger),
                                today,
                                null))));
        assertThrows(
                NotFound.class,
                () -> asAna(() -> boundaries.change(otherFamily, set.id(), reworded, changed.version())),
                "a boundary named under another family");

        BoundaryView retired = asAna(
                () -> boundaries.retire(okafor, set.id(), new Retirement(null, "Sam moved out"), changed.version()));
        assertThat(retired.active()).isFalse();
        assertThat(retired.retiredOn()).isEqualTo(today);
        Invalid again = assertThrows(
                Invalid.class, () -> asAna(() -> boundaries.change(okafor, set.id(), reworded, retired.version())));
        assertThat(again.getReasons()).extracting(Invalid.Reason::messageKey).contains("boundary.retired");
        assertThat(sql().query(
                                "select count(*) from boundary where family_id = cast(? as bigint)",
                                Long.toString(okafor)))
                .as("nothing half saved")
                .isEqualTo(List.of(List.of("1")));
    }

    private BoundaryDraft draft(LocalDate agreedOn) {
        return new BoundaryDraft(
                BoundaryKind.NO_MONEY_GIVEN,
                "We don't give Sam cash",
                "We offer a meal instead",
                okaforMembers,
                agreedOn,
                null);
    }

    private BoundaryView aBoundary(LocalDate agreedOn) {
        return asAna(() -> boundaries.add(okafor, draft(agreedOn)));
    }

    private BoundaryView only() {
        return asAna(() -> boundaries.ofFamily(okafor)).get(0);
    }

    private long version(long boundaryId) {
        return asAna(() -> boundaries.ofFamily(okafor)).stream()
                .filter(b -> b.id() == boundaryId)
                .findFirst()
                .orElseThrow()
                .version();
    }

    private long familyOf(String counselor, String name, String... members) {
        FamilyContact family = RunAs.user(
                desk,
                Set.of("front-desk"),
                () -> registry.register(new NewFamily(
                        name + " " + suffix,
                        programId,
                        "en",
                        ReferralSource.SELF,
                        null,
                        java.util.Arrays.stream(members)
                                .map(m -> new NewFamilyMember(
                                        m, null, 45, Relationship.PARENT, null, null, "en", false, false, true))
                                .toList())));
        RunAs.user(supervisor, Set.of("supervisor"), () -> assignments.assignPrimary(family.id(), counselor, null));
        return family.id();
    }

    private List<Long> membersOf(long familyId) {
        return sql()
                .query(
                        "select id from family_member where family_id = cast(? as bigint) order by id",
                        Long.toString(familyId))
                .stream()
                .map(row -> Long.parseLong(row.get(0)))
                .toList();
    }

    /** The draft note of a session of Ana with the Okafors, ended {@code ago}. */
    private NoteView draftOfASessionHeld(String ago) {
        sql().update(
                        "insert into appointment (family_id, kind, counselor_id, telehealth, starts_at, ends_at, status,"
                                + " booked_by, booked_at) select cast(? as bigint), 'CRAFT_SESSION', s.id, true,"
                                + " now() - cast(? as interval) - interval '1 hour', now() - cast(? as interval),"
                                + " 'COMPLETED', 'test', now() from staff_member s where s.username = ?",
                        Long.toString(okafor),
                        ago,
                        ago,
                        ana);
        long session = Long.parseLong(sql().query(
                        "select max(id) from appointment where family_id = cast(? as bigint)", Long.toString(okafor))
                .get(0)
                .get(0));
        return asAna(() -> notes.open(session));
    }

    private void sign(NoteView draft) {
        NoteView saved = asAna(() -> notes.saveDraft(
                draft.id(),
                new NoteContent(
                        "<p>Calm week</p>",
                        "<p>Grace holds the line</p>",
                        "<p>Keep the boundary</p>",
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
                        Set.of()),
                draft.version()));
        asAna(() -> notes.sign(saved.id(), saved.version()));
    }

    private <T> T asAna(Supplier<T> action) {
        return RunAs.user(ana, Set.of("counselor"), action);
    }

    private Sql sql() {
        return new Sql(dataSource::getConnection);
    }
}
