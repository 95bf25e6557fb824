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
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hearth.referrals.NewReferralStep;
import org.hearth.referrals.ReferralView;
import org.hearth.referrals.Referrals;

/**
 * {@code /api/v1/referrals/{id}}: one referral and its steps. The family's counselors record steps, naming the
 * referral's version they read; "ARRIVED" records the entry into treatment, "DID_NOT_ARRIVE" (with a reason) puts
 * the episode back.
 */
@Path("referrals")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Referrals", description = "Referrals from an accepted offer to arrival at treatment")
public class ReferralsResource {

    @EJB
    private Referrals referrals;

    @GET
    @Path("{id}")
    public ReferralView read(@PathParam("id") long id) {
        return referrals.read(id);
    }

    /** Records a step: 201 with the referral as it now stands; 409 naming the referral when the version is stale. */
    @POST
    @Path("{id}/steps")
    @APIResponse(
            responseCode = "201",
            description = "The referral with the step",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ReferralView.class)))
    public Response recordStep(@PathParam("id") long id, NewReferralStep step) {
        return Response.status(Response.Status.CREATED)
                .entity(referrals.recordStep(id, step))
                .build();
    }
}
