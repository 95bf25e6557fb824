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
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hearth.wellbeing.DueMeasure;
import org.hearth.wellbeing.Instrument;
import org.hearth.wellbeing.MeasureView;
import org.hearth.wellbeing.Measures;
import org.hearth.wellbeing.NewMeasure;
import org.hearth.wellbeing.RecordedMeasure;
import org.hearth.wellbeing.TakenBy;

/**
 * {@code /api/v1/families/{familyId}/measures}: the family members' PHQ-9 and GAD-7. The family's counselors record
 * them; they and its program's supervisors read them; nobody else. Totals and bands are computed by Hearth from the
 * answers. A PHQ-9 item 9 answer above 0 raises the family's safety flag ({@code flagRaised} in the answer).
 */
@Path("families/{familyId}/measures")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Wellbeing measures", description = "Family members' PHQ-9 and GAD-7, scored by Hearth, and when due")
public class MeasuresResource {

    @EJB
    private Measures measures;

    @GET
    @Operation(summary = "The family's measures, oldest first, each with its total, band and item 9 mark")
    public List<MeasureView> list(@PathParam("familyId") long familyId) {
        return measures.forFamily(familyId);
    }

    @POST
    @Operation(
            summary = "Records a member's PHQ-9 or GAD-7: every answer 0-3; Hearth scores it; item 9 above 0 raises"
                    + " the safety flag")
    @APIResponse(
            responseCode = "201",
            description = "The measure as saved, and whether it raised the safety flag",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = RecordedMeasure.class)))
    public Response record(@PathParam("familyId") long familyId, MeasureBody body) {
        RecordedMeasure recorded = measures.record(
                familyId,
                body == null
                        ? null
                        : new NewMeasure(
                                body.memberId(),
                                body.instrument(),
                                body.takenOn(),
                                body.answers(),
                                body.difficulty(),
                                body.takenBy()));
        return Response.status(Response.Status.CREATED).entity(recorded).build();
    }

    @GET
    @Path("due")
    @Operation(summary = "Each participating member's next PHQ-9 and GAD-7: due at intake, then every 4 weeks")
    public List<DueMeasure> due(@PathParam("familyId") long familyId) {
        return measures.due(familyId);
    }

    /**
     * The body of {@code POST}: the member, the instrument, the day taken (today when left out), each item's answer in
     * order, PHQ-9's optional difficulty question, and how it was taken (with the counselor when left out).
     */
    public record MeasureBody(
            Long memberId,
            Instrument instrument,
            LocalDate takenOn,
            List<Integer> answers,
            Integer difficulty,
            TakenBy takenBy) {}
}
