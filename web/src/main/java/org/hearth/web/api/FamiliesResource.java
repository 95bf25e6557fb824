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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.hearth.family.AssignmentView;
import org.hearth.family.CaseAssignments;
import org.hearth.family.FamilyContact;
import org.hearth.family.FamilyRegistry;
import org.hearth.family.NewFamily;

/**
 * {@code /api/v1/families}: register a family, check for likely duplicates first, and (supervisors)
 * assign its primary counselor. The services decide who may; this class only speaks HTTP.
 */
@Path("families")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class FamiliesResource {

    @EJB
    private FamilyRegistry registry;

    @EJB
    private CaseAssignments assignments;

    @Context
    private UriInfo uri;

    /** The front desk's search by name, phone or case number; contact details only. */
    @GET
    public List<FamilyContact> search(@QueryParam("search") String search) {
        return registry.search(search);
    }

    /** Registers the family; 201 with its case number and the address of the family. */
    @POST
    public Response register(NewFamily details) {
        FamilyContact family = registry.register(details);
        return Response.created(uri.getAbsolutePathBuilder()
                        .path(String.valueOf(family.id()))
                        .build())
                .entity(family)
                .build();
    }

    /** Families that are likely the one about to be registered (contact details only). */
    @POST
    @Path("duplicate-check")
    public List<FamilyContact> likelyDuplicates(NewFamily details) {
        return registry.likelyDuplicates(details);
    }

    /** Makes a counselor the family's primary counselor; answers the assignment history. */
    @PUT
    @Path("{id}/assignment")
    public List<AssignmentView> assignPrimary(@PathParam("id") long familyId, PrimaryAssignment assignment) {
        if (assignment == null) {
            return assignments.assignPrimary(familyId, null, null);
        }
        return assignments.assignPrimary(familyId, assignment.counselorUsername(), assignment.reason());
    }

    /** Every assignment of the family, oldest first. */
    @GET
    @Path("{id}/assignments")
    public List<AssignmentView> assignments(@PathParam("id") long familyId) {
        return assignments.history(familyId);
    }

    /** The body of {@code PUT /families/{id}/assignment}. */
    public record PrimaryAssignment(String counselorUsername, String reason) {}
}
