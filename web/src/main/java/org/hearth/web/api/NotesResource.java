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
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hearth.notes.NoteContent;
import org.hearth.notes.NoteDue;
import org.hearth.notes.NoteSummary;
import org.hearth.notes.NoteView;
import org.hearth.notes.OverdueNote;
import org.hearth.notes.OverdueNotes;
import org.hearth.notes.SessionNotes;
import org.hearth.security.Invalid;

/**
 * {@code /api/v1/notes}: session notes of family sessions. The counselor who held a session opens its note
 * ({@code POST /notes} with the appointment), saves the draft, signs it, then adds addenda; a supervisor of
 * the program co-signs or returns it, sees the overdue notes of the program and gives an unsigned one to
 * another counselor ({@code POST /notes/reassign}). Front desk and administrators are refused. The service
 * decides who may, and audits every read.
 */
@Path("notes")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Notes", description = "Session notes: drafts, signing, co-signing, addenda")
public class NotesResource {

    @EJB
    private SessionNotes notes;

    /** Opens the note of a held session (its draft is made the first time): {@code {"appointmentId"}}. */
    @POST
    public NoteView open(Opening body) {
        if (body == null || body.appointmentId() == null) {
            throw new Invalid(
                    Invalid.Subject.REQUEST,
                    Invalid.Reason.written("appointmentId", "Say which session the note is for."));
        }
        return notes.open(body.appointmentId());
    }

    /** A family's notes ({@code ?family=}), or the caller's held sessions whose note is not signed yet. */
    @GET
    public List<NoteSummary> list(@QueryParam("family") Long familyId) {
        if (familyId == null) {
            throw new Invalid(
                    Invalid.Subject.REQUEST, Invalid.Reason.written("family", "Say whose notes: ?family=<id>."));
        }
        return notes.forFamily(familyId);
    }

    /** The caller's held sessions without a signed note, oldest first, with when each is due. */
    @GET
    @Path("due")
    public List<NoteDue> due() {
        return notes.dueForMe();
    }

    /** Per counselor of the supervisor's programs, the notes overdue. */
    @GET
    @Path("overdue")
    public List<OverdueNotes> overdue() {
        return notes.overdueByCounselor();
    }

    /**
     * Each overdue note of the supervisor's programs, oldest first: who held the session, who writes the note,
     * whose the family is now when it left the writer's caseload, and the note's version to name when
     * reassigning it.
     */
    @GET
    @Path("overdue/sessions")
    public List<OverdueNote> overdueSessions() {
        return notes.overdueNotes();
    }

    /**
     * Gives a held session's unsigned note to another counselor of the program (a supervisor of the family's
     * program): {@code {"appointmentId", "counselor", "reason", "version"}}, the version being the note's as
     * read ({@code noteVersion} of the overdue list, 0 for a note nobody started); a stale one is 409.
     */
    @POST
    @Path("reassign")
    public NoteView reassign(Reassignment body) {
        if (body == null || body.appointmentId() == null) {
            throw new Invalid(
                    Invalid.Subject.REQUEST,
                    Invalid.Reason.written("appointmentId", "Say which session's note is reassigned."));
        }
        return notes.reassign(body.appointmentId(), body.counselor(), body.reason(), body.version());
    }

    @GET
    @Path("{id}")
    public NoteView read(@PathParam("id") long id) {
        return notes.read(id);
    }

    /** Saves the draft: {@code {"content": {...}, "version": n}}. */
    @PUT
    @Path("{id}")
    public NoteView save(@PathParam("id") long id, Draft body) {
        return notes.saveDraft(id, body == null ? null : body.content(), body == null ? null : body.version());
    }

    /** Signs the note: {@code {"version": n}}; 400 names each missing DAP section. */
    @POST
    @Path("{id}/sign")
    public NoteView sign(@PathParam("id") long id, Versioned body) {
        return notes.sign(id, body == null ? null : body.version());
    }

    /** Adds an addendum to a signed note: {@code {"text", "version"}}; 409 when the note changed meanwhile. */
    @POST
    @Path("{id}/addenda")
    public NoteView addendum(@PathParam("id") long id, Addendum body) {
        return notes.addAddendum(id, body == null ? null : body.text(), body == null ? null : body.version());
    }

    /** Co-signs a signed note: {@code {"version": n}}. */
    @POST
    @Path("{id}/cosign")
    public NoteView cosign(@PathParam("id") long id, Versioned body) {
        return notes.cosign(id, body == null ? null : body.version());
    }

    /** Returns a signed note to its author: {@code {"comment", "version"}}. */
    @POST
    @Path("{id}/return")
    public NoteView returnToAuthor(@PathParam("id") long id, Return body) {
        return notes.returnToAuthor(id, body == null ? null : body.comment(), body == null ? null : body.version());
    }

    public record Opening(Long appointmentId) {}

    public record Draft(NoteContent content, Long version) {}

    public record Versioned(Long version) {}

    public record Addendum(String text, Long version) {}

    public record Reassignment(Long appointmentId, String counselor, String reason, Long version) {}

    public record Return(String comment, Long version) {}
}
