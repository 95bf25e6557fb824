package org.hearth.web.view.notes;

import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;
import org.hearth.notes.NoteContent;
import org.hearth.notes.NoteStatus;
import org.hearth.notes.NoteText;
import org.hearth.notes.NoteView;
import org.hearth.notes.SessionNotes;
import org.hearth.security.Conflict;
import org.hearth.security.Invalid;
import org.hearth.time.ClinicClock;
import org.hearth.web.security.CurrentStaff;
import org.hearth.web.view.Confirmations;
import org.hearth.web.view.Failures;

/**
 * notes/note.xhtml?id= (a held session's note, made by notes/open.xhtml the first time): the author
 * writes the draft, saved as they type and on "Save the draft", and signs it; afterwards the note reads as
 * signed, with its addenda; a supervisor co-signs it or returns it with a comment.
 */
@Named
@ViewScoped
public class NoteBacking implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final DateTimeFormatter SAVED = DateTimeFormatter.ofPattern("HH:mm:ss");

    @EJB
    private SessionNotes notes;

    @Inject
    private CurrentStaff currentStaff;

    private Long id;
    private NoteView note;

    private NoteForm form = new NoteForm();
    private String savedAt;
    private String addendum;
    private String returnComment;

    /** The note as it is now, after a save found it changed meanwhile; what was typed stays in the form. */
    private NoteView latest;

    public void load() {
        try {
            note = notes.read(id == null ? -1 : id);
            id = note.id();
            form = NoteForm.of(note);
        } catch (RuntimeException e) {
            if (Failures.causeOf(e) instanceof Invalid) {
                Failures.show(e, "note-form", Map.of());
                return;
            }
            Failures.answerLoad(e);
        }
    }

    /** Saves the draft quietly while the counselor writes; a refusal shows at the top. */
    /**
     * Saves the draft as the counselor writes (the page's autosaveNote, which leaves the page's messages alone so
     * a refusal just shown stays on screen); only a failed save updates the messages, to say why.
     */
    public void autosave() {
        if (isEditable() && latest == null && !save(false)) {
            jakarta.faces.context.FacesContext.getCurrentInstance()
                    .getPartialViewContext()
                    .getRenderIds()
                    .addAll(List.of("messages", "stale-panel"));
        }
    }

    public void saveDraft() {
        save(true);
    }

    public void sign() {
        if (!save(false)) {
            return;
        }
        try {
            note = notes.sign(note.id(), note.version());
            Confirmations.show("notes.signed");
        } catch (RuntimeException e) {
            Failures.show(e, "note-form", Map.of());
        }
    }

    /** Adds the addendum; when the note changed meanwhile it shows as it is now and the text typed stays. */
    public void addAddendum() {
        try {
            note = notes.addAddendum(note.id(), addendum, note.version());
            addendum = null;
            Confirmations.show("notes.addendum.added");
        } catch (RuntimeException e) {
            Failures.show(e, "addendum-form", Map.of("text", "addendum"));
            showLatestIfStale(e);
        }
    }

    public void cosign() {
        try {
            note = notes.cosign(note.id(), note.version());
            Confirmations.show("notes.cosigned");
        } catch (RuntimeException e) {
            Failures.show(e, "review-form", Map.of());
            showLatestIfStale(e);
        }
    }

    public void returnToAuthor() {
        try {
            note = notes.returnToAuthor(note.id(), returnComment, note.version());
            returnComment = null;
            Confirmations.show("notes.returned");
        } catch (RuntimeException e) {
            Failures.show(e, "review-form", Map.of("comment", "return-comment"));
            showLatestIfStale(e);
        }
    }

    /** After a stale save: the form takes the note as it is now, dropping what was typed. */
    public void takeLatest() {
        if (latest != null) {
            note = latest;
            form = NoteForm.of(latest);
            latest = null;
        }
    }

    /** After a stale save: what was typed is saved over the note as it is now (at its version). */
    public void keepMine() {
        if (latest != null) {
            note = latest;
            latest = null;
            save(true);
        }
    }

    private boolean save(boolean confirm) {
        try {
            note = notes.saveDraft(note.id(), form.content(), note.version());
            savedAt = SAVED.format(LocalTime.now(ClinicClock.current().asClock()));
            latest = null;
            if (confirm) {
                Confirmations.show("notes.saved");
            }
            return true;
        } catch (RuntimeException e) {
            Failures.show(e, "note-form", Map.of());
            if (isStale(e) && note.status() == NoteStatus.DRAFT) {
                // the typed text stays in the form; the latest is shown beside it to take or to save over
                latest = notes.read(note.id());
                if (latest.status() != NoteStatus.DRAFT) {
                    note = latest;
                    latest = null;
                }
            }
            return false;
        }
    }

    /** A review or addendum found the note changed: the page shows it as it is now; typed text stays. */
    private void showLatestIfStale(RuntimeException e) {
        if (isStale(e)) {
            note = notes.read(note.id());
        }
    }

    private static boolean isStale(RuntimeException e) {
        return Failures.causeOf(e) instanceof Conflict conflict && conflict.getSubject() == Conflict.Subject.STALE;
    }

    /** The signed-in counselor wrote this draft and may go on. */
    public boolean isEditable() {
        return note != null
                && note.status() == NoteStatus.DRAFT
                && note.authorUsername().equals(currentStaff.getProfile().username());
    }

    public boolean isAuthor() {
        return note != null
                && note.authorUsername().equals(currentStaff.getProfile().username());
    }

    /** A supervisor (of the family's program: the service decides) may co-sign or return a signed note. */
    public boolean isReviewable() {
        return note != null && note.status() == NoteStatus.SIGNED && currentStaff.hasRole("supervisor") && !isAuthor();
    }

    /** "Allowing natural consequences" waits for a safety plan when the family is flagged. */
    public boolean isNaturalConsequencesBlocked() {
        return note != null && note.safetyFlag() && !note.safetyPlanInPlace();
    }

    /** A section's rich text, cleaned again for showing (it was cleaned when saved). */
    public String shown(String html) {
        return html == null ? null : NoteText.clean(html);
    }

    /** The member's name, for a change-talk line of a signed note. */
    public String memberName(Long memberId) {
        if (memberId == null || note == null) {
            return null;
        }
        return note.members().stream()
                .filter(m -> m.id() == memberId)
                .map(NoteView.Person::name)
                .findFirst()
                .orElse(null);
    }

    /** The OARS skills the signed note records, in the reader's language, or empty. */
    public String getOarsUsed() {
        if (note == null) {
            return "";
        }
        ResourceBundle i18n = FacesContext.getCurrentInstance()
                .getApplication()
                .getResourceBundle(FacesContext.getCurrentInstance(), "i18n");
        NoteContent c = note.content();
        List<String> used = new ArrayList<>();
        if (c.openQuestions()) {
            used.add(i18n.getString("notes.oars.open"));
        }
        if (c.affirmations()) {
            used.add(i18n.getString("notes.oars.affirm"));
        }
        if (c.reflections()) {
            used.add(i18n.getString("notes.oars.reflect"));
        }
        if (c.summaries()) {
            used.add(i18n.getString("notes.oars.summary"));
        }
        return String.join(" · ", used);
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public NoteView getNote() {
        return note;
    }

    /** The draft as typed. */
    public NoteForm getForm() {
        return form;
    }

    public String getSavedAt() {
        return savedAt;
    }

    public String getAddendum() {
        return addendum;
    }

    public void setAddendum(String addendum) {
        this.addendum = addendum;
    }

    public NoteView getLatest() {
        return latest;
    }

    public String getReturnComment() {
        return returnComment;
    }

    public void setReturnComment(String returnComment) {
        this.returnComment = returnComment;
    }
}
