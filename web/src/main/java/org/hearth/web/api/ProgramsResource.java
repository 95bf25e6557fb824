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
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hearth.security.Invalid;
import org.hearth.staff.ProgramRow;
import org.hearth.staff.StaffAdministration;

/**
 * {@code /api/v1/programs}: the clinic's programs. Every staff member lists the programs they work in (an
 * administrator every program); administrators create, rename, close and reopen them. A closed program takes no new
 * families, support groups or staff.
 */
@Path("programs")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Programs", description = "The clinic's programs")
public class ProgramsResource {

    @EJB
    private StaffAdministration administration;

    /** The caller's programs (every program for an administrator), open ones first. */
    @GET
    public List<ProgramRow> programs() {
        return administration.programsOfCaller();
    }

    /** Creates an open program: 201 with it. */
    @POST
    @APIResponse(
            responseCode = "201",
            description = "The program, open",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ProgramRow.class)))
    public Response create(NewProgram body) {
        if (body == null) {
            throw new Invalid(Invalid.Subject.REQUEST, Invalid.Reason.written("name", "Send the program's name."));
        }
        return Response.status(Response.Status.CREATED)
                .entity(administration.createProgram(body.name()))
                .build();
    }

    /** Renames, closes or reopens: {@code {"name": "...", "closed": true, "version": 2}}; absent fields stay. */
    @PUT
    @Path("{id}")
    public ProgramRow change(@PathParam("id") long id, ProgramChange body) {
        if (body == null) {
            throw new Invalid(
                    Invalid.Subject.REQUEST,
                    Invalid.Reason.written("body", "Send the version you read and what changes."));
        }
        return administration.changeProgram(id, body.version(), body.name(), body.closed());
    }

    /** The body of {@code POST /programs}. */
    public record NewProgram(@Schema(required = true, example = "Family Recovery Program") String name) {}

    /** The body of {@code PUT /programs/{id}}. */
    @Schema(example = "{\"closed\": true, \"version\": 2}")
    public record ProgramChange(
            @Schema(description = "The new name; absent keeps it") String name,
            @Schema(description = "true closes, false reopens; absent keeps it") Boolean closed,
            @Schema(required = true, description = "The version you read") Long version) {}
}
