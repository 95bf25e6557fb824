package org.hearth.safetyplan;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.hearth.access.AccessRules;
import org.hearth.family.FamilyStatus;
import org.hearth.family.SafetyFlags;
import org.hearth.time.ClinicTime;
import org.hearth.todo.Task;
import org.hearth.todo.TaskSource;

/**
 * A family whose safety flag stands and whose plan falls due for review ({@link ReviewDue}: {@value ReviewDue#DAYS}
 * days after its last version or review), or that has no written plan at all (due at once), is a
 * {@code safetyPlanReview} task for its counselors. One query over the counselor's caseload.
 */
@ApplicationScoped
public class SafetyPlanReviewTasks implements TaskSource {

    @PersistenceContext
    private EntityManager em;

    @Override
    public List<Task> dueOnCaseload(long counselorId, LocalDate today, LocalDate horizon) {
        // due on or before the horizon: last checked before the start of (horizon - DAYS + 1)
        Instant checkedBefore = horizon.minusDays(ReviewDue.DAYS - 1L)
                .atStartOfDay(ClinicTime.zone())
                .toInstant();
        return em.createQuery(
                        "select f.id, f.caseNumber, f.name, p.checkedAt from Family f"
                                + " left join SafetyPlan p on p.family = f"
                                + " where f.status <> :closed and (p.id is null or p.checkedAt < :checkedBefore) and "
                                + SafetyFlags.standingJpql("f") + " and "
                                + AccessRules.Jpql.onCaseload("f", ":counselor", ":today"),
                        Object[].class)
                .setParameter("closed", FamilyStatus.CLOSED)
                .setParameter("checkedBefore", checkedBefore)
                .setParameter("counselor", counselorId)
                .setParameter("today", today)
                .getResultStream()
                .map(r -> {
                    LocalDate checked = r[3] == null
                            ? null
                            : ((Instant) r[3]).atZone(ClinicTime.zone()).toLocalDate();
                    ReviewDue due = ReviewDue.of(true, checked, today).orElseThrow();
                    return Task.of(
                            (Long) r[0],
                            r[1].toString(),
                            (String) r[2],
                            "safetyPlanReview",
                            null,
                            due.dueOn(),
                            today,
                            "families/record.xhtml?id=" + r[0] + "&tab=plan");
                })
                .toList();
    }
}
