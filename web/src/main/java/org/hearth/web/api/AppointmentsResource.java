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
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hearth.appointments.AppointmentMove;
import org.hearth.appointments.AppointmentView;
import org.hearth.appointments.Appointments;
import org.hearth.appointments.NewAppointment;
import org.hearth.calendar.RoomChoice;
import org.hearth.security.Invalid;
import org.hearth.time.ClinicClock;

/**
 * {@code /api/v1/appointments}: family sessions. Local dates and times are the clinic's; the answers
 * carry both the instants and the local date and times. The service decides who may; this class only
 * speaks HTTP.
 */
@Path("appointments")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Sessions", description = "Family sessions: booking, moving, cancelling, check-in, completion, no-shows")
public class AppointmentsResource {

    @EJB
    private Appointments appointments;

    @Context
    private UriInfo uri;

    /** The sessions from {@code from} (inclusive, default today) to {@code to} (exclusive, default the day after). */
    @GET
    public List<AppointmentView> between(@QueryParam("from") String from, @QueryParam("to") String to) {
        LocalDate start = from == null ? ClinicClock.current().today() : QueryDates.day("from", from);
        LocalDate end = to == null ? start.plusDays(1) : QueryDates.day("to", to);
        if (!end.isAfter(start) || end.isAfter(start.plusDays(62))) {
            throw new Invalid(
                    Invalid.Subject.REQUEST,
                    Invalid.Reason.written("to", "'to' must be after 'from', at most 62 days later."));
        }
        return appointments.between(start, end);
    }

    @GET
    @Path("{id}")
    public AppointmentView read(@PathParam("id") long id) {
        return appointments.read(id);
    }

    /** Books a session: 201 with its address; 400 for a broken clinic rule; 409 naming each clash. */
    @POST
    @APIResponse(
            responseCode = "201",
            description = "Booked: the session, and its address in Location",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = AppointmentView.class)),
            headers =
                    @org.eclipse.microprofile.openapi.annotations.headers.Header(
                            name = "Location",
                            description = "Its address",
                            schema =
                                    @Schema(
                                            type =
                                                    org.eclipse.microprofile.openapi.annotations.enums.SchemaType
                                                            .STRING)))
    public Response book(NewAppointment booking) {
        AppointmentView booked = appointments.book(booking);
        return Response.created(uri.getAbsolutePathBuilder()
                        .path(Long.toString(booked.id()))
                        .build())
                .entity(booked)
                .build();
    }

    /** Moves a scheduled session to another time or room. */
    @PUT
    @Path("{id}")
    public AppointmentView move(@PathParam("id") long id, AppointmentMove move) {
        return appointments.move(id, move);
    }

    @POST
    @Path("{id}/cancellation")
    public AppointmentView cancel(@PathParam("id") long id, Cancellation cancellation) {
        return cancellation == null
                ? appointments.cancel(id, false, null, null)
                : appointments.cancel(id, cancellation.byFamily(), cancellation.reason(), cancellation.version());
    }

    @POST
    @Path("{id}/check-in")
    public AppointmentView checkIn(@PathParam("id") long id, FamiliesResource.VersionOnly body) {
        return appointments.checkIn(id, body == null ? null : body.version());
    }

    @POST
    @Path("{id}/completion")
    public AppointmentView complete(@PathParam("id") long id, FamiliesResource.VersionOnly body) {
        return appointments.complete(id, body == null ? null : body.version());
    }

    @POST
    @Path("{id}/no-show")
    public AppointmentView noShow(@PathParam("id") long id, FamiliesResource.VersionOnly body) {
        return appointments.noShow(id, body == null ? null : body.version());
    }

    /** The rooms sessions can be booked in. */
    @GET
    @Path("rooms")
    public List<RoomChoice> rooms() {
        return appointments.rooms();
    }

    /** The body of {@code POST /appointments/{id}/cancellation}: by the family or the clinic, why, and the version. */
    public record Cancellation(boolean byFamily, String reason, Long version) {}
}
