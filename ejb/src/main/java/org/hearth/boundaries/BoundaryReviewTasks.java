package org.hearth.boundaries;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDate;
import java.util.List;
import org.hearth.access.AccessRules;
import org.hearth.todo.Task;
import org.hearth.todo.TaskSource;

/**
 * An active boundary whose review day has come (or comes within the list's horizon) is a task for the family's
 * counselors ({@code boundaryReview}), named by the family's wording, done on the family's plan tab or in a note.
 */
@ApplicationScoped
public class BoundaryReviewTasks implements TaskSource {

    /** How much of the wording the to-do list shows. */
    static final int DETAIL_LENGTH = 80;

    @PersistenceContext
    private EntityManager em;

    @Override
    public List<Task> dueOnCaseload(long counselorId, LocalDate today, LocalDate horizon) {
        return em.createQuery(
                        "select f.id, f.caseNumber, f.name, b.wording, b.reviewOn from Boundary b join b.family f"
                                + " where b.retiredOn is null and b.reviewOn <= :horizon and "
                                + AccessRules.Jpql.onCaseload("f", ":counselor", ":today"),
                        Object[].class)
                .setParameter("horizon", horizon)
                .setParameter("counselor", counselorId)
                .setParameter("today", today)
                .getResultStream()
                .map(r -> Task.of(
                        (Long) r[0],
                        r[1].toString(),
                        (String) r[2],
                        "boundaryReview",
                        shortened((String) r[3]),
                        (LocalDate) r[4],
                        today,
                        "families/record.xhtml?id=" + r[0] + "&tab=plan"))
                .toList();
    }

    static String shortened(String wording) {
        return wording.length() <= DETAIL_LENGTH
                ? wording
                : wording.substring(0, DETAIL_LENGTH - 1).strip() + "…";
    }
}
