package org.hearth.boundaries;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import org.hearth.staff.StaffMember;

/**
 * A boundary's review in a session note: kept, broken (what happened) or changed, and the next review day. It may be
 * corrected while its note is a draft; once the note is signed it is final. It keeps the boundary's review day
 * before it, so that removing it from a draft puts the boundary back as it was.
 */
@Entity
@Table(name = "boundary_review")
public class BoundaryReview {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Version
    private long version;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "boundary_id", updatable = false)
    private Boundary boundary;

    @Column(name = "note_id", nullable = false, updatable = false)
    private long noteId;

    @Column(name = "session_day", nullable = false, updatable = false)
    private LocalDate sessionDay;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ReviewOutcome outcome;

    @Column(name = "what_happened")
    private String whatHappened;

    @Column(name = "next_review_on", nullable = false)
    private LocalDate nextReviewOn;

    @Column(name = "previous_review_on", nullable = false, updatable = false)
    private LocalDate previousReviewOn;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "reviewer_id")
    private StaffMember reviewer;

    @Column(name = "reviewed_at", nullable = false)
    private Instant reviewedAt;

    protected BoundaryReview() {}

    BoundaryReview(Boundary boundary, ReviewingNote note, StaffMember reviewer, Instant now) {
        this.boundary = boundary;
        this.noteId = note.id();
        this.sessionDay = note.sessionDay();
        this.previousReviewOn = boundary.getReviewOn();
        this.reviewer = reviewer;
        this.reviewedAt = now;
    }

    /** Records the outcome (already checked), moving the boundary's review day to the next one. */
    void record(ReviewEntry entry, StaffMember by, Instant now) {
        outcome = entry.outcome();
        whatHappened = BoundaryRules.stripped(entry.whatHappened());
        nextReviewOn = BoundaryRules.reviewDay(entry.nextReviewOn(), sessionDay);
        reviewer = by;
        reviewedAt = now;
        boundary.reviewOn(nextReviewOn);
    }

    public Long getId() {
        return id;
    }

    public long getVersion() {
        return version;
    }

    public Boundary getBoundary() {
        return boundary;
    }

    public long getNoteId() {
        return noteId;
    }

    public LocalDate getSessionDay() {
        return sessionDay;
    }

    public ReviewOutcome getOutcome() {
        return outcome;
    }

    public String getWhatHappened() {
        return whatHappened;
    }

    public LocalDate getNextReviewOn() {
        return nextReviewOn;
    }

    public LocalDate getPreviousReviewOn() {
        return previousReviewOn;
    }

    public StaffMember getReviewer() {
        return reviewer;
    }

    public Instant getReviewedAt() {
        return reviewedAt;
    }
}
