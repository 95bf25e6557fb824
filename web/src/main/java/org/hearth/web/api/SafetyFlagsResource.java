package org.hearth.web.api;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hearth.family.SafetyFlags;

/**
 * {@code /api/v1/families/{familyId}/safety-flags}: the safety flags raised after intake that stand (a member's
 * PHQ-9 item 9 answer above 0), and lowering one after a check. The intake's own flag follows the intake's safety
 * screen and is not listed nor lowered here.
 */
@Path("families/{familyId}/safety-flags")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Safety flags", description = "Safety flags raised after intake, and lowering them")
public class SafetyFlagsResource {

    @EJB
    private SafetyFlags flags;

    @GET
    @Operation(summary = "The raised safety flags that stand, oldest first")
    public List<SafetyFlags.StandingRaise> standing(@PathParam("familyId") long familyId) {
        return flags.standing(familyId);
    }

    /** The body of {@code POST /{raiseId}/lower}: what was checked, and the raise's version as read. */
    public record Lowering(String note, Long version) {}

    @POST
    @Path("{raiseId}/lower")
    @Operation(
            summary = "Lower a raised flag after checking on the member",
            description = "A counselor of the family; note (10 to 1000 characters) says what was checked. Answers"
                    + " the raises that still stand.")
    public List<SafetyFlags.StandingRaise> lower(
            @PathParam("familyId") long familyId, @PathParam("raiseId") long raiseId, Lowering body) {
        return flags.lower(familyId, raiseId, body == null ? null : body.note(), body == null ? null : body.version());
    }
}
