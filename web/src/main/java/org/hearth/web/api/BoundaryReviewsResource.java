package org.hearth.web.api;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hearth.boundaries.Boundaries;
import org.hearth.boundaries.NoteBoundaries;
import org.hearth.boundaries.ReviewEntry;
import org.hearth.boundaries.ReviewOutcome;
import org.hearth.boundaries.ReviewView;

/**
 * {@code /api/v1/notes/{noteId}/boundary-reviews}: the family's boundaries reviewed in a session note. The note's
 * author records, corrects and removes reviews while the note is a draft (409 once it is signed: they are final);
 * the family's readers read them. A review sends the boundary's {@code version} as read, a correction or removal
 * the review's.
 */
@Path("notes/{noteId}/boundary-reviews")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Boundaries", description = "A family's boundaries and their reviews in session notes")
public class BoundaryReviewsResource {

    @EJB
    private Boundaries boundaries;

    @GET
    @Operation(
            summary = "The reviews made in the note and, while it is a draft, the family's active boundaries to review")
    public NoteBoundaries read(@PathParam("noteId") long noteId) {
        return boundaries.ofNote(noteId);
    }

    @POST
    @Operation(summary = "Records a boundary's review (kept, broken with what happened, or changed) in a draft note")
    @APIResponse(
            responseCode = "201",
            description = "The review as recorded",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ReviewView.class)))
    public Response review(@PathParam("noteId") long noteId, ReviewBody body) {
        ReviewView review = boundaries.review(
                noteId, body == null ? null : body.entry(body.boundaryId()), body == null ? null : body.version());
        return Response.status(Response.Status.CREATED).entity(review).build();
    }

    @PUT
    @Path("{reviewId}")
    @Operation(summary = "Corrects a review made in a draft note; the review's version as read")
    public ReviewView correct(@PathParam("noteId") long noteId, @PathParam("reviewId") long reviewId, ReviewBody body) {
        return boundaries.correct(
                noteId, reviewId, body == null ? null : body.entry(null), body == null ? null : body.version());
    }

    @DELETE
    @Path("{reviewId}")
    @Operation(summary = "Removes a review made in a draft note: the boundary returns to how it was before it")
    @APIResponse(responseCode = "204", description = "Removed")
    public void remove(
            @PathParam("noteId") long noteId,
            @PathParam("reviewId") long reviewId,
            @QueryParam("version") Long version) {
        boundaries.remove(noteId, reviewId, version);
    }

    /**
     * The body of {@code POST} and {@code PUT}: the boundary reviewed (for {@code POST}), the outcome and what goes
     * with it; {@code version}: the boundary's as read for {@code POST}, the review's for {@code PUT}.
     */
    public record ReviewBody(
            Long boundaryId,
            ReviewOutcome outcome,
            String whatHappened,
            String newWording,
            String newConsequence,
            LocalDate nextReviewOn,
            Long version) {

        ReviewEntry entry(Long boundary) {
            return new ReviewEntry(boundary, outcome, whatHappened, newWording, newConsequence, nextReviewOn);
        }
    }
}
