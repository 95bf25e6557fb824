package org.hearth.boundaries;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.hearth.access.Caller;
import org.hearth.audit.AuditAction;
import org.hearth.audit.AuditEvent;
import org.hearth.audit.AuditTrail;
import org.hearth.family.Family;
import org.hearth.family.FamilyAccessPolicy;
import org.hearth.family.FamilyMember;
import org.hearth.security.Conflict;
import org.hearth.security.Invalid;
import org.hearth.security.NotFound;
import org.hearth.security.Refused;
import org.hearth.security.Role;
import org.hearth.staff.StaffMember;
import org.hearth.time.ClinicClock;

/**
 * A family's boundaries and their reviews in session notes. The family's counselors set, change and retire
 * boundaries; the note's author reviews them in the note while it is a draft (and may correct or remove those
 * reviews until it is signed; then they are final); the family's counselors and its program's supervisors read them;
 * nobody else, the front desk included. Every change takes the version read (409 naming the "boundary" or the
 * "boundary review"), is checked field by field by {@link BoundaryRules} before anything is saved, and every read
 * and change is audited on the family.
 */
@Stateless
@RolesAllowed({Role.Names.COUNSELOR, Role.Names.SUPERVISOR})
public class Boundaries {

    @PersistenceContext
    private EntityManager em;

    @Inject
    private FamilyAccessPolicy access;

    @Inject
    private ReviewingNotes notes;

    @EJB
    private AuditTrail audit;

    @Inject
    private ClinicClock clock;

    /**
     * The family's boundaries, active first (the soonest review first), then the retired ones, each with its
     * reviews and wordings newest first: the family's readers. Audited.
     */
    public List<BoundaryView> ofFamily(long familyId) {
        Family family = access.family(familyId);
        access.requireClinicalRead(family);
        List<Boundary> boundaries = em.createQuery(
                        "select distinct b from Boundary b left join fetch b.holders where b.family = :family",
                        Boundary.class)
                .setParameter("family", family)
                .getResultList();
        List<BoundaryView> views = views(boundaries);
        audit.record(AuditEvent.allowedOnFamily(AuditAction.READ_BOUNDARIES, "Family", familyId, familyId));
        return views;
    }

    /** Whether the caller may set, change and retire the family's boundaries: a counselor with it on their caseload. */
    public boolean mayChange(long familyId) {
        return access.mayWriteClinical(access.family(familyId));
    }

    /** Sets a new boundary with the family: a counselor with the family on their caseload. Audited. */
    @RolesAllowed(Role.Names.COUNSELOR)
    public BoundaryView add(long familyId, BoundaryDraft draft) {
        Family family = access.family(familyId);
        access.requireClinicalWrite(family);
        List<Invalid.Reason> reasons = BoundaryRules.check(draft, clock.today());
        Set<FamilyMember> holders = draft == null ? Set.of() : holders(family, draft.holderIds());
        refuseIf(reasons);
        Boundary boundary = new Boundary(family, draft, holders, myName(), clock.now());
        em.persist(boundary);
        em.flush();
        audit.record(AuditEvent.allowedOnFamily(AuditAction.ADD_BOUNDARY, "Boundary", boundary.getId(), familyId));
        return views(List.of(boundary)).get(0);
    }

    /**
     * Changes what was agreed (kind, wording, consequence, holders, days), with the boundary's version read: a
     * counselor of the family. A new wording or consequence keeps the one before in the history. A retired boundary
     * is not changed. Audited.
     */
    @RolesAllowed(Role.Names.COUNSELOR)
    public BoundaryView change(long familyId, long boundaryId, BoundaryDraft draft, Long version) {
        Boundary boundary = boundaryOf(familyId, boundaryId);
        access.requireClinicalWrite(boundary.getFamily());
        Conflict.requireVersion(version, boundary.getVersion(), "boundary");
        List<Invalid.Reason> reasons = BoundaryRules.check(draft, clock.today());
        if (!boundary.isActive()) {
            reasons.add(0, Invalid.Reason.plain("body", "boundary.retired"));
        }
        Set<FamilyMember> holders = draft == null ? Set.of() : holders(boundary.getFamily(), draft.holderIds());
        refuseIf(reasons);
        boundary.change(draft, holders, myName(), clock.now());
        em.flush();
        audit.record(AuditEvent.allowedOnFamily(AuditAction.CHANGE_BOUNDARY, "Boundary", boundaryId, familyId));
        return views(List.of(boundary)).get(0);
    }

    /**
     * Retires a boundary the family no longer holds, from a day (not in the future, not before it was agreed) and
     * with a reason, with its version read: a counselor of the family. It stays in the history. Audited.
     */
    @RolesAllowed(Role.Names.COUNSELOR)
    public BoundaryView retire(long familyId, long boundaryId, Retirement retirement, Long version) {
        Boundary boundary = boundaryOf(familyId, boundaryId);
        access.requireClinicalWrite(boundary.getFamily());
        Conflict.requireVersion(version, boundary.getVersion(), "boundary");
        LocalDate today = clock.today();
        List<Invalid.Reason> reasons = BoundaryRules.check(retirement, boundary.getAgreedOn(), today);
        if (!boundary.isActive()) {
            reasons.add(0, Invalid.Reason.plain("body", "boundary.retired"));
        }
        refuseIf(reasons);
        boundary.retire(
                retirement.retiredOn() == null ? today : retirement.retiredOn(),
                retirement.reason().strip(),
                myName());
        em.flush();
        audit.record(AuditEvent.allowedOnFamily(AuditAction.RETIRE_BOUNDARY, "Boundary", boundaryId, familyId));
        return views(List.of(boundary)).get(0);
    }

    /**
     * The reviews made in a session note and, while it is a draft, the family's active boundaries to review: the
     * family's readers. Audited.
     */
    public NoteBoundaries ofNote(long noteId) {
        ReviewingNote note = note(noteId);
        Family family = access.family(note.familyId());
        access.requireClinicalRead(family);
        List<ReviewView> reviews = reviewViews(em.createQuery(
                                "select r from BoundaryReview r join fetch r.boundary where r.noteId = :note"
                                        + " order by r.id",
                                BoundaryReview.class)
                        .setParameter("note", noteId)
                        .getResultList())
                .stream()
                .sorted(Comparator.comparing(ReviewView::id))
                .toList();
        List<BoundaryView> active = note.draft()
                ? views(em.createQuery(
                                "select distinct b from Boundary b left join fetch b.holders where b.family = :family"
                                        + " and b.retiredOn is null",
                                Boundary.class)
                        .setParameter("family", family)
                        .getResultList())
                : List.of();
        audit.record(
                AuditEvent.allowedOnFamily(AuditAction.READ_BOUNDARY_REVIEWS, "SessionNote", noteId, family.getId()));
        return new NoteBoundaries(noteId, note.draft(), active, reviews);
    }

    /**
     * Records a boundary's review in a draft session note, with the boundary's version read: the note's author, a
     * counselor of the family. The boundary is one of the note's family's, active, not reviewed in this note yet.
     * Broken needs what happened; changed a new wording or consequence, which becomes the boundary's while the one
     * before stays in the history; the boundary's next review day becomes the one given. Audited.
     */
    @RolesAllowed(Role.Names.COUNSELOR)
    public ReviewView review(long noteId, ReviewEntry entry, Long boundaryVersion) {
        ReviewingNote note = writableNote(noteId);
        if (entry == null || entry.boundaryId() == null) {
            refuseIf(BoundaryRules.check(entry, note.sessionDay(), null, null));
        }
        Boundary boundary = boundaryOf(note.familyId(), entry.boundaryId());
        Conflict.requireVersion(boundaryVersion, boundary.getVersion(), "boundary");
        List<Invalid.Reason> reasons =
                BoundaryRules.check(entry, note.sessionDay(), boundary.getWording(), boundary.getConsequence());
        if (!boundary.isActive()) {
            reasons.add(0, Invalid.Reason.plain("boundaryId", "boundary.retired"));
        }
        if (reviewCount("r.boundary = :boundary and r.noteId = :note", boundary, noteId) > 0) {
            reasons.add(0, Invalid.Reason.plain("boundaryId", "boundary.review.already"));
        }
        refuseIf(reasons);
        StaffMember me = access.caller().staffRecord();
        Instant now = clock.now();
        BoundaryReview review = new BoundaryReview(boundary, note, me, now);
        review.record(entry, me, now);
        em.persist(review);
        if (entry.outcome() == ReviewOutcome.CHANGED) {
            boundary.reword(
                    changed(entry.newWording(), boundary.getWording()),
                    changed(entry.newConsequence(), boundary.getConsequence()),
                    me.getDisplayName(),
                    now,
                    review);
        }
        em.flush();
        audit.record(AuditEvent.allowedOnFamily(
                AuditAction.RECORD_BOUNDARY_REVIEW, "BoundaryReview", review.getId(), note.familyId()));
        return reviewViews(List.of(review)).get(0);
    }

    /**
     * Corrects a review made in a draft note, with the review's version read: the note's author. A change it had
     * agreed is taken back first, so the boundary's wording is the one before it, then the corrected review applies.
     * Only a boundary's latest review is corrected (a later one built on it). Audited.
     */
    @RolesAllowed(Role.Names.COUNSELOR)
    public ReviewView correct(long noteId, long reviewId, ReviewEntry entry, Long version) {
        ReviewingNote note = writableNote(noteId);
        BoundaryReview review = reviewOf(note, reviewId, version);
        Boundary boundary = review.getBoundary();
        BoundaryWording before = wordingBefore(boundary, review);
        ReviewEntry corrected = entry == null
                ? null
                : new ReviewEntry(
                        boundary.getId(),
                        entry.outcome(),
                        entry.whatHappened(),
                        entry.newWording(),
                        entry.newConsequence(),
                        entry.nextReviewOn());
        refuseIf(BoundaryRules.check(corrected, note.sessionDay(), before.getWording(), before.getConsequence()));
        StaffMember me = access.caller().staffRecord();
        Instant now = clock.now();
        if (review.getOutcome() == ReviewOutcome.CHANGED) {
            boundary.undoReword(review);
        }
        review.record(corrected, me, now);
        if (corrected.outcome() == ReviewOutcome.CHANGED) {
            boundary.reword(
                    changed(corrected.newWording(), boundary.getWording()),
                    changed(corrected.newConsequence(), boundary.getConsequence()),
                    me.getDisplayName(),
                    now,
                    review);
        }
        em.flush();
        audit.record(AuditEvent.allowedOnFamily(
                AuditAction.CORRECT_BOUNDARY_REVIEW, "BoundaryReview", reviewId, note.familyId()));
        return reviewViews(List.of(review)).get(0);
    }

    /**
     * Removes a review made in a draft note, with its version read: the note's author. The boundary returns to its
     * wording and review day before it. Audited.
     */
    @RolesAllowed(Role.Names.COUNSELOR)
    public void remove(long noteId, long reviewId, Long version) {
        ReviewingNote note = writableNote(noteId);
        BoundaryReview review = reviewOf(note, reviewId, version);
        Boundary boundary = review.getBoundary();
        if (review.getOutcome() == ReviewOutcome.CHANGED) {
            boundary.undoReword(review);
            // the wording that names the review goes first
            em.flush();
        }
        boundary.reviewOn(review.getPreviousReviewOn());
        em.remove(review);
        em.flush();
        audit.record(AuditEvent.allowedOnFamily(
                AuditAction.REMOVE_BOUNDARY_REVIEW, "BoundaryReview", reviewId, note.familyId()));
    }

    private ReviewingNote note(long noteId) {
        return notes.find(noteId).orElseThrow(() -> new NotFound("session note", noteId));
    }

    /** A draft note the caller writes, of a family on their caseload; a signed one's reviews are final. */
    private ReviewingNote writableNote(long noteId) {
        ReviewingNote note = note(noteId);
        Family family = access.family(note.familyId());
        access.requireClinicalWrite(family);
        long me = access.caller().staffId().orElseThrow(() -> new Refused("a review is a counselor's"));
        if (me != note.authorStaffId()) {
            throw new Refused("boundaries are reviewed in a note by its author", note.familyId());
        }
        if (!note.draft()) {
            throw new Conflict(
                    Conflict.Subject.LOCKED, "the note is signed: the boundary reviews made in it are final");
        }
        return note;
    }

    private BoundaryReview reviewOf(ReviewingNote note, long reviewId, Long version) {
        BoundaryReview review = em.find(BoundaryReview.class, reviewId, LockModeType.PESSIMISTIC_WRITE);
        if (review == null || review.getNoteId() != note.id()) {
            throw new NotFound("boundary review", reviewId);
        }
        Conflict.requireVersion(version, review.getVersion(), "boundary review");
        if (reviewCount("r.boundary = :boundary and r.id > :review", review.getBoundary(), review.getId()) > 0) {
            throw new Conflict(
                    Conflict.Subject.LOCKED,
                    "the boundary was reviewed again since: this review is no longer its last");
        }
        return review;
    }

    private long reviewCount(String where, Boundary boundary, long other) {
        return em.createQuery("select count(r) from BoundaryReview r where " + where, Long.class)
                .setParameter("boundary", boundary)
                .setParameter(where.contains(":note") ? "note" : "review", other)
                .getSingleResult();
    }

    /** The wording the boundary had before {@code review} (its current one when the review changed nothing). */
    private static BoundaryWording wordingBefore(Boundary boundary, BoundaryReview review) {
        List<BoundaryWording> wordings = boundary.getWordings();
        for (int i = wordings.size() - 1; i > 0; i--) {
            if (BoundaryWording.madeIn(wordings.get(i), review)) {
                return wordings.get(i - 1);
            }
        }
        return wordings.get(wordings.size() - 1);
    }

    /** The boundary, locked for the change, when it is the family's; any other id is refused alike. */
    private Boundary boundaryOf(long familyId, long boundaryId) {
        Boundary boundary = em.find(Boundary.class, boundaryId, LockModeType.PESSIMISTIC_WRITE);
        if (boundary == null || boundary.getFamily().getId() != familyId) {
            // another family's boundary is answered as one that does not exist: its family is not told
            throw new NotFound("boundary", boundaryId);
        }
        return boundary;
    }

    /** The family's members with these ids; an id of no member of this family is refused as a foreign id. */
    private Set<FamilyMember> holders(Family family, List<Long> ids) {
        if (ids == null) {
            return Set.of();
        }
        Set<FamilyMember> holders = new LinkedHashSet<>();
        for (Long id : ids) {
            FamilyMember member = id == null ? null : em.find(FamilyMember.class, id);
            if (member == null || !member.getFamily().getId().equals(family.getId())) {
                throw new NotFound("family member", id);
            }
            holders.add(member);
        }
        return holders;
    }

    private static String changed(String proposed, String current) {
        return BoundaryRules.changes(proposed, current) ? proposed.strip() : null;
    }

    private static void refuseIf(List<Invalid.Reason> reasons) {
        if (!reasons.isEmpty()) {
            throw new Invalid(Invalid.Subject.BOUNDARY, reasons);
        }
    }

    private String myName() {
        Caller me = access.caller();
        return me.staff().map(StaffMember::getDisplayName).orElse(me.username());
    }

    private List<BoundaryView> views(List<Boundary> boundaries) {
        if (boundaries.isEmpty()) {
            return List.of();
        }
        LocalDate today = clock.today();
        // the wordings of all of them in one query (the managed boundaries get their collections filled)
        em.createQuery(
                        "select distinct b from Boundary b left join fetch b.wordings where b in :boundaries",
                        Boundary.class)
                .setParameter("boundaries", boundaries)
                .getResultList();
        Map<Long, List<ReviewView>> reviews = reviewViews(em.createQuery(
                                "select r from BoundaryReview r join fetch r.boundary join fetch r.reviewer"
                                        + " where r.boundary in :boundaries",
                                BoundaryReview.class)
                        .setParameter("boundaries", boundaries)
                        .getResultList())
                .stream()
                .sorted(Comparator.comparing(ReviewView::sessionDay)
                        .thenComparing(ReviewView::id)
                        .reversed())
                .collect(Collectors.groupingBy(ReviewView::boundaryId));
        return boundaries.stream()
                .sorted(Comparator.comparing((Boundary b) -> !b.isActive())
                        .thenComparing(b -> b.isActive() ? b.getReviewOn() : b.getRetiredOn())
                        .thenComparing(Boundary::getId))
                .map(b -> view(b, reviews.getOrDefault(b.getId(), List.of()), today))
                .toList();
    }

    private static BoundaryView view(Boundary b, List<ReviewView> reviews, LocalDate today) {
        List<BoundaryView.Wording> wordings = new ArrayList<>();
        for (BoundaryWording w : b.getWordings()) {
            wordings.add(
                    0,
                    new BoundaryView.Wording(
                            w.getWording(),
                            w.getConsequence(),
                            w.getWrittenBy(),
                            w.getWrittenAt(),
                            w.getReview() == null ? null : w.getReview().getId()));
        }
        return new BoundaryView(
                b.getId(),
                b.getVersion(),
                b.getFamily().getId(),
                b.getKind(),
                b.getWording(),
                b.getConsequence(),
                b.getHolders().stream()
                        .map(m -> new BoundaryView.Holder(m.getId(), m.getFullName()))
                        .toList(),
                b.getAgreedOn(),
                b.getReviewOn(),
                b.isActive(),
                b.isActive() && !b.getReviewOn().isAfter(today),
                b.isActive() && b.getReviewOn().isBefore(today),
                b.getRetiredOn(),
                b.getRetiredReason(),
                b.getCreatedBy(),
                reviews.isEmpty() ? null : reviews.get(0).outcome(),
                count(reviews, ReviewOutcome.KEPT),
                count(reviews, ReviewOutcome.BROKEN),
                count(reviews, ReviewOutcome.CHANGED),
                List.copyOf(reviews),
                List.copyOf(wordings));
    }

    private static int count(List<ReviewView> reviews, ReviewOutcome outcome) {
        return (int) reviews.stream().filter(r -> r.outcome() == outcome).count();
    }

    private List<ReviewView> reviewViews(Collection<BoundaryReview> reviews) {
        if (reviews.isEmpty()) {
            return List.of();
        }
        Set<Long> drafts = notes.draftsAmong(
                reviews.stream().map(BoundaryReview::getNoteId).collect(Collectors.toSet()));
        return reviews.stream()
                .map(r -> {
                    BoundaryWording change = r.getOutcome() != ReviewOutcome.CHANGED
                            ? null
                            : r.getBoundary().getWordings().stream()
                                    .filter(w -> BoundaryWording.madeIn(w, r))
                                    .findFirst()
                                    .orElse(null);
                    return new ReviewView(
                            r.getId(),
                            r.getVersion(),
                            r.getBoundary().getId(),
                            r.getBoundary().getKind(),
                            r.getBoundary().getWording(),
                            r.getNoteId(),
                            r.getSessionDay(),
                            r.getOutcome(),
                            r.getWhatHappened(),
                            change == null ? null : change.getWording(),
                            change == null ? null : change.getConsequence(),
                            r.getNextReviewOn(),
                            r.getReviewer().getDisplayName(),
                            drafts.contains(r.getNoteId()));
                })
                .toList();
    }
}
