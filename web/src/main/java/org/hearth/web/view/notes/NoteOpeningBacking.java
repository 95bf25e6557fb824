package org.hearth.web.view.notes;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import org.hearth.notes.GroupNotes;
import org.hearth.notes.SessionNotes;
import org.hearth.security.Invalid;
import org.hearth.web.view.Failures;

/**
 * notes/open.xhtml?session= (a family session) or ?group-session= (a group meeting): opens the session's note,
 * its draft made the first time by the one who held it, and goes on to the note's own page. The only page
 * whose GET writes, so it is a protected view: it answers only a link Hearth rendered with the session's token.
 */
@Named
@RequestScoped
public class NoteOpeningBacking {

    @EJB
    private SessionNotes notes;

    @EJB
    private GroupNotes groupNotes;

    private Long session;
    private Long groupSession;

    /** The note's page, or - when the note cannot be opened yet - this page with the reason. */
    public String open() {
        try {
            if (session != null) {
                return "/notes/note.xhtml?faces-redirect=true&id="
                        + notes.open(session).id();
            }
            if (groupSession != null) {
                return "/notes/group.xhtml?faces-redirect=true&id="
                        + groupNotes.open(groupSession).id();
            }
            FacesContext.getCurrentInstance().getExternalContext().responseSendError(404, null);
            FacesContext.getCurrentInstance().responseComplete();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            if (Failures.causeOf(e) instanceof Invalid) {
                Failures.show(e, "open-form", Map.of());
                return null;
            }
            Failures.answerLoad(e);
        }
        return null;
    }

    public Long getSession() {
        return session;
    }

    public void setSession(Long session) {
        this.session = session;
    }

    public Long getGroupSession() {
        return groupSession;
    }

    public void setGroupSession(Long groupSession) {
        this.groupSession = groupSession;
    }
}
