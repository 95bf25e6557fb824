package org.hearth.web.api;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
import java.time.format.DateTimeParseException;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hearth.calendar.ClinicCalendar;
import org.hearth.security.Invalid;
import org.hearth.time.ClinicClock;

/**
 * {@code /api/v1/clinic}: the clinic's opening hours, closures and rooms (administrators). Times are the
 * clinic's local times ("08:00"); a weekday without times is closed.
 */
@Path("clinic")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Clinic", description = "Opening hours, closures and rooms")
public class ClinicResource {

    @EJB
    private ClinicCalendar clinic;

    /** The week's opening hours ({@code days}, Monday to Sunday) and the week's {@code version}. */
    @GET
    @Path("hours")
    public ClinicCalendar.Week hours() {
        return clinic.hours();
    }

    /**
     * Replaces the week's opening hours ({@code {"days": [...], "version": n}}, the version read); 400 naming each
     * day that closes before it opens, 409 when someone else saved the hours since (or no version is sent).
     */
    @PUT
    @Path("hours")
    public ClinicCalendar.Week setHours(HoursChange body) {
        if (body == null) {
            throw new Invalid(
                    Invalid.Subject.REQUEST,
                    Invalid.Reason.written("body", "Send the week's days and the version read."));
        }
        return clinic.setHours(body.days(), body.version());
    }

    /** Closures from {@code from} (default today) on. */
    @GET
    @Path("closures")
    public List<ClinicCalendar.Closure> closures(@QueryParam("from") String from) {
        return clinic.closures(from == null ? ClinicClock.current().today() : date(from));
    }

    /** Closes the clinic on a day: 201 with what was already booked that day (not cancelled). */
    @POST
    @Path("closures")
    @APIResponse(
            responseCode = "201",
            description = "The closure, and the sessions booked on those days",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ClinicCalendar.ClosureAdded.class)))
    public Response addClosure(NewClosure body) {
        if (body == null) {
            throw new Invalid(Invalid.Subject.REQUEST, Invalid.Reason.written("body", "Send the date and the reason."));
        }
        ClinicCalendar.ClosureAdded added =
                clinic.addClosure(body.date() == null ? null : date(body.date()), body.reason());
        return Response.status(Response.Status.CREATED).entity(added).build();
    }

    /** Opens the day again; {@code ?version=} is the closure's version read (409 when stale or missing). */
    @DELETE
    @Path("closures/{id}")
    @APIResponse(responseCode = "204", description = "Removed")
    public Response removeClosure(@PathParam("id") long id, @QueryParam("version") Long version) {
        clinic.removeClosure(id, version);
        return Response.noContent().build();
    }

    @GET
    @Path("rooms")
    public List<ClinicCalendar.RoomView> rooms() {
        return clinic.rooms();
    }

    @POST
    @Path("rooms")
    @APIResponse(
            responseCode = "201",
            description = "The room",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ClinicCalendar.RoomView.class)))
    public Response addRoom(NewRoom body) {
        if (body == null) {
            throw new Invalid(
                    Invalid.Subject.REQUEST, Invalid.Reason.written("body", "Send the room's name and capacity."));
        }
        return Response.status(Response.Status.CREATED)
                .entity(clinic.addRoom(body.name(), body.capacity() == null ? 0 : body.capacity()))
                .build();
    }

    /**
     * Takes a room out of use for new bookings ({@code {"inUse": false, "version": n}}) or back into use; 409 when
     * the room changed since its version was read.
     */
    @PUT
    @Path("rooms/{id}/in-use")
    public ClinicCalendar.RoomView setInUse(@PathParam("id") long id, InUse body) {
        if (body == null || body.inUse() == null) {
            throw new Invalid(
                    Invalid.Subject.REQUEST,
                    Invalid.Reason.written("inUse", "Say whether the room is in use: true or false."));
        }
        return clinic.setRoomInUse(id, body.inUse(), body.version());
    }

    private static LocalDate date(String value) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new Invalid(
                    Invalid.Subject.REQUEST,
                    Invalid.Reason.written("date", "'" + value + "' is not a date as yyyy-mm-dd."));
        }
    }

    /** The body of {@code PUT /clinic/hours}: Monday to Sunday (a day without times is closed) and the version read. */
    public record HoursChange(List<ClinicCalendar.DayHours> days, @Schema(required = true) Long version) {}

    /** The body of {@code POST /clinic/closures}. */
    public record NewClosure(String date, String reason) {}

    /** The body of {@code POST /clinic/rooms}. */
    public record NewRoom(String name, Integer capacity) {}

    /** The body of {@code PUT /clinic/rooms/{id}/in-use}. */
    public record InUse(Boolean inUse, @Schema(required = true) Long version) {}
}
