package org.hearth.web.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Arrays;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hearth.education.EducationTopic;
import org.hearth.education.Handouts;
import org.hearth.security.Invalid;

/**
 * {@code /api/v1/handouts}: the one-page education handouts (issue 25), one per topic, in English and Spanish, for
 * any signed-in staff member. A handout carries no family's data, so reading one is not audited.
 */
@Path("handouts")
@RequestScoped
@Tag(name = "Education", description = "Education given to families: topics covered, handouts")
public class HandoutsResource {

    /** A handout as listed: its topic, its address part, and its title in each language. */
    public record Handout(
            @Schema(required = true) EducationTopic topic,
            @Schema(required = true, description = "the handout's address: /handouts/{slug}.pdf") String slug,
            @Schema(required = true) String titleEn,
            @Schema(required = true) String titleEs) {}

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The handouts, one per education topic, with their titles in English and Spanish")
    public List<Handout> list() {
        return Arrays.stream(EducationTopic.values())
                .map(t -> new Handout(t, t.slug(), Handouts.title(t, "en"), Handouts.title(t, "es")))
                .toList();
    }

    @GET
    @Path("{topic}.pdf")
    // JSON too, so a client asking for JSON still gets the handout, and problems as problem+json
    @Produces({"application/pdf", MediaType.APPLICATION_JSON})
    @Operation(summary = "A topic's one-page handout as a PDF (lang=en or es); an unknown topic is 404")
    @APIResponse(
            responseCode = "200",
            description = "The handout",
            content =
                    @Content(
                            mediaType = "application/pdf",
                            schema = @Schema(type = SchemaType.STRING, format = "binary")))
    public Response pdf(@PathParam("topic") String slug, @QueryParam("lang") @DefaultValue("en") String lang) {
        EducationTopic topic = EducationTopic.ofSlug(slug)
                .orElseThrow(() -> new NotFoundException("There is no handout on '" + slug + "'."));
        if (!Handouts.speaks(lang)) {
            throw new Invalid(
                    Invalid.Subject.REQUEST,
                    Invalid.Reason.written("lang", "Handouts are written in en or es, not '" + lang + "'."));
        }
        return Response.ok(Handouts.pdf(topic, lang), "application/pdf")
                .header("Content-Disposition", "inline; filename=\"" + Handouts.fileName(topic, lang) + "\"")
                .build();
    }
}
