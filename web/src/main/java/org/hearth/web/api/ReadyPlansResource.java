package org.hearth.web.api;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hearth.engagement.LevelOfCare;
import org.hearth.plans.BagItem;
import org.hearth.plans.EntryUpdate;
import org.hearth.plans.Interview;
import org.hearth.plans.PlanNeeds;
import org.hearth.plans.PlanView;
import org.hearth.plans.Preauthorization;
import org.hearth.plans.Preparations;
import org.hearth.plans.ReadyPlans;
import org.hearth.plans.Suggestion;
import org.hearth.plans.TransportKind;
import org.hearth.providers.OudMedication;
import org.hearth.providers.Payment;

/**
 * {@code /api/v1/episodes/{episodeId}/plan}: an episode's ready plan. The family's counselors change it, its
 * program's supervisors read it, nobody else. Every change sends the plan's {@code version} as read (0 before the
 * plan was first saved) and answers the whole plan as it now stands; 409 naming the plan when it is stale.
 */
@Path("episodes/{episodeId}/plan")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Ready plans", description = "Episodes' ready plans: needs, shortlist, interviews, pre-authorization")
public class ReadyPlansResource {

    @EJB
    private ReadyPlans plans;

    /** The plan, or the one Hearth proposes before anything was saved ({@code saved} false, version 0). */
    @GET
    public PlanView read(@PathParam("episodeId") long episodeId) {
        return plans.read(episodeId);
    }

    /**
     * Directory entries not on the shortlist, best fit first, one page: {@code ?search=} (name or city),
     * {@code first}, {@code max} (at most 50); with the total.
     */
    @GET
    @Path("suggestions")
    public Suggestion.Page suggestions(
            @PathParam("episodeId") long episodeId,
            @QueryParam("search") String search,
            @QueryParam("first") int first,
            @QueryParam("max") @DefaultValue("10") int max) {
        return plans.suggestions(episodeId, search, first, max);
    }

    /** Confirms or changes what the loved one needs. */
    @PUT
    @Path("needs")
    public PlanView confirmNeeds(@PathParam("episodeId") long episodeId, NeedsBody body) {
        return body == null
                ? plans.confirmNeeds(episodeId, null, null)
                : plans.confirmNeeds(
                        episodeId,
                        new PlanNeeds(body.proposedLevel(), body.payment(), body.language(), body.medicationWanted()),
                        body.version());
    }

    /** Puts a directory entry at the end of the shortlist: 201 with the plan. */
    @POST
    @Path("shortlist")
    @APIResponse(
            responseCode = "201",
            description = "The plan with the provider shortlisted",
            content =
                    @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PlanView.class)))
    public Response shortlist(@PathParam("episodeId") long episodeId, ShortlistBody body) {
        PlanView plan = body == null
                ? plans.shortlist(episodeId, null, null)
                : plans.shortlist(episodeId, body.providerId(), body.version());
        return Response.status(Response.Status.CREATED).entity(plan).build();
    }

    /** Takes a provider off the shortlist: {@code ?version=} the plan's version read. */
    @DELETE
    @Path("shortlist/{entryId}")
    public PlanView remove(
            @PathParam("episodeId") long episodeId,
            @PathParam("entryId") long entryId,
            @QueryParam("version") Long version) {
        return plans.removeFromShortlist(episodeId, entryId, version);
    }

    /** Moves a shortlisted provider to {@code position} (0 first). */
    @POST
    @Path("shortlist/{entryId}/move")
    public PlanView move(@PathParam("episodeId") long episodeId, @PathParam("entryId") long entryId, MoveBody body) {
        return body == null
                ? plans.moveOnShortlist(episodeId, entryId, 0, null)
                : plans.moveOnShortlist(episodeId, entryId, body.position(), body.version());
    }

    /** Records the family's interview answers, the slot and the pre-authorization for a shortlisted provider. */
    @PUT
    @Path("shortlist/{entryId}")
    public PlanView updateEntry(
            @PathParam("episodeId") long episodeId, @PathParam("entryId") long entryId, EntryBody body) {
        return body == null
                ? plans.updateEntry(episodeId, entryId, null, null)
                : plans.updateEntry(
                        episodeId,
                        entryId,
                        new EntryUpdate(body.interview(), body.slotAvailable(), body.slotNote(), body.preauth()),
                        body.version());
    }

    /** Records transport, who goes along and the bag. */
    @PUT
    @Path("preparations")
    public PlanView prepare(@PathParam("episodeId") long episodeId, PreparationsBody body) {
        return body == null
                ? plans.prepare(episodeId, null, null)
                : plans.prepare(
                        episodeId,
                        new Preparations(
                                body.transportKind(),
                                body.transportWho(),
                                body.companions(),
                                body.bag(),
                                body.bagNote()),
                        body.version());
    }

    /** The body of {@code PUT .../needs}. */
    public record NeedsBody(
            LevelOfCare proposedLevel,
            Payment payment,
            String language,
            OudMedication medicationWanted,
            Long version) {}

    /** The body of {@code POST .../shortlist}. */
    public record ShortlistBody(Long providerId, Long version) {}

    /** The body of {@code POST .../shortlist/{entryId}/move}. */
    public record MoveBody(int position, Long version) {}

    /** The body of {@code PUT .../shortlist/{entryId}}. */
    public record EntryBody(
            Interview interview, boolean slotAvailable, String slotNote, Preauthorization preauth, Long version) {}

    /** The body of {@code PUT .../preparations}. */
    public record PreparationsBody(
            TransportKind transportKind,
            String transportWho,
            String companions,
            Set<BagItem> bag,
            String bagNote,
            Long version) {}
}
