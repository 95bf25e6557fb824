package org.hearth.web.api;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hearth.notes.MitiCounts;
import org.hearth.notes.MitiGlobals;
import org.hearth.notes.MitiReviewView;
import org.hearth.notes.MitiReviews;
import org.hearth.security.Invalid;

/**
 * {@code /api/v1/miti-reviews}: MITI 4.2.1 coding of held family sessions, by a supervisor of the program or
 * by the session's counselor (self-review), with the summary scores and their fair/good bands.
 */
@Path("miti-reviews")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "MITI reviews", description = "MI fidelity coding of sessions")
public class MitiReviewsResource {

    @EJB
    private MitiReviews reviews;

    /**
     * Codes a session (again: corrects the caller's own review, naming its {@code "version"}; a stale one is 409):
     * 201 with the summary.
     */
    @POST
    @APIResponse(
            responseCode = "201",
            description = "The review with its summary scores",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = MitiReviewView.class)))
    public Response record(Coding body) {
        if (body == null || body.appointmentId() == null) {
            throw new Invalid(
                    Invalid.Subject.REQUEST, Invalid.Reason.written("appointmentId", "Say which session is coded."));
        }
        return Response.status(Response.Status.CREATED)
                .entity(reviews.record(
                        body.appointmentId(), body.counts(), body.globals(), body.comment(), body.version()))
                .build();
    }

    /** The reviews of a session ({@code ?session=}) or of a counselor over time ({@code ?counselor=}). */
    @GET
    public List<MitiReviewView> list(@QueryParam("session") Long session, @QueryParam("counselor") String counselor) {
        if (session != null) {
            return reviews.ofSession(session);
        }
        if (counselor != null && !counselor.isBlank()) {
            return reviews.ofCounselor(counselor);
        }
        throw new Invalid(
                Invalid.Subject.REQUEST,
                Invalid.Reason.written("session", "Say whose reviews: ?session=<id> or ?counselor=<username>."));
    }

    /** The body of {@code POST /miti-reviews}. */
    public record Coding(Long appointmentId, MitiCounts counts, MitiGlobals globals, String comment, Long version) {}
}
