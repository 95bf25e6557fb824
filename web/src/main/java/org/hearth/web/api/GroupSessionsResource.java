package org.hearth.web.api;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hearth.groups.AttendanceEntry;
import org.hearth.groups.GroupAttendance;
import org.hearth.groups.GroupDefinitions;
import org.hearth.groups.GroupSessionView;
import org.hearth.groups.Roster;

/** {@code /api/v1/group-sessions}: one meeting of a group: cancel, move, substitute, roster and attendance. */
@Path("group-sessions")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Group sessions", description = "Meetings of support groups: attendance, moves, cancellations")
public class GroupSessionsResource {

    @EJB
    private GroupDefinitions groupDefinitions;

    @EJB
    private GroupAttendance groupAttendance;

    @POST
    @Path("{id}/cancellation")
    public GroupSessionView cancel(@PathParam("id") long id, Cancellation body) {
        return groupDefinitions.cancelSession(
                id, body == null ? null : body.reason(), body == null ? null : body.version());
    }

    /** Moves this one meeting (the others stay); {@code roomId} null keeps the room. */
    @PUT
    @Path("{id}")
    public GroupSessionView move(@PathParam("id") long id, Move body) {
        return groupDefinitions.moveSession(
                id,
                body == null ? null : body.start(),
                body == null ? null : body.roomId(),
                body == null ? null : body.version());
    }

    @PUT
    @Path("{id}/substitute")
    public GroupSessionView substitute(@PathParam("id") long id, Substitute body) {
        return groupDefinitions.substitute(
                id, body == null ? null : body.counselorUsername(), body == null ? null : body.version());
    }

    /** The roster ({@code entries}, each with its mark so far) and the {@code version} of the session's attendance. */
    @GET
    @Path("{id}/attendance")
    public Roster roster(@PathParam("id") long id) {
        return groupAttendance.roster(id);
    }

    /**
     * Records the marks (PRESENT, LATE, ABSENT, EXCUSED) of the members listed ({@code {"marks": [...], "version":
     * n}}, the version read); each reaches their family's record. 409 when someone recorded marks since.
     */
    @PUT
    @Path("{id}/attendance")
    public Roster attendance(@PathParam("id") long id, Marks body) {
        return groupAttendance.recordAttendance(
                id, body == null ? null : body.marks(), body == null ? null : body.version());
    }

    public record Cancellation(String reason, Long version) {}

    public record Move(LocalDateTime start, Long roomId, Long version) {}

    public record Substitute(String counselorUsername, Long version) {}

    /** The body of {@code PUT /group-sessions/{id}/attendance}: the marks, and the attendance's version read. */
    public record Marks(List<AttendanceEntry> marks, @Schema(required = true) Long version) {}
}
