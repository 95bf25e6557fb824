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
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hearth.consent.ConsentView;
import org.hearth.consent.Consents;
import org.hearth.consent.Disclosure;
import org.hearth.consent.DisclosureView;
import org.hearth.consent.NewConsent;
import org.hearth.security.Invalid;

/**
 * {@code /api/v1/consents}: Part 2 consents of a family's members, exports under them (the disclosure
 * ledger), and a member's accounting of disclosures. The family's counselors record and revoke; they and the
 * program's supervisors read and export; nobody else.
 */
@Path("consents")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Consents", description = "Part 2 consents, disclosures and the accounting of disclosures")
public class ConsentsResource {

    @EJB
    private Consents consents;

    /** A family's consents: {@code ?family=}. */
    @GET
    public List<ConsentView> ofFamily(@QueryParam("family") Long familyId) {
        if (familyId == null) {
            throw new Invalid(
                    Invalid.Subject.REQUEST, Invalid.Reason.written("family", "Say whose consents: ?family=<id>."));
        }
        return consents.ofFamily(familyId);
    }

    /** Records a consent for a member of {@code ?family=}: 201 with the consent. */
    @POST
    @APIResponse(
            responseCode = "201",
            description = "The consent as recorded",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ConsentView.class)))
    public Response record(@QueryParam("family") Long familyId, NewConsent consent) {
        if (familyId == null) {
            throw new Invalid(
                    Invalid.Subject.REQUEST, Invalid.Reason.written("family", "Say whose consent: ?family=<id>."));
        }
        return Response.status(Response.Status.CREATED)
                .entity(consents.record(familyId, consent))
                .build();
    }

    /** Revokes a consent: {@code {"revokedOn", "version"}}, the version read; 409 naming the consent when stale. */
    @POST
    @Path("{id}/revoke")
    public ConsentView revoke(@PathParam("id") long id, Revocation body) {
        return body == null ? consents.revoke(id, null, null) : consents.revoke(id, body.revokedOn(), body.version());
    }

    /** The body of {@code POST .../revoke}. */
    public record Revocation(LocalDate revokedOn, Long version) {}

    /**
     * Exports the member's record as far as the consent allows: {@code ?format=pdf} (default) or {@code json}.
     * Each export is a disclosure, entered in the ledger.
     */
    @POST
    @Path("{id}/disclosures")
    @Produces({"application/pdf", MediaType.APPLICATION_JSON})
    @APIResponse(
            responseCode = "201",
            description = "The disclosure, entered in the member's accounting of disclosures (its id in"
                    + " X-Disclosure-Id): a PDF, or with format=json the same content as JSON",
            headers =
                    @org.eclipse.microprofile.openapi.annotations.headers.Header(
                            name = "X-Disclosure-Id",
                            description = "The disclosure's entry in the accounting",
                            schema = @Schema(type = SchemaType.INTEGER)),
            content = {
                @Content(mediaType = "application/pdf", schema = @Schema(type = SchemaType.STRING, format = "binary")),
                @Content(
                        mediaType = MediaType.APPLICATION_JSON,
                        schema = @Schema(implementation = DisclosureJsonFile.class))
            })
    public Response disclose(@PathParam("id") long id, @QueryParam("format") @DefaultValue("pdf") String format) {
        Disclosure.Format chosen;
        try {
            chosen = Disclosure.Format.valueOf(format.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw new Invalid(
                    Invalid.Subject.REQUEST,
                    Invalid.Reason.written("format", "Unknown format '" + format + "': pdf or json."));
        }
        Consents.Export export = consents.disclose(id, chosen);
        return Response.status(Response.Status.CREATED)
                .type(export.mediaType())
                .header("Content-Disposition", "attachment; filename=\"" + export.fileName() + "\"")
                .header("X-Disclosure-Id", export.disclosureId())
                .entity(export.content())
                .build();
    }

    /** A member's accounting of disclosures, newest first. */
    @GET
    @Path("accounting/{memberId}")
    public List<DisclosureView> accounting(@PathParam("memberId") long memberId) {
        return consents.accountingOf(memberId);
    }
}
