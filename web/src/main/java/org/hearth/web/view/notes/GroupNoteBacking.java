package org.hearth.web.view.notes;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hearth.notes.GroupNoteView;
import org.hearth.notes.GroupNotes;
import org.hearth.notes.NoteStatus;
import org.hearth.notes.NoteText;
import org.hearth.security.Conflict;
import org.hearth.security.Invalid;
import org.hearth.web.security.CurrentStaff;
import org.hearth.web.view.Confirmations;
import org.hearth.web.view.Failures;

/**
 * notes/group.xhtml?id= (one who led the meeting writes its note, made by notes/open.xhtml; read whole by those who led
 * it and the program's supervisors): the group's body and a section for each member who attended.
 */
@Named
@ViewScoped
public class GroupNoteBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private GroupNotes notes;

    @Inject
    private CurrentStaff currentStaff;

    private Long id;
    private GroupNoteView note;
    private String body;
    private List<SectionLine> sections = new ArrayList<>();

    /** The note as it is now, after a save found it changed meanwhile; what was typed stays in the form. */
    private GroupNoteView latest;

    public void load() {
        try {
            note = notes.read(id == null ? -1 : id);
            fill();
        } catch (RuntimeException e) {
            if (Failures.causeOf(e) instanceof Invalid) {
                Failures.show(e, "group-note-form", Map.of());
                return;
            }
            Failures.answerLoad(e);
        }
    }

    public void save() {
        try {
            note = notes.saveDraft(note.id(), body, texts(), note.version());
            latest = null;
            Confirmations.show("notes.saved");
        } catch (RuntimeException e) {
            Failures.show(e, "group-note-form", Map.of());
            showLatestIfStale(e);
        }
    }

    public void sign() {
        try {
            note = notes.saveDraft(note.id(), body, texts(), note.version());
            note = notes.sign(note.id(), note.version());
            latest = null;
            fill();
            Confirmations.show("notes.signed");
        } catch (RuntimeException e) {
            Failures.show(e, "group-note-form", Map.of());
            showLatestIfStale(e);
        }
    }

    /** After a stale save: the form takes the note as it is now, dropping what was typed. */
    public void takeLatest() {
        if (latest != null) {
            note = latest;
            latest = null;
            fill();
        }
    }

    /** After a stale save: what was typed is saved over the note as it is now. */
    public void keepMine() {
        if (latest != null) {
            note = latest;
            latest = null;
            save();
        }
    }

    /** A save found the note changed meanwhile: what was typed stays; the latest is shown beside it. */
    private void showLatestIfStale(RuntimeException e) {
        if (Failures.causeOf(e) instanceof Conflict conflict && conflict.getSubject() == Conflict.Subject.STALE) {
            latest = notes.read(note.id());
            if (latest.status() != NoteStatus.DRAFT) {
                note = latest;
                latest = null;
                fill();
            }
        }
    }

    public GroupNoteView getLatest() {
        return latest;
    }

    private Map<Long, String> texts() {
        Map<Long, String> texts = new HashMap<>();
        sections.forEach(s -> texts.put(s.memberId, s.text == null ? "" : s.text));
        return texts;
    }

    private void fill() {
        body = note.body();
        sections = new ArrayList<>();
        note.sections().forEach(s -> sections.add(new SectionLine(s)));
    }

    public boolean isEditable() {
        return note != null
                && note.status() == NoteStatus.DRAFT
                && note.authorUsername().equals(currentStaff.getProfile().username());
    }

    public String shown(String html) {
        return html == null ? null : NoteText.clean(html);
    }

    /** One attending member's section in the form. */
    public static class SectionLine implements Serializable {

        private static final long serialVersionUID = 1L;

        private final long memberId;
        private final String memberName;
        private String text;

        SectionLine(GroupNoteView.Section section) {
            this.memberId = section.memberId();
            this.memberName = section.memberName();
            this.text = section.text();
        }

        public long getMemberId() {
            return memberId;
        }

        public String getMemberName() {
            return memberName;
        }

        public String getText() {
            return text;
        }

        public void setText(String text) {
            this.text = text;
        }
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public GroupNoteView getNote() {
        return note;
    }

    public String getBody() {
        return body;
    }

    public void setBody(String body) {
        this.body = body;
    }

    public List<SectionLine> getSections() {
        return sections;
    }
}
