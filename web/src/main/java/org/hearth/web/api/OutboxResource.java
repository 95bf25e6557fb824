package org.hearth.web.api;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hearth.messages.MessageStatus;
import org.hearth.messages.OutboxOverview;
import org.hearth.messages.OutboxPage;
import org.hearth.messages.OutboxSummary;
import org.hearth.security.Invalid;

/**
 * {@code /api/v1/outbox}: the messages to families (reminders, seat offers) and how sending them goes, for the front
 * desk (every family's), supervisors (their programs') and counselors (their caseload's). Never a message's text:
 * the outbox holds none.
 */
@Path("outbox")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Outbox", description = "Messages to family members: pending, sent, failed, withdrawn")
public class OutboxResource {

    @EJB
    private OutboxOverview outbox;

    @GET
    @Operation(summary = "One page (50) of the messages due in a range of the clinic's days, the soonest due first")
    public OutboxPage list(
            @QueryParam("status")
                    @Parameter(
                            description = "Only messages in this status",
                            schema = @Schema(implementation = MessageStatus.class))
                    String status,
            @QueryParam("from")
                    @Parameter(
                            description = "The first day due, yyyy-mm-dd (default: today)",
                            schema = @Schema(type = SchemaType.STRING, format = "date"))
                    String from,
            @QueryParam("to")
                    @Parameter(
                            description = "The last day due, yyyy-mm-dd (default: a week after the first; at most 92"
                                    + " days)",
                            schema = @Schema(type = SchemaType.STRING, format = "date"))
                    String to,
            @QueryParam("page")
                    @Parameter(
                            description = "The page, from 0",
                            schema = @Schema(type = SchemaType.INTEGER, defaultValue = "0"))
                    String page) {
        return outbox.page(
                status(status), QueryDates.dayOrNull("from", from), QueryDates.dayOrNull("to", to), page(page));
    }

    @GET
    @Path("summary")
    @Operation(summary = "The outbox counted for today: pending (and of them retrying), sent, failed, withdrawn today")
    public OutboxSummary summary() {
        return outbox.summary();
    }

    private static MessageStatus status(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return MessageStatus.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new Invalid(
                    Invalid.Subject.REQUEST,
                    Invalid.Reason.written(
                            "status",
                            "'status' is one of "
                                    + Arrays.stream(MessageStatus.values())
                                            .map(Enum::name)
                                            .collect(Collectors.joining(", "))
                                    + "."));
        }
    }

    private static int page(String value) {
        if (value == null || value.isBlank()) {
            return 0;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new Invalid(Invalid.Subject.REQUEST, Invalid.Reason.written("page", "'page' is a number from 0."));
        }
    }
}
