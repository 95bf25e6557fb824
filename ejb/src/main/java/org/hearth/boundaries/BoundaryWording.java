package org.hearth.boundaries;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;

/** One wording and consequence a boundary had, from when and by whom; a change agreed in a review names it. */
@Entity
@Table(name = "boundary_wording")
public class BoundaryWording {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "boundary_id", updatable = false)
    private Boundary boundary;

    @Column(nullable = false, updatable = false)
    private String wording;

    @Column(nullable = false, updatable = false)
    private String consequence;

    @Column(name = "written_by", nullable = false, updatable = false)
    private String writtenBy;

    @Column(name = "written_at", nullable = false, updatable = false)
    private Instant writtenAt;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "review_id", updatable = false)
    private BoundaryReview review;

    protected BoundaryWording() {}

    BoundaryWording(
            Boundary boundary, String wording, String consequence, String by, Instant at, BoundaryReview review) {
        this.boundary = boundary;
        this.wording = wording;
        this.consequence = consequence;
        this.writtenBy = by;
        this.writtenAt = at;
        this.review = review;
    }

    /** Whether {@code wording} was agreed in {@code review} (compared by id: one may be a lazy reference). */
    static boolean madeIn(BoundaryWording wording, BoundaryReview review) {
        return wording.review != null
                && review != null
                && wording.review.getId().equals(review.getId());
    }

    public Long getId() {
        return id;
    }

    public Boundary getBoundary() {
        return boundary;
    }

    public String getWording() {
        return wording;
    }

    public String getConsequence() {
        return consequence;
    }

    public String getWrittenBy() {
        return writtenBy;
    }

    public Instant getWrittenAt() {
        return writtenAt;
    }

    public BoundaryReview getReview() {
        return review;
    }
}
