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
import org.hearth.engagement.EpisodeView;
import org.hearth.engagement.Episodes;
import org.hearth.engagement.NewEpisodeEvent;

/**
 * {@code /api/v1/episodes}: loved ones' engagement episodes (treatment-refusal tracking). Counselors of the
 * family record events and void mistaken ones; the program's supervisors read; nobody else.
 */
@Path("episodes")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class EpisodesResource {

    @EJB
    private Episodes episodes;

    /** A family's episodes: {@code ?family=}. */
    @GET
    public List<EpisodeView> ofFamily(@QueryParam("family") Long familyId) {
        if (familyId == null) {
            throw new BadRequestProblem("family", "Say whose episodes: ?family=<id>.");
        }
        return episodes.ofFamily(familyId);
    }

    @GET
    @Path("{id}")
    public EpisodeView read(@PathParam("id") long id) {
        return episodes.read(id);
    }

    /** Records an event: 201 with the episode as it now stands. */
    @POST
    @Path("{id}/events")
    public Response record(@PathParam("id") long id, NewEpisodeEvent event) {
        return Response.status(Response.Status.CREATED)
                .entity(episodes.record(id, event))
                .build();
    }

    /** Voids a mistaken event: {@code {"reason"}}. */
    @POST
    @Path("{id}/events/{eventId}/void")
    public EpisodeView voidEvent(@PathParam("id") long id, @PathParam("eventId") long eventId, Voiding body) {
        return episodes.voidEvent(id, eventId, body == null ? null : body.reason());
    }

    /** The body of {@code POST .../void}. */
    public record Voiding(String reason) {}
}
