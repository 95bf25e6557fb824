package org.hearth.web.view.notes;

import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.text.MessageFormat;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.hearth.boundaries.Boundaries;
import org.hearth.boundaries.BoundaryRules;
import org.hearth.boundaries.BoundaryView;
import org.hearth.boundaries.NoteBoundaries;
import org.hearth.boundaries.ReviewEntry;
import org.hearth.boundaries.ReviewOutcome;
import org.hearth.boundaries.ReviewView;
import org.hearth.web.view.Confirmations;
import org.hearth.web.view.Dates;
import org.hearth.web.view.Failures;

/**
 * The session note's boundaries part (issue 25). While the note is a draft, its author reviews each of the family's
 * active boundaries: kept, broken (what happened) or changed (the new wording or consequence), and when to look at
 * it next. Each boundary's review is recorded on its own with its "Record" button, which sends only that boundary's
 * fields (the note's own Save and Sign do not record reviews); it may be corrected or removed until the note is
 * signed, then it is final. The note as read lists the reviews made in it.
 */
@Named("noteBoundaries")
@ViewScoped
public class NoteBoundariesPart implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The next review, in days after the session, a counselor picks from: one week to twelve. */
    private static final List<Integer> NEXT_IN_DAYS = List.of(7, 14, 21, 28, 42, 56, 84);

    @EJB
    private Boundaries boundaries;

    @Inject
    private NoteBacking noteBacking;

    @Inject
    private Dates dates;

    private NoteBoundaries part;
    private List<Row> rows;

    /** The reviews made in the note and, on a draft, the boundaries to review; null when no note is shown. */
    public NoteBoundaries getPart() {
        if (part == null && noteBacking.getNote() != null) {
            part = boundaries.ofNote(noteBacking.getNote().id());
        }
        return part;
    }

    /** One row per active boundary, with its review in this note when there is one. */
    public List<Row> getRows() {
        if (rows == null) {
            NoteBoundaries shown = getPart();
            rows = new ArrayList<>();
            if (shown != null) {
                for (BoundaryView boundary : shown.active()) {
                    ReviewView review = shown.reviews().stream()
                            .filter(r -> r.boundaryId() == boundary.id())
                            .findFirst()
                            .orElse(null);
                    rows.add(new Row(boundary, review, sessionDay()));
                }
            }
        }
        return rows;
    }

    /** Records the row's review, or corrects the one already recorded in this note. */
    public void record(Row row) {
        answered();
        ReviewEntry entry = new ReviewEntry(
                row.boundary.id(),
                row.outcome,
                row.whatHappened,
                row.outcome == ReviewOutcome.CHANGED ? row.newWording : null,
                row.outcome == ReviewOutcome.CHANGED ? row.newConsequence : null,
                row.nextInDays == null ? null : sessionDay().plusDays(row.nextInDays));
        try {
            if (row.review == null) {
                boundaries.review(noteBacking.getNote().id(), entry, row.boundary.version());
                Confirmations.show("boundaries.review.recorded");
            } else {
                boundaries.correct(noteBacking.getNote().id(), row.review.id(), entry, row.review.version());
                Confirmations.show("boundaries.review.corrected");
            }
            reload();
        } catch (RuntimeException e) {
            Failures.show(e, "note-form", Map.of());
        }
    }

    /** Removes the row's review from this draft: the boundary is as it was before it. */
    public void remove(Row row) {
        answered();
        try {
            boundaries.remove(noteBacking.getNote().id(), row.review.id(), row.review.version());
            Confirmations.show("boundaries.review.removed");
            reload();
        } catch (RuntimeException e) {
            Failures.show(e, "note-form", Map.of());
        }
    }

    /** The part shows what this request answered next to the rows (the page's messages are far above). */
    private static void answered() {
        FacesContext.getCurrentInstance().getExternalContext().getRequestMap().put("boundaryReviewAnswered", true);
    }

    private void reload() {
        part = null;
        rows = null;
    }

    private LocalDate sessionDay() {
        return noteBacking.getNote().sessionDate();
    }

    /** The days a next review may be set at, with the row's own when it is another. */
    public List<Integer> nextChoices(Row row) {
        TreeSet<Integer> days = new TreeSet<>(NEXT_IN_DAYS);
        if (row.nextInDays != null) {
            days.add(row.nextInDays);
        }
        return List.copyOf(days);
    }

    /** "4 weeks: Jan 4, 2027" in the page's language. */
    public String nextLabel(int days) {
        FacesContext faces = FacesContext.getCurrentInstance();
        String pattern = faces.getApplication().getResourceBundle(faces, "i18n").getString("boundaries.review.nextIn");
        return MessageFormat.format(
                pattern, days / 7, days % 7, dates.day(sessionDay().plusDays(days)));
    }

    public List<ReviewOutcome> getOutcomes() {
        return List.of(ReviewOutcome.values());
    }

    /** A boundary to review in this note, with what the counselor has chosen for it. */
    public static class Row implements Serializable {

        private static final long serialVersionUID = 1L;

        private final BoundaryView boundary;
        private final ReviewView review;
        private ReviewOutcome outcome;
        private String whatHappened;
        private String newWording;
        private String newConsequence;
        private Integer nextInDays;

        Row(BoundaryView boundary, ReviewView review, LocalDate sessionDay) {
            this.boundary = boundary;
            this.review = review;
            if (review != null) {
                outcome = review.outcome();
                whatHappened = review.whatHappened();
                newWording = review.wording();
                newConsequence = review.consequence();
                nextInDays = (int) ChronoUnit.DAYS.between(sessionDay, review.nextReviewOn());
            } else {
                nextInDays = BoundaryRules.REVIEW_AFTER_DAYS;
            }
        }

        public BoundaryView getBoundary() {
            return boundary;
        }

        public ReviewView getReview() {
            return review;
        }

        public ReviewOutcome getOutcome() {
            return outcome;
        }

        public void setOutcome(ReviewOutcome outcome) {
            this.outcome = outcome;
        }

        public String getWhatHappened() {
            return whatHappened;
        }

        public void setWhatHappened(String whatHappened) {
            this.whatHappened = whatHappened;
        }

        public String getNewWording() {
            return newWording;
        }

        public void setNewWording(String newWording) {
            this.newWording = newWording;
        }

        public String getNewConsequence() {
            return newConsequence;
        }

        public void setNewConsequence(String newConsequence) {
            this.newConsequence = newConsequence;
        }

        public Integer getNextInDays() {
            return nextInDays;
        }

        public void setNextInDays(Integer nextInDays) {
            this.nextInDays = nextInDays;
        }
    }
}
