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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hearth.appointments.AppointmentView;
import org.hearth.appointments.Appointments;
import org.hearth.family.AssignmentView;
import org.hearth.family.CaseAssignments;
import org.hearth.family.FamilyContact;
import org.hearth.family.FamilyRecord;
import org.hearth.family.FamilyRecords;
import org.hearth.family.FamilyRegistry;
import org.hearth.family.FamilyUpdate;
import org.hearth.family.IntakeForm;
import org.hearth.family.IntakeView;
import org.hearth.family.Intakes;
import org.hearth.family.NewFamily;
import org.hearth.groups.FamilyGroups;
import org.hearth.groups.GroupAttendance;
import org.hearth.groups.GroupAttendanceView;
import org.hearth.groups.SupportGroups;

/**
 * {@code /api/v1/families}: register a family, check for likely duplicates first, and (supervisors)
 * assign its primary counselor. The services decide who may; this class only speaks HTTP.
 */
@Path("families")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Families", description = "Registering families, their records, intake and counselors")
public class FamiliesResource {

    @EJB
    private FamilyRegistry registry;

    @EJB
    private CaseAssignments assignments;

    @EJB
    private FamilyRecords records;

    @EJB
    private Intakes intakes;

    @EJB
    private Appointments appointments;

    @EJB
    private SupportGroups groups;

    @EJB
    private GroupAttendance groupAttendance;

    @Context
    private UriInfo uri;

    /** The front desk's search by name, phone or case number; contact details only. */
    @GET
    public List<FamilyContact> search(@QueryParam("search") String search) {
        return registry.search(search);
    }

    /** Registers the family; 201 with its case number and the address of the family. */
    @POST
    @APIResponse(
            responseCode = "201",
            description = "Registered: its case number, and its address in Location",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = FamilyContact.class)),
            headers =
                    @org.eclipse.microprofile.openapi.annotations.headers.Header(
                            name = "Location",
                            description = "Its address",
                            schema =
                                    @Schema(
                                            type =
                                                    org.eclipse.microprofile.openapi.annotations.enums.SchemaType
                                                            .STRING)))
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

    /**
     * Makes a counselor the family's primary counselor; answers the assignment history. {@code version} is the
     * family's version read (it may be left out only while the family has no primary counselor); 409 naming the
     * family when someone changed it meanwhile.
     */
    @PUT
    @Path("{id}/assignment")
    public List<AssignmentView> assignPrimary(@PathParam("id") long familyId, PrimaryAssignment assignment) {
        if (assignment == null) {
            return assignments.assignPrimary(familyId, null, null, null);
        }
        return assignments.assignPrimary(
                familyId, assignment.counselorUsername(), assignment.reason(), assignment.version());
    }

    /** Every assignment of the family, oldest first. */
    @GET
    @Path("{id}/assignments")
    public List<AssignmentView> assignments(@PathParam("id") long familyId) {
        return assignments.history(familyId);
    }

    /** The family's record; the clinical summary only for its counselors and its program's supervisors. */
    @GET
    @Path("{id}")
    public FamilyRecord family(@PathParam("id") long familyId) {
        return records.open(familyId);
    }

    /** Changes demographics and contacts; 409 when the version is not the current one. */
    @PUT
    @Path("{id}")
    public FamilyRecord update(@PathParam("id") long familyId, FamilyUpdate update) {
        return records.update(familyId, update);
    }

    /** Closes the family with a reason (its counselors, its program's supervisors). */
    @POST
    @Path("{id}/closure")
    public FamilyRecord close(@PathParam("id") long familyId, Closure closure) {
        return closure == null
                ? records.close(familyId, null, null)
                : records.close(familyId, closure.reason(), closure.version());
    }

    /** Reopens a closed family (a supervisor of its program). */
    @POST
    @Path("{id}/reopening")
    public FamilyRecord reopen(@PathParam("id") long familyId, VersionOnly body) {
        return records.reopen(familyId, body == null ? null : body.version());
    }

    /** The intake (empty when not begun): the family's counselors and its program's supervisors. */
    @GET
    @Path("{id}/intake")
    public IntakeView intake(@PathParam("id") long familyId) {
        return intakes.read(familyId);
    }

    /** Saves the intake as a draft; {@code version} is null for the first save, then the version last read. */
    @PUT
    @Path("{id}/intake")
    public IntakeView saveIntake(@PathParam("id") long familyId, IntakeForm form) {
        return intakes.saveDraft(familyId, form);
    }

    /** Completes the intake: 400 naming every missing answer, otherwise the family becomes ACTIVE. */
    @POST
    @Path("{id}/intake/complete")
    public IntakeView completeIntake(@PathParam("id") long familyId, VersionOnly body) {
        return intakes.complete(familyId, body == null ? null : body.version());
    }

    /** The family's sessions, newest first. */
    @GET
    @Path("{id}/appointments")
    public List<AppointmentView> appointments(@PathParam("id") long familyId) {
        return appointments.forFamily(familyId);
    }

    /** The family's members' attendance at group sessions, newest first. */
    @GET
    @Path("{id}/group-attendance")
    public List<GroupAttendanceView> groupAttendance(@PathParam("id") long familyId) {
        return groupAttendance.attendanceOf(familyId);
    }

    /** The members' places in groups (with each group's next meeting) and the group meetings ahead. */
    @GET
    @Path("{id}/groups")
    public FamilyGroups groups(@PathParam("id") long familyId) {
        return groups.groupsOf(familyId);
    }

    /** The body of {@code POST /families/{id}/closure}. */
    public record Closure(String reason, Long version) {}

    /** A body that only names the version the change starts from. */
    public record VersionOnly(Long version) {}

    /** The body of {@code PUT /families/{id}/assignment}. */
    public record PrimaryAssignment(String counselorUsername, String reason, Long version) {}
}
