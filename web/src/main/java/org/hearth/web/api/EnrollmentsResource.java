package org.hearth.web.api;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hearth.groups.EnrollmentView;
import org.hearth.groups.GroupEnrollments;
import org.hearth.groups.SeatChange;
import org.hearth.security.Invalid;

/**
 * {@code /api/v1/enrollments}: a family member in a group: enrolled while seats are free, otherwise on the
 * waitlist in order; leaving offers the seat to the first one waiting.
 */
@Path("enrollments")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Enrollments", description = "Places in support groups and their waitlists")
public class EnrollmentsResource {

    @EJB
    private GroupEnrollments groupEnrollments;

    @POST
    public EnrollmentView enroll(NewEnrollment body) {
        if (body == null || body.groupId() == null || body.memberId() == null) {
            throw new Invalid(
                    Invalid.Subject.REQUEST,
                    Invalid.Reason.written(
                            body == null || body.groupId() == null ? "groupId" : "memberId",
                            "Give the group and the member."));
        }
        return groupEnrollments.enroll(body.groupId(), body.memberId());
    }

    /**
     * The member leaves the group; the first on the waitlist is offered the seat. {@code ?version=} is the
     * enrollment's version read (409 when stale or missing).
     */
    @DELETE
    @Path("{id}")
    public SeatChange leave(@PathParam("id") long id, @QueryParam("version") Long version) {
        return groupEnrollments.leave(id, version);
    }

    /** The member offered a seat takes it ({@code {"version": n}}, the enrollment's version read; 409 when stale). */
    @POST
    @Path("{id}/acceptance")
    public EnrollmentView accept(@PathParam("id") long id, FamiliesResource.VersionOnly body) {
        return groupEnrollments.acceptOffer(id, body == null ? null : body.version());
    }

    public record NewEnrollment(Long groupId, Long memberId) {}
}
