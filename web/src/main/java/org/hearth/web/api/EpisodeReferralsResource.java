package org.hearth.web.api;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hearth.referrals.EpisodeReferrals;
import org.hearth.referrals.NewReferral;
import org.hearth.referrals.ProviderChoice;
import org.hearth.referrals.ReferralView;
import org.hearth.referrals.Referrals;

/**
 * {@code /api/v1/episodes/{episodeId}/referrals}: an episode's referrals to treatment, made from an accepted offer
 * by the family's counselors; read by them and the program's supervisors. See {@link ReferralsResource} for one
 * referral and its steps.
 */
@Path("episodes/{episodeId}/referrals")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Referrals", description = "Referrals from an accepted offer to arrival at treatment")
public class EpisodeReferralsResource {

    @EJB
    private Referrals referrals;

    /** The episode's referrals (newest first), the accepted offers not referred yet, an open window. */
    @GET
    public EpisodeReferrals ofEpisode(@PathParam("episodeId") long episodeId) {
        return referrals.ofEpisode(episodeId);
    }

    /** The providers a referral may go to: the plan's shortlist first, then active entries named like {@code ?name=}. */
    @GET
    @Path("providers")
    public List<ProviderChoice> providers(@PathParam("episodeId") long episodeId, @QueryParam("name") String name) {
        return referrals.providerChoices(episodeId, name);
    }

    /** Makes a referral from an accepted offer: 201 with the referral; 409 when one is open already. */
    @POST
    @APIResponse(
            responseCode = "201",
            description = "The referral made",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ReferralView.class)))
    public Response start(@PathParam("episodeId") long episodeId, NewReferral referral) {
        return Response.status(Response.Status.CREATED)
                .entity(referrals.start(episodeId, referral))
                .build();
    }
}
