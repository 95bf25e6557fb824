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
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hearth.security.Invalid;
import org.hearth.staff.Deactivation;
import org.hearth.staff.StaffAdministration;
import org.hearth.staff.StaffPage;
import org.hearth.staff.StaffQuery;
import org.hearth.staff.StaffRow;

/**
 * {@code /api/v1/staff}: who serves where, for administrators. The list is paged and sorted by the database;
 * every change names the version read ({@code 409} when another change came first).
 */
@Path("staff")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Staff", description = "Staff accounts' programs and deactivation (administrators)")
public class StaffResource {

    @EJB
    private StaffAdministration administration;

    /** A page of staff: {@code search}, {@code active} (true, false or absent for all), {@code sort}, paging. */
    @GET
    public StaffPage staff(
            @QueryParam("search") String search,
            @QueryParam("active") String active,
            @QueryParam("sort") String sort,
            @QueryParam("descending") String descending,
            @QueryParam("first") String first,
            @QueryParam("max") String max) {
        return administration.staff(new StaffQuery(
                search,
                active == null ? null : trueOrFalse("active", active),
                sort == null ? null : sortOf(sort),
                descending != null && trueOrFalse("descending", descending),
                number("first", first, 0),
                number("max", max, 50)));
    }

    @GET
    @Path("{id}")
    public StaffRow member(@PathParam("id") long id) {
        return administration.member(id);
    }

    /** Replaces the staff member's programs: {@code {"programIds": [1, 2], "version": 3}}. */
    @PUT
    @Path("{id}/programs")
    public StaffRow setPrograms(@PathParam("id") long id, ProgramsChange body) {
        if (body == null) {
            throw new Invalid(
                    Invalid.Subject.REQUEST,
                    Invalid.Reason.written("body", "Send the program ids and the version you read."));
        }
        return administration.setPrograms(id, body.version(), body.programIds());
    }

    /** Deactivates the staff member: {@code {"version": 3}}. Answers what ended with it. */
    @POST
    @Path("{id}/deactivation")
    public Deactivation deactivate(@PathParam("id") long id, VersionRead body) {
        return administration.deactivate(id, body == null ? null : body.version());
    }

    /** Lets a deactivated staff member in again: {@code {"version": 4}}. */
    @POST
    @Path("{id}/reactivation")
    public StaffRow reactivate(@PathParam("id") long id, VersionRead body) {
        return administration.reactivate(id, body == null ? null : body.version());
    }

    private static StaffQuery.StaffSort sortOf(String sort) {
        try {
            return StaffQuery.StaffSort.valueOf(sort.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new Invalid(
                    Invalid.Subject.REQUEST,
                    Invalid.Reason.written("sort", "sort is one of " + List.of(StaffQuery.StaffSort.values()) + "."));
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

    /** The body of {@code PUT /staff/{id}/programs}. */
    public record ProgramsChange(List<Long> programIds, Long version) {}

    /** The body of a deactivation or reactivation: the version of the staff member read. */
    public record VersionRead(Long version) {}
}
