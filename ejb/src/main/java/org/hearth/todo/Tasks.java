package org.hearth.todo;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.hearth.access.Caller;
import org.hearth.audit.AuditAction;
import org.hearth.audit.AuditEvent;
import org.hearth.audit.AuditTrail;
import org.hearth.security.Refused;
import org.hearth.security.Role;

/**
 * The calling counselor's to-do list: every {@link TaskSource}'s tasks on their caseload due within
 * {@value #LOOK_AHEAD_DAYS} days: raised safety flags to check first, then the most overdue. Reading it is audited with the families it names.
 */
@Stateless
@RolesAllowed(Role.Names.COUNSELOR)
public class Tasks {

    /** How many days ahead the list looks: what falls due this week shows before it is late. */
    public static final int LOOK_AHEAD_DAYS = 7;

    @Inject
    @Any
    private Instance<TaskSource> sources;

    @Inject
    private Caller caller;

    @EJB
    private AuditTrail audit;

    public List<Task> mine() {
        long counselor = caller.staffId().orElseThrow(() -> new Refused("a to-do list is a counselor's"));
        var today = caller.today();
        List<Task> all = new ArrayList<>();
        for (TaskSource source : sources) {
            all.addAll(source.dueOnCaseload(counselor, today, today.plusDays(LOOK_AHEAD_DAYS)));
        }
        // a raised safety flag first, whatever its day: someone may be at risk now
        all.sort(Comparator.comparing((Task t) -> !t.kind().equals("safetyCheck"))
                .thenComparing(Task::dueOn)
                .thenComparing(Task::caseNumber, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(Task::kind));
        audit.record(AuditEvent.listed(
                AuditAction.READ_TASKS,
                "Family",
                all.stream().map(Task::familyId).distinct().toList()));
        return List.copyOf(all);
    }
}
