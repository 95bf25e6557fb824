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
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hearth.boundaries.Boundaries;
import org.hearth.boundaries.BoundaryDraft;
import org.hearth.boundaries.BoundaryKind;
import org.hearth.boundaries.BoundaryView;
import org.hearth.boundaries.Retirement;

/**
 * {@code /api/v1/families/{familyId}/boundaries}: a family's boundaries with their history (reviews and wordings,
 * newest first). The family's counselors set, change and retire them; its program's supervisors read them; nobody
 * else. A change sends the boundary's {@code version} as read; 409 naming the "boundary" when it is stale.
 */
@Path("families/{familyId}/boundaries")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Boundaries", description = "A family's boundaries and their reviews in session notes")
public class BoundariesResource {

    @EJB
    private Boundaries boundaries;

    @GET
    @Operation(summary = "The family's boundaries, active first, each with its reviews and wordings newest first")
    public List<BoundaryView> list(@PathParam("familyId") long familyId) {
        return boundaries.ofFamily(familyId);
    }

    @POST
    @Operation(summary = "Sets a new boundary with the family (review day: 28 days after the day agreed unless given)")
    @APIResponse(
            responseCode = "201",
            description = "The boundary as set",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = BoundaryView.class)))
    public Response add(@PathParam("familyId") long familyId, BoundaryBody body) {
        BoundaryView added = boundaries.add(familyId, body == null ? null : body.draft());
        return Response.status(Response.Status.CREATED).entity(added).build();
    }

    @PUT
    @Path("{id}")
    @Operation(summary = "Changes what was agreed; a new wording or consequence keeps the one before in the history")
    public BoundaryView change(@PathParam("familyId") long familyId, @PathParam("id") long id, BoundaryBody body) {
        return boundaries.change(
                familyId, id, body == null ? null : body.draft(), body == null ? null : body.version());
    }

    @POST
    @Path("{id}/retire")
    @Operation(summary = "Retires a boundary the family no longer holds, from a day and with a reason")
    public BoundaryView retire(@PathParam("familyId") long familyId, @PathParam("id") long id, RetireBody body) {
        return body == null
                ? boundaries.retire(familyId, id, null, null)
                : boundaries.retire(familyId, id, new Retirement(body.retiredOn(), body.reason()), body.version());
    }

    /**
     * The body of {@code POST} and {@code PUT}: the boundary as agreed; {@code version} as read (for {@code PUT}).
     */
    public record BoundaryBody(
            BoundaryKind kind,
            String wording,
            String consequence,
            List<Long> holderIds,
            LocalDate agreedOn,
            LocalDate reviewOn,
            Long version) {

        BoundaryDraft draft() {
            return new BoundaryDraft(kind, wording, consequence, holderIds, agreedOn, reviewOn);
        }
    }

    /** The body of {@code POST .../retire}: the day (null: today), why, and the boundary's version as read. */
    public record RetireBody(LocalDate retiredOn, String reason, Long version) {}
}
