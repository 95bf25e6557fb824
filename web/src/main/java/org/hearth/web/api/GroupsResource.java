package org.hearth.web.api;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hearth.feeds.CalendarFeeds;
import org.hearth.groups.EnrollmentView;
import org.hearth.groups.GroupDefinitions;
import org.hearth.groups.GroupEnrollments;
import org.hearth.groups.GroupKind;
import org.hearth.groups.GroupRecurrence;
import org.hearth.groups.GroupSeries;
import org.hearth.groups.GroupSessionView;
import org.hearth.groups.NewSupportGroup;
import org.hearth.groups.SupportGroupView;
import org.hearth.groups.SupportGroups;
import org.hearth.security.Invalid;
import org.hearth.time.ClinicTime;
import org.hearth.web.security.OidcSettings;

/**
 * {@code /api/v1/groups}: support groups, their sessions and members. A group's meetings are given as a
 * weekly rule (first date, start time, length, every N weeks, until a date or a number of meetings, dates
 * skipped) in the clinic's local time; every meeting becomes its own session. The service decides who may.
 */
@Path("groups")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Groups", description = "Support groups, their meetings and calendar feeds")
public class GroupsResource {

    @EJB
    private SupportGroups groups;

    @EJB
    private GroupDefinitions groupDefinitions;

    @EJB
    private GroupEnrollments groupEnrollments;

    @EJB
    private CalendarFeeds feeds;

    @Context
    private UriInfo uri;

    /** Defines a group: 201 with the sessions made and the occurrences skipped (closures, clashes), named. */
    @POST
    @APIResponse(
            responseCode = "201",
            description = "The group with the sessions made and the occurrences skipped; its address in Location",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = GroupSeries.class)),
            headers =
                    @org.eclipse.microprofile.openapi.annotations.headers.Header(
                            name = "Location",
                            description = "Its address",
                            schema =
                                    @Schema(
                                            type =
                                                    org.eclipse.microprofile.openapi.annotations.enums.SchemaType
                                                            .STRING)))
    public Response define(GroupDefinition definition) {
        if (definition == null) {
            throw new Invalid(Invalid.Subject.REQUEST, Invalid.Reason.written("body", "Send the group's definition."));
        }
        GroupSeries series = groupDefinitions.define(new NewSupportGroup(
                definition.name(),
                definition.kind(),
                definition.language(),
                definition.programId(),
                definition.roomId(),
                definition.capacity(),
                definition.openEnrollment(),
                definition.facilitatorUsernames(),
                definition.meetings() == null ? null : definition.meetings().recurrence()));
        return Response.created(uri.getAbsolutePathBuilder()
                        .path(Long.toString(series.group().id()))
                        .build())
                .entity(series)
                .build();
    }

    @GET
    @Path("{id}")
    public SupportGroupView read(@PathParam("id") long id) {
        return groups.read(id);
    }

    @GET
    @Path("{id}/sessions")
    public List<GroupSessionView> sessions(@PathParam("id") long id) {
        return groups.read(id).sessions();
    }

    /** Changes when the group meets; only future sessions nobody has touched follow the new rule. */
    @PUT
    @Path("{id}/meetings")
    public GroupSeries changeMeetings(@PathParam("id") long id, MeetingsChange change) {
        return groupDefinitions.changeRule(
                id,
                change == null || change.meetings() == null
                        ? null
                        : change.meetings().recurrence(),
                change == null ? null : change.version());
    }

    @GET
    @Path("{id}/enrollments")
    public List<EnrollmentView> enrollments(@PathParam("id") long id) {
        return groupEnrollments.enrollments(id);
    }

    /**
     * Makes a new secret address for the group's calendar feed (the old one stops working): 201 with the
     * address, shown only now. Front desk, the group's facilitators, its program's supervisors. The body names the
     * feed's version read ({@code {"version": n}}); 409 when someone else changed the feed since.
     */
    @POST
    @Path("{id}/calendar-feed")
    @APIResponse(
            responseCode = "201",
            description = "The feed's new address (the old one stops working)",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = FeedAddress.class)))
    public Response newCalendarFeed(
            @PathParam("id") long id, FamiliesResource.VersionOnly body, @Context HttpServletRequest request) {
        String secret = feeds.newGroupAddress(id, body == null ? null : body.version());
        String address = OidcSettings.baseUrl(request) + "feeds/" + secret + ".ics";
        return Response.status(Response.Status.CREATED)
                .entity(new FeedAddress(address))
                .build();
    }

    /**
     * The group's calendar feed: when its live address was made ({@code liveSince}, null when none) and its
     * {@code version}, which making a new address or stopping the feed names.
     */
    @GET
    @Path("{id}/calendar-feed")
    public CalendarFeeds.FeedState calendarFeed(@PathParam("id") long id) {
        return feeds.groupFeed(id);
    }

    /**
     * Stops the group's calendar feed: its address answers 404 from now on. {@code ?version=} is the feed's version
     * read (409 when stale or missing).
     */
    @DELETE
    @Path("{id}/calendar-feed")
    @APIResponse(responseCode = "204", description = "The feed's address no longer works")
    public Response stopCalendarFeed(@PathParam("id") long id, @QueryParam("version") Long version) {
        feeds.revokeGroup(id, version);
        return Response.noContent().build();
    }

    /** A calendar feed's secret address. */
    public record FeedAddress(String address) {}

    /** The body of {@code POST /groups}. */
    public record GroupDefinition(
            String name,
            GroupKind kind,
            String language,
            Long programId,
            Long roomId,
            Integer capacity,
            boolean openEnrollment,
            List<String> facilitatorUsernames,
            Meetings meetings) {}

    /** The body of {@code PUT /groups/{id}/meetings}. */
    public record MeetingsChange(Meetings meetings, Long version) {}

    /**
     * When a group meets: from {@code firstDate} at {@code startTime} (local, "18:00") for {@code minutes},
     * every {@code intervalWeeks} weeks (1 by default), until {@code lastDate} or for {@code count} meetings,
     * skipping {@code skippedDates}.
     */
    public record Meetings(
            String firstDate,
            String startTime,
            Integer minutes,
            Integer intervalWeeks,
            String lastDate,
            Integer count,
            List<String> skippedDates) {

        GroupRecurrence recurrence() {
            if (firstDate == null || startTime == null || minutes == null) {
                throw new Invalid(
                        Invalid.Subject.REQUEST,
                        Invalid.Reason.written("meetings", "Give the first date, the start time and the minutes."));
            }
            GroupRecurrence rule = GroupRecurrence.weekly(
                            date("meetings.firstDate", firstDate),
                            time(startTime),
                            Duration.ofMinutes(minutes),
                            ClinicTime.zone())
                    .everyWeeks(intervalWeeks == null ? 1 : intervalWeeks);
            if (lastDate != null) {
                rule = rule.until(date("meetings.lastDate", lastDate));
            }
            if (count != null) {
                rule = rule.times(count);
            }
            if (skippedDates != null) {
                rule = rule.skipping(skippedDates.stream()
                        .map(d -> date("meetings.skippedDates", d))
                        .toList());
            }
            return rule;
        }

        private static LocalDate date(String field, String value) {
            try {
                return LocalDate.parse(value);
            } catch (DateTimeParseException e) {
                throw new Invalid(
                        Invalid.Subject.REQUEST,
                        Invalid.Reason.written(field, "'" + value + "' is not a date as yyyy-mm-dd."));
            }
        }

        private static LocalTime time(String value) {
            try {
                return LocalTime.parse(value);
            } catch (DateTimeParseException e) {
                throw new Invalid(
                        Invalid.Subject.REQUEST,
                        Invalid.Reason.written("meetings.startTime", "'" + value + "' is not a time as HH:mm."));
            }
        }
    }
}
