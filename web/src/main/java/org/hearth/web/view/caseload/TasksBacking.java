package org.hearth.web.view.caseload;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import java.util.List;
import org.hearth.todo.Task;
import org.hearth.todo.Tasks;

/** The counselor's to-do list on "My caseload": what is due on their families this week, the most overdue first. */
@Named
@RequestScoped
public class TasksBacking {

    @EJB
    private Tasks tasks;

    private List<Task> mine;

    public List<Task> getMine() {
        if (mine == null) {
            mine = tasks.mine();
        }
        return mine;
    }
}
