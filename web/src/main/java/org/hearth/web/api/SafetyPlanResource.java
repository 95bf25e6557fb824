package org.hearth.web.api;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hearth.safetyplan.SafetyPlanContent;
import org.hearth.safetyplan.SafetyPlanView;
import org.hearth.safetyplan.SafetyPlans;

/**
 * {@code /api/v1/families/{familyId}/safety-plan}: the family's written safety plan. The family's counselors save
 * (each save a new version signed by them) and review it; they and its program's supervisors read and print it;
 * nobody else. Changes send the plan's {@code version} as read (none before the first version); 409 naming the
 * safety plan when it is stale; 400 naming each field that does not hold.
 */
@Path("families/{familyId}/safety-plan")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Safety plans", description = "The family's written safety plan: versions, reviews, the printed copy")
public class SafetyPlanResource {

    @EJB
    private SafetyPlans plans;

    @GET
    @Operation(
            summary = "The current plan and the list of its versions and reviews",
            description = "number and content are null while no plan is written; due says when a review is due"
                    + " while the family's safety flag stands.")
    public SafetyPlanView read(@PathParam("familyId") long familyId) {
        return plans.read(familyId);
    }

    /** The body of {@code PUT}: the content and the plan's version as read (null before the first version). */
    public record PlanChange(SafetyPlanContent content, Long version) {}

    @PUT
    @Operation(
            summary = "Save and sign a new version",
            description = "A counselor of the family; the new version is signed by the caller. Refused when nothing"
                    + " changed (record a review instead).")
    public SafetyPlanView save(@PathParam("familyId") long familyId, PlanChange body) {
        return body == null ? plans.save(familyId, null, null) : plans.save(familyId, body.content(), body.version());
    }

    /** The body of {@code POST /reviews}: the plan's version as read. */
    public record ReviewBody(Long version) {}

    @POST
    @Path("reviews")
    @Operation(summary = "Record a review without a change (\"Reviewed, no change\")")
    @APIResponse(
            responseCode = "201",
            description = "The plan with the review recorded",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = SafetyPlanView.class)))
    public Response review(@PathParam("familyId") long familyId, ReviewBody body) {
        return Response.status(Response.Status.CREATED)
                .entity(plans.review(familyId, body == null ? null : body.version()))
                .build();
    }

    @GET
    @Path("versions/{number}")
    @Operation(summary = "One version of the plan as it was signed")
    public SafetyPlanView.VersionRead version(@PathParam("familyId") long familyId, @PathParam("number") int number) {
        return plans.version(familyId, number);
    }

    @GET
    @Path("pdf")
    @Produces({"application/pdf", MediaType.APPLICATION_JSON})
    @Operation(
            summary = "The printed copy of the current version",
            description = "?language=en or es (default: the family's preferred language). It names no diagnosis,"
                    + " substance, treatment, program or case number: the loved one may find it.")
    @APIResponse(
            responseCode = "200",
            description = "The printed plan",
            content =
                    @Content(
                            mediaType = "application/pdf",
                            schema = @Schema(type = SchemaType.STRING, format = "binary")))
    public Response pdf(@PathParam("familyId") long familyId, @QueryParam("language") String language) {
        SafetyPlans.Printed printed = plans.print(familyId, language);
        return Response.ok(printed.pdf(), "application/pdf")
                .header("Content-Disposition", "attachment; filename=\"" + printed.fileName() + "\"")
                .header("Content-Language", printed.language())
                .build();
    }
}
