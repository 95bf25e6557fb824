package org.hearth.web.api;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hearth.engagement.EpisodeView;
import org.hearth.engagement.Episodes;
import org.hearth.engagement.NeedsAttention;
import org.hearth.engagement.NewEpisodeEvent;
import org.hearth.security.Invalid;

/**
 * {@code /api/v1/episodes}: loved ones' engagement episodes (treatment-refusal tracking). Counselors of the
 * family record events and void mistaken ones; the program's supervisors read; nobody else.
 */
@Path("episodes")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Episodes", description = "Loved ones' engagement episodes and their events")
public class EpisodesResource {

    @EJB
    private Episodes episodes;

    /** A family's episodes: {@code ?family=}. */
    @GET
    public List<EpisodeView> ofFamily(@QueryParam("family") Long familyId) {
        if (familyId == null) {
            throw new Invalid(
                    Invalid.Subject.REQUEST, Invalid.Reason.written("family", "Say whose episodes: ?family=<id>."));
        }
        return episodes.ofFamily(familyId);
    }

    /**
     * Open episodes needing attention, one page: {@code ?scope=MINE} (a counselor's caseload, the default) or
     * {@code PROGRAMS} (a supervisor's), {@code sort=PRIORITY|FAMILY|LOVED_ONE|STATUS|FOLLOW_UP|LAST_EVENT},
     * {@code descending}, {@code first}, {@code max} (at most 100); with the total.
     */
    @GET
    @Path("attention")
    public AttentionPage attention(
            @QueryParam("scope") @DefaultValue("MINE") String scope,
            @QueryParam("sort") @DefaultValue("PRIORITY") String sort,
            @QueryParam("descending") boolean descending,
            @QueryParam("first") int first,
            @QueryParam("max") @DefaultValue("25") int max) {
        Episodes.Scope theScope = named(Episodes.Scope.class, "scope", scope);
        Episodes.AttentionSort theSort = named(Episodes.AttentionSort.class, "sort", sort);
        return new AttentionPage(
                episodes.countNeedingAttention(theScope),
                episodes.needingAttention(theScope, theSort, descending, first, max));
    }

    /** A page of the attention list with the whole list's total. */
    public record AttentionPage(long total, List<NeedsAttention> rows) {}

    private static <E extends Enum<E>> E named(Class<E> type, String parameter, String value) {
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw new Invalid(
                    Invalid.Subject.REQUEST,
                    Invalid.Reason.written(
                            parameter,
                            "Unknown " + parameter + " '" + value + "': one of "
                                    + Arrays.toString(type.getEnumConstants()) + "."));
        }
    }

    @GET
    @Path("{id}")
    public EpisodeView read(@PathParam("id") long id) {
        return episodes.read(id);
    }

    /** Records an event: 201 with the episode as it now stands. */
    @POST
    @Path("{id}/events")
    @APIResponse(
            responseCode = "201",
            description = "The episode with the event",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = EpisodeView.class)))
    public Response record(@PathParam("id") long id, NewEpisodeEvent event) {
        return Response.status(Response.Status.CREATED)
                .entity(episodes.record(id, event))
                .build();
    }

    /** Voids a mistaken event: {@code {"reason", "version"}}, the episode's version read; 409 naming it when stale. */
    @POST
    @Path("{id}/events/{eventId}/void")
    public EpisodeView voidEvent(@PathParam("id") long id, @PathParam("eventId") long eventId, Voiding body) {
        return body == null
                ? episodes.voidEvent(id, eventId, null, null)
                : episodes.voidEvent(id, eventId, body.reason(), body.version());
    }

    /** The body of {@code POST .../void}. */
    public record Voiding(String reason, Long version) {}
}
