package org.hearth.family;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.hearth.access.AccessRules;
import org.hearth.time.ClinicTime;
import org.hearth.todo.Task;
import org.hearth.todo.TaskSource;

/**
 * A raised safety flag not lowered yet is a task for the family's counselors, due the day it was raised: check on
 * the member's safety, then lower the flag with a note ({@code safetyCheck}).
 */
@ApplicationScoped
public class SafetyCheckTasks implements TaskSource {

    @PersistenceContext
    private EntityManager em;

    @Override
    public List<Task> dueOnCaseload(long counselorId, LocalDate today, LocalDate horizon) {
        return em.createQuery(
                        "select f.id, f.caseNumber, f.name, r.source, r.raisedAt from SafetyFlagRaise r join r.family f"
                                + " where r.loweredAt is null and "
                                + AccessRules.Jpql.onCaseload("f", ":counselor", ":today"),
                        Object[].class)
                .setParameter("counselor", counselorId)
                .setParameter("today", today)
                .getResultStream()
                .map(r -> Task.of(
                        (Long) r[0],
                        r[1].toString(),
                        (String) r[2],
                        "safetyCheck",
                        (String) r[3],
                        ((Instant) r[4]).atZone(ClinicTime.zone()).toLocalDate(),
                        today,
                        "families/record.xhtml?id=" + r[0] + "&tab=plan"))
                .toList();
    }
}
