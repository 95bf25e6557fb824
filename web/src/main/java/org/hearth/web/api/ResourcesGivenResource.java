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
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hearth.resources.GiftView;
import org.hearth.resources.GivenHow;
import org.hearth.resources.NewGift;
import org.hearth.resources.ResourceGifts;
import org.hearth.security.Invalid;

/**
 * {@code /api/v1/families/{familyId}/resources-given}: community resources given to a family (issue 25), each an
 * event on its record, and the neutral sheet printed of them. The family's counselors give; they and its program's
 * supervisors read and print.
 */
@Path("families/{familyId}/resources-given")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Community resources", description = "Mutual-help groups, naloxone pick-up, crisis lines and more")
public class ResourcesGivenResource {

    @EJB
    private ResourceGifts gifts;

    @GET
    @Operation(summary = "What the family was given from the community-resource directory, newest first")
    public List<GiftView> given(@PathParam("familyId") long familyId) {
        return gifts.given(familyId);
    }

    /**
     * Records resources given: {@code resourceIds}, {@code memberIds} (none: the family as a whole), {@code givenOn}
     * (not after today) and {@code how} (IN_SESSION, EMAIL, PHONE). 201 with one event per resource and member.
     */
    @POST
    @Operation(summary = "Record community resources given to the family (its counselors)")
    @APIResponse(
            responseCode = "201",
            description = "The events recorded, one per resource and member",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(type = SchemaType.ARRAY, implementation = GiftView.class)))
    public Response give(@PathParam("familyId") long familyId, GiftBody body) {
        GiftBody given = body == null ? new GiftBody(null, null, null, null) : body;
        List<GiftView> made =
                gifts.give(familyId, new NewGift(given.resourceIds(), given.memberIds(), given.givenOn(), given.how()));
        return Response.status(Response.Status.CREATED).entity(made).build();
    }

    /**
     * The neutral sheet of these entries ({@code ids}, repeated or comma-separated) as a PDF, in {@code lang} "en" or
     * "es" (default: the family's language). It names nothing of the family.
     */
    @GET
    @Path("sheet.pdf")
    @Produces({"application/pdf", MediaType.APPLICATION_JSON})
    @Operation(summary = "Print a neutral sheet of community resources for the family, in English or Spanish")
    @APIResponse(
            responseCode = "200",
            description = "The sheet",
            content =
                    @Content(
                            mediaType = "application/pdf",
                            schema = @Schema(type = SchemaType.STRING, format = "binary")))
    public Response sheet(
            @PathParam("familyId") long familyId,
            @QueryParam("ids") List<String> ids,
            @QueryParam("lang") String lang) {
        byte[] pdf = gifts.sheet(familyId, numbers(ids), lang);
        return Response.ok(pdf, "application/pdf")
                .header("Content-Disposition", "inline; filename=\"contacts.pdf\"")
                .build();
    }

    private static List<Long> numbers(List<String> ids) {
        List<Long> numbers = new ArrayList<>();
        if (ids == null) {
            return numbers;
        }
        for (String value : ids) {
            for (String part : value.split(",")) {
                if (part.isBlank()) {
                    continue;
                }
                try {
                    numbers.add(Long.parseLong(part.strip()));
                } catch (NumberFormatException e) {
                    throw new Invalid(
                            Invalid.Subject.REQUEST,
                            Invalid.Reason.written("ids", "ids are entry numbers, such as 12,14."));
                }
            }
        }
        return numbers;
    }

    /** Resources given, as sent. */
    public record GiftBody(List<Long> resourceIds, List<Long> memberIds, LocalDate givenOn, GivenHow how) {}
}
