package org.hearth.web.view.reports;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import org.hearth.family.CaseAssignments;
import org.hearth.notes.NoteView;
import org.hearth.notes.OverdueNote;
import org.hearth.notes.SessionNotes;
import org.hearth.security.Conflict;
import org.hearth.web.view.Confirmations;
import org.hearth.web.view.Failures;

/**
 * reports/caseloads.xhtml, "Overdue session notes": each overdue note of the supervisor's programs, who held the
 * session and whose the family is now, and "Reassign", which gives an unsigned note to another counselor of the
 * program with a reason (the service checks the supervisor and the note's version).
 */
@Named
@ViewScoped
public class OverdueNotesBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private SessionNotes notes;

    @EJB
    private CaseAssignments assignments;

    private List<OverdueNote> overdue;
    private OverdueNote chosen;
    private List<CaseAssignments.CounselorChoice> counselors = List.of();
    private String counselorUsername;
    private String reason;

    public List<OverdueNote> getOverdue() {
        if (overdue == null) {
            overdue = notes.overdueNotes();
        }
        return overdue;
    }

    /** Opens the reassignment form for one overdue note, with the counselors of the family's program. */
    public void choose(OverdueNote note) {
        try {
            counselors = assignments.counselorsFor(note.familyId()).stream()
                    .filter(c -> !c.username().equals(note.writerUsername()))
                    .toList();
            chosen = note;
            counselorUsername = null;
            reason = null;
        } catch (RuntimeException e) {
            Failures.show(e, "overdue-form", Map.of());
        }
    }

    public void cancel() {
        chosen = null;
    }

    /**
     * Gives the chosen note to the counselor. On a stale version the list is read again (the note changed or was
     * given meanwhile) and the choice typed stays on screen, to send again against the latest.
     */
    public void reassign() {
        try {
            NoteView note = notes.reassign(chosen.appointmentId(), counselorUsername, reason, chosen.noteVersion());
            Confirmations.show("notes.reassign.done", note.familyName(), note.authorName());
            chosen = null;
            overdue = null;
        } catch (RuntimeException e) {
            Failures.show(
                    e, "overdue-form", Map.of("counselorUsername", "reassign-counselor", "reason", "reassign-reason"));
            if (Failures.causeOf(e) instanceof Conflict) {
                overdue = notes.overdueNotes();
                chosen = overdue.stream()
                        .filter(o -> o.appointmentId() == chosen.appointmentId())
                        .findFirst()
                        .orElse(null);
            }
        }
    }

    public OverdueNote getChosen() {
        return chosen;
    }

    public List<CaseAssignments.CounselorChoice> getCounselors() {
        return counselors;
    }

    public String getCounselorUsername() {
        return counselorUsername;
    }

    public void setCounselorUsername(String counselorUsername) {
        this.counselorUsername = counselorUsername;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }
}
