package org.hearth.web.api;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hearth.todo.Task;
import org.hearth.todo.Tasks;

/** {@code GET /api/v1/tasks}: the calling counselor's to-do list. */
@Path("tasks")
@RequestScoped
@Tag(name = "Caseload", description = "A counselor's own caseload")
public class TasksResource {

    @EJB
    private Tasks tasks;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary =
                    "What is due on the caller's families this week (a boundary to review, a measure due, a safety check)")
    public List<Task> mine() {
        return tasks.mine();
    }
}
