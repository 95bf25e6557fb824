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
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hearth.resources.CommunityResources;
import org.hearth.resources.ResourceDetails;
import org.hearth.resources.ResourceKind;
import org.hearth.resources.ResourcePage;
import org.hearth.resources.ResourceQuery;
import org.hearth.resources.ResourceSetting;
import org.hearth.resources.ResourceView;
import org.hearth.security.Invalid;

/**
 * {@code /api/v1/resources}: the community-resource directory (issue 25). Every staff role reads it; supervisors and
 * administrators change it. Every change names the version read ({@code 409} naming the "resource" when another
 * change came first).
 */
@Path("resources")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Community resources", description = "Mutual-help groups, naloxone pick-up, crisis lines and more")
public class CommunityResourcesResource {

    @EJB
    private CommunityResources resources;

    /**
     * A page of the directory, by name: {@code text} (words in the name), {@code kind}, {@code language} (a code such
     * as "es"), {@code needsChecking} (true: only entries not confirmed for 180 days), {@code active} (true, the
     * default; false for retired entries; any for both), {@code first}, {@code max}.
     */
    @GET
    @Operation(summary = "Search the community-resource directory, a page at a time")
    public ResourcePage search(
            @QueryParam("text") String text,
            @QueryParam("kind") String kind,
            @QueryParam("language") String language,
            @QueryParam("needsChecking") String needsChecking,
            @QueryParam("active") String active,
            @QueryParam("first") String first,
            @QueryParam("max") String max) {
        return resources.search(new ResourceQuery(
                text,
                choice("kind", kind, ResourceKind.class),
                language,
                needsChecking != null && trueOrFalse("needsChecking", needsChecking),
                active == null ? Boolean.TRUE : "any".equals(active.strip()) ? null : trueOrFalse("active", active),
                number("first", first, 0),
                number("max", max, 50)));
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One entry of the community-resource directory, retired or not")
    public ResourceView resource(@PathParam("id") long id) {
        return resources.resource(id);
    }

    /** Adds an entry (supervisors, administrators): 201 with the entry; 400 naming each field at fault. */
    @POST
    @Operation(summary = "Add an entry to the community-resource directory (supervisors and administrators)")
    @APIResponse(
            responseCode = "201",
            description = "The new entry",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ResourceView.class)))
    public Response create(ResourceBody body) {
        ResourceView created = resources.create(required(body).details());
        return Response.status(Response.Status.CREATED).entity(created).build();
    }

    /** Replaces an entry's details; the body carries the {@code version} read. */
    @PUT
    @Path("{id}")
    @Operation(summary = "Change an entry's details, naming the version read (supervisors and administrators)")
    public ResourceView update(@PathParam("id") long id, ResourceBody body) {
        ResourceBody given = required(body);
        return resources.update(id, given.version(), given.details());
    }

    @POST
    @Path("{id}/retire")
    @Operation(summary = "Retire an entry: it can no longer be given, and stays for the gifts naming it")
    public ResourceView retire(@PathParam("id") long id, ResourceVersion body) {
        return resources.retire(id, body == null ? null : body.version());
    }

    @POST
    @Path("{id}/restore")
    @Operation(summary = "Bring a retired entry back into use")
    public ResourceView restore(@PathParam("id") long id, ResourceVersion body) {
        return resources.restore(id, body == null ? null : body.version());
    }

    @POST
    @Path("{id}/confirm")
    @Operation(summary = "Record that the entry's details were confirmed today")
    public ResourceView confirm(@PathParam("id") long id, ResourceVersion body) {
        return resources.confirm(id, body == null ? null : body.version());
    }

    private static ResourceBody required(ResourceBody body) {
        if (body == null) {
            throw new Invalid(Invalid.Subject.REQUEST, Invalid.Reason.written("body", "Send the resource's details."));
        }
        return body;
    }

    static <E extends Enum<E>> E choice(String field, String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new Invalid(
                    Invalid.Subject.REQUEST,
                    Invalid.Reason.written(field, field + " is one of " + List.of(type.getEnumConstants()) + "."));
        }
    }

    private static boolean trueOrFalse(String field, String value) {
        return switch (value.strip()) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new Invalid(
                    Invalid.Subject.REQUEST, Invalid.Reason.written(field, field + " takes true or false."));
        };
    }

    private static int number(String field, String value, int otherwise) {
        if (value == null) {
            return otherwise;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new Invalid(Invalid.Subject.REQUEST, Invalid.Reason.written(field, field + " is a whole number."));
        }
    }

    /**
     * An entry's details as sent to create or change it; {@code version} is the version read (changes only).
     * {@code languages} are codes such as "en", "es", "asl"; {@code hours} says when it meets or is open.
     */
    public record ResourceBody(
            String name,
            ResourceKind kind,
            String description,
            String address,
            String phone,
            String website,
            String hours,
            Set<String> languages,
            ResourceSetting setting,
            LocalDate confirmedOn,
            Long version) {

        ResourceDetails details() {
            return new ResourceDetails(
                    name, kind, description, address, phone, website, hours, languages, setting, confirmedOn);
        }
    }

    /** The version of the entry read, for retiring, restoring and confirming. */
    public record ResourceVersion(Long version) {}
}
