package org.hearth.boundaries;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.hearth.security.Invalid;

/**
 * The rules a boundary and its review keep, field by field, before anything is saved: each broken rule is one
 * reason naming its field, so a page or the API says all of them at once.
 */
public final class BoundaryRules {

    /** Days after the agreement (or a review) a boundary is looked at again, unless the counselor says otherwise. */
    public static final int REVIEW_AFTER_DAYS = 28;

    /** The longest wording, consequence or reason kept. */
    public static final int LONGEST_WORDING = 500;

    /** The longest account of what happened. */
    public static final int LONGEST_ACCOUNT = 2000;

    private BoundaryRules() {}

    /** The review day: the one given, or {@value #REVIEW_AFTER_DAYS} days after {@code from}. */
    public static LocalDate reviewDay(LocalDate given, LocalDate from) {
        return given != null ? given : from == null ? null : from.plusDays(REVIEW_AFTER_DAYS);
    }

    /**
     * A boundary as written: a kind; the wording and the consequence, each required and at most
     * {@value #LONGEST_WORDING} characters; one holder at least; agreed on a day not after {@code today}; reviewed
     * after the day agreed.
     */
    public static List<Invalid.Reason> check(BoundaryDraft draft, LocalDate today) {
        List<Invalid.Reason> reasons = new ArrayList<>();
        if (draft == null) {
            reasons.add(Invalid.Reason.plain("body", "boundary.required"));
            return reasons;
        }
        if (draft.kind() == null) {
            reasons.add(Invalid.Reason.plain("kind", "boundary.kind.required"));
        }
        text(reasons, draft.wording(), "wording", true);
        text(reasons, draft.consequence(), "consequence", true);
        if (draft.holderIds() == null || draft.holderIds().isEmpty()) {
            reasons.add(Invalid.Reason.plain("holderIds", "boundary.holders.required"));
        }
        if (draft.agreedOn() == null) {
            reasons.add(Invalid.Reason.plain("agreedOn", "boundary.agreedOn.required"));
        } else {
            if (draft.agreedOn().isAfter(today)) {
                reasons.add(Invalid.Reason.plain("agreedOn", "boundary.agreedOn.future"));
            }
            LocalDate review = reviewDay(draft.reviewOn(), draft.agreedOn());
            if (!review.isAfter(draft.agreedOn())) {
                reasons.add(Invalid.Reason.plain("reviewOn", "boundary.reviewOn.afterAgreed"));
            }
        }
        return reasons;
    }

    /** A retirement: a reason; a day not after {@code today} and not before the day the boundary was agreed. */
    public static List<Invalid.Reason> check(Retirement retirement, LocalDate agreedOn, LocalDate today) {
        List<Invalid.Reason> reasons = new ArrayList<>();
        if (retirement == null) {
            reasons.add(Invalid.Reason.plain("body", "boundary.retirement.required"));
            return reasons;
        }
        LocalDate day = retirement.retiredOn() == null ? today : retirement.retiredOn();
        if (day.isAfter(today)) {
            reasons.add(Invalid.Reason.plain("retiredOn", "boundary.retiredOn.future"));
        } else if (agreedOn != null && day.isBefore(agreedOn)) {
            reasons.add(Invalid.Reason.plain("retiredOn", "boundary.retiredOn.beforeAgreed"));
        }
        if (retirement.reason() == null || retirement.reason().isBlank()) {
            reasons.add(Invalid.Reason.plain("reason", "boundary.retirement.reason.required"));
        } else if (retirement.reason().strip().length() > LONGEST_WORDING) {
            reasons.add(Invalid.Reason.of("reason", "boundary.text.long", Integer.toString(LONGEST_WORDING)));
        }
        return reasons;
    }

    /**
     * A review made in the session of {@code sessionDay}: an outcome; what happened when broken; a new wording or a
     * new consequence (different from the boundary's, {@code currentWording} and {@code currentConsequence}) when
     * changed; the next review after the session.
     */
    public static List<Invalid.Reason> check(
            ReviewEntry entry, LocalDate sessionDay, String currentWording, String currentConsequence) {
        List<Invalid.Reason> reasons = new ArrayList<>();
        if (entry == null) {
            reasons.add(Invalid.Reason.plain("body", "boundary.review.required"));
            return reasons;
        }
        if (entry.boundaryId() == null) {
            reasons.add(Invalid.Reason.plain("boundaryId", "boundary.review.boundary.required"));
        }
        if (entry.outcome() == null) {
            reasons.add(Invalid.Reason.plain("outcome", "boundary.review.outcome.required"));
        }
        text(reasons, entry.whatHappened(), "whatHappened", entry.outcome() == ReviewOutcome.BROKEN, LONGEST_ACCOUNT);
        if (entry.outcome() == ReviewOutcome.CHANGED) {
            text(reasons, entry.newWording(), "newWording", false);
            text(reasons, entry.newConsequence(), "newConsequence", false);
            boolean newWording = changes(entry.newWording(), currentWording);
            boolean newConsequence = changes(entry.newConsequence(), currentConsequence);
            if (!newWording && !newConsequence) {
                reasons.add(Invalid.Reason.plain("newWording", "boundary.review.change.required"));
            }
        }
        LocalDate next = reviewDay(entry.nextReviewOn(), sessionDay);
        if (next != null && sessionDay != null && !next.isAfter(sessionDay)) {
            reasons.add(Invalid.Reason.plain("nextReviewOn", "boundary.review.next.afterSession"));
        }
        return reasons;
    }

    /** The text stripped, or null when blank. */
    public static String stripped(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    /** A new text that says something else than the current one. */
    static boolean changes(String proposed, String current) {
        String text = stripped(proposed);
        return text != null && !text.equals(current);
    }

    private static void text(List<Invalid.Reason> reasons, String text, String field, boolean required) {
        text(reasons, text, field, required, LONGEST_WORDING);
    }

    private static void text(List<Invalid.Reason> reasons, String text, String field, boolean required, int longest) {
        String value = stripped(text);
        if (value == null) {
            if (required) {
                reasons.add(Invalid.Reason.plain(field, "boundary." + field + ".required"));
            }
        } else if (value.length() > longest) {
            reasons.add(Invalid.Reason.of(field, "boundary.text.long", Integer.toString(longest)));
        }
    }
}
