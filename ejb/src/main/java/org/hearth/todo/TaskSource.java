package org.hearth.todo;

import java.time.LocalDate;
import java.util.List;

/**
 * A feature that knows what is due on a counselor's families. Implement it as an application-scoped CDI bean in the
 * feature's package; {@link Tasks} finds every one. One query from the database per source, limited to the families
 * on the counselor's caseload ({@code org.hearth.access.AccessRules.Jpql.onCaseload}), and only what is due by
 * {@code horizon} (today and the days the list looks ahead).
 */
public interface TaskSource {

    /** What is due by {@code horizon} on the caseload of counselor {@code counselorId} on {@code today}. */
    List<Task> dueOnCaseload(long counselorId, LocalDate today, LocalDate horizon);
}
