package org.hearth.todo;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * One thing due on a family of the counselor's caseload.
 *
 * @param familyId the family
 * @param caseNumber the family's case number
 * @param familyName the family's name
 * @param kind what is due, a key the pages and the API name it by ({@code boundaryReview}, {@code safetyPlanReview},
 *     {@code measureDue}, {@code safetyCheck}); pages show {@code todo.kind.<kind>}
 * @param detail what it concerns in a few words (a boundary's wording, a member's name), or null; never a diagnosis
 * @param dueOn the day it is due (may be past: then it is overdue)
 * @param overdue whether {@code dueOn} is before the clinic's today
 * @param link where it is done, relative to the application ({@code families/record.xhtml?id=55&tab=plan})
 */
public record Task(
        long familyId,
        String caseNumber,
        String familyName,
        String kind,
        String detail,
        LocalDate dueOn,
        boolean overdue,
        String link)
        implements Serializable {

    /**
     * Every kind of task, by the key pages and the API name it: a raised safety flag to check ({@code safetyCheck}),
     * a boundary due for review ({@code boundaryReview}), a safety plan due for its 90-day review
     * ({@code safetyPlanReview}), a wellbeing measure due ({@code measureDue}). A feature adding a kind adds it here
     * and its label {@code todo.kind.<kind>} to both bundles.
     */
    public static final List<String> KINDS = List.of("safetyCheck", "boundaryReview", "safetyPlanReview", "measureDue");

    public Task {
        if (!KINDS.contains(kind)) {
            throw new IllegalArgumentException("not a kind of task: " + kind);
        }
        Objects.requireNonNull(dueOn, "dueOn");
        Objects.requireNonNull(link, "link");
    }

    /** A task due on {@code dueOn}, overdue when that is before {@code today}. */
    public static Task of(
            long familyId,
            String caseNumber,
            String familyName,
            String kind,
            String detail,
            LocalDate dueOn,
            LocalDate today,
            String link) {
        return new Task(familyId, caseNumber, familyName, kind, detail, dueOn, dueOn.isBefore(today), link);
    }
}
