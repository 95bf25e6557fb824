package org.hearth.web.api;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hearth.messages.MessageChoiceView;
import org.hearth.messages.MessageChoices;

/**
 * {@code /api/v1/families/{familyId}/members/{memberId}/message-choice}: whether a member is sent reminders and
 * offers, and if not why; staff who keep the family's contact details (the front desk, its counselors, its program's
 * supervisors) stop or start them again at the member's word, sending the {@code version} read (409 naming the
 * "message choice" when stale). {@code .../members/message-choices} lists the whole family's.
 */
@Path("families/{familyId}/members")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Message choices", description = "Each family member's messages, stopped or started at their word")
public class MessageChoiceResource {

    @EJB
    private MessageChoices choices;

    @GET
    @Path("message-choices")
    @Operation(summary = "Every member of the family with where they stand with messages, in the family's order")
    public List<MessageChoiceView> ofFamily(@PathParam("familyId") long familyId) {
        return choices.ofFamily(familyId);
    }

    @GET
    @Path("{memberId}/message-choice")
    @Operation(summary = "Where the member stands with messages, and who last changed their choice, when, at what word")
    public MessageChoiceView of(@PathParam("familyId") long familyId, @PathParam("memberId") long memberId) {
        return choices.of(familyId, memberId);
    }

    @PUT
    @Path("{memberId}/message-choice")
    @Operation(
            summary = "Stops (optedOut true) or starts again the member's messages at their word (5 to 500"
                    + " characters); stopping withdraws their pending messages")
    public MessageChoiceView change(
            @PathParam("familyId") long familyId, @PathParam("memberId") long memberId, ChoiceBody body) {
        return body == null
                ? choices.change(familyId, memberId, null, null, null)
                : choices.change(familyId, memberId, body.optedOut(), body.memberWord(), body.version());
    }

    /**
     * The body of {@code PUT}: whether the member wants no messages, what they said (when, how), and the version read
     * (0 while the member never chose).
     */
    public record ChoiceBody(Boolean optedOut, String memberWord, Long version) {}
}
