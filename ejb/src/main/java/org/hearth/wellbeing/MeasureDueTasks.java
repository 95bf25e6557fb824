package org.hearth.wellbeing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.hearth.access.AccessRules;
import org.hearth.todo.Task;
import org.hearth.todo.TaskSource;

/**
 * A participating member of a family on the counselor's caseload whose PHQ-9 or GAD-7 falls due ({@link DueRule})
 * is due on the earlier of the two days; a family's members due make one {@code measureDue} task, on the earliest
 * of their days, naming them by first name.
 */
@ApplicationScoped
public class MeasureDueTasks implements TaskSource {

    @PersistenceContext
    private EntityManager em;

    @Override
    public List<Task> dueOnCaseload(long counselorId, LocalDate today, LocalDate horizon) {
        return em
                .createQuery(
                        "select f.id, f.caseNumber, f.name, m.fullName, f.openedOn, i.completedAt,"
                                + " (select max(p.takenOn) from Measure p where p.member = m"
                                + " and p.instrument = org.hearth.wellbeing.Instrument.PHQ9),"
                                + " (select max(g.takenOn) from Measure g where g.member = m"
                                + " and g.instrument = org.hearth.wellbeing.Instrument.GAD7)"
                                + " from FamilyMember m join m.family f left join Intake i on i.family = f"
                                + " where m.participates = true and f.status in :statuses and "
                                + AccessRules.Jpql.onCaseload("f", ":counselor", ":today")
                                + " order by f.id, m.position",
                        Object[].class)
                .setParameter("statuses", Measures.MEASURED)
                .setParameter("counselor", counselorId)
                .setParameter("today", today)
                .getResultStream()
                .map(r -> {
                    LocalDate start =
                            DueRule.familyStart(r[5] == null ? null : Measures.dayOf((Instant) r[5]), (LocalDate) r[4]);
                    LocalDate dueOn = Stream.of(
                                    DueRule.dueOn(start, (LocalDate) r[6]), DueRule.dueOn(start, (LocalDate) r[7]))
                            .min(LocalDate::compareTo)
                            .orElseThrow();
                    return dueOn.isAfter(horizon)
                            ? null
                            : Task.of(
                                    (Long) r[0],
                                    r[1].toString(),
                                    (String) r[2],
                                    "measureDue",
                                    DueMeasure.firstNameOf((String) r[3]),
                                    dueOn,
                                    today,
                                    "families/record.xhtml?id=" + r[0] + "&tab=plan");
                })
                .filter(Objects::nonNull)
                // one task a family, on its earliest day, naming its members due in the family's order
                .collect(java.util.stream.Collectors.groupingBy(
                        Task::familyId, java.util.LinkedHashMap::new, java.util.stream.Collectors.toList()))
                .values()
                .stream()
                .map(due -> Task.of(
                        due.get(0).familyId(),
                        due.get(0).caseNumber(),
                        due.get(0).familyName(),
                        "measureDue",
                        due.stream().map(Task::detail).collect(java.util.stream.Collectors.joining(", ")),
                        due.stream().map(Task::dueOn).min(LocalDate::compareTo).orElseThrow(),
                        today,
                        due.get(0).link()))
                .toList();
    }
}
