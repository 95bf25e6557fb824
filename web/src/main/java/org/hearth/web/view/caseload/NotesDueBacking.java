package org.hearth.web.view.caseload;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import java.util.List;
import org.hearth.notes.NoteDue;
import org.hearth.notes.OverdueNotes;
import org.hearth.notes.SessionNotes;

/**
 * Notes still to write: on "My caseload", the counselor's held sessions without a signed note (overdue
 * first, as they come oldest first); on "Caseloads", per counselor of the supervisor's programs, how many
 * are overdue.
 */
@Named
@RequestScoped
public class NotesDueBacking {

    @EJB
    private SessionNotes notes;

    private List<NoteDue> mine;
    private List<OverdueNotes> overdue;

    public List<NoteDue> getMine() {
        if (mine == null) {
            mine = notes.dueForMe();
        }
        return mine;
    }

    public List<OverdueNotes> getOverdueByCounselor() {
        if (overdue == null) {
            overdue = notes.overdueByCounselor();
        }
        return overdue;
    }
}
