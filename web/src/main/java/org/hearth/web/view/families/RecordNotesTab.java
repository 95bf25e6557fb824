package org.hearth.web.view.families;

import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.hearth.notes.FamilyGroupNote;
import org.hearth.notes.GroupNotes;
import org.hearth.notes.NoteSummary;
import org.hearth.notes.NoteText;
import org.hearth.notes.ReadinessPoint;
import org.hearth.notes.SessionNotes;

/**
 * The family record's Notes tab (counselors and supervisors): the members' readiness over the signed notes,
 * the family's session notes and its members' group notes, read when the tab is first shown.
 */
@Named("recordNotes")
@ViewScoped
public class RecordNotesTab implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private SessionNotes sessionNotes;

    @EJB
    private GroupNotes groupNotes;

    @Inject
    private RecordBacking record;

    private List<NoteSummary> notes;
    private List<FamilyGroupNote> familyGroupNotes;
    private List<ReadinessPoint> readiness;
    private String readinessChart;

    /** The family's session notes, newest session first. */
    public List<NoteSummary> getNotes() {
        if (notes == null) {
            notes = record.isClinical() ? sessionNotes.forFamily(record.getId()) : List.of();
        }
        return notes;
    }

    /** The family's members' group notes, as the family may read them (newest first). */
    public List<FamilyGroupNote> getGroupNotes() {
        if (familyGroupNotes == null) {
            familyGroupNotes = record.isClinical() ? groupNotes.forFamily(record.getId()) : List.of();
        }
        return familyGroupNotes;
    }

    /** Each member's readiness rulers in the family's signed notes, by session. */
    public List<ReadinessPoint> getReadiness() {
        if (readiness == null) {
            readiness = record.isClinical() ? sessionNotes.readinessOf(record.getId()) : List.of();
        }
        return readiness;
    }

    /** The readiness trend as {@code <p:chart>} draws it, in the page's language; empty when nothing to draw. */
    public String getReadinessChart() {
        if (readinessChart == null) {
            FacesContext faces = FacesContext.getCurrentInstance();
            String chart =
                    ReadinessChart.of(getReadiness(), faces.getApplication().getResourceBundle(faces, "i18n"));
            readinessChart = chart == null ? "" : chart;
        }
        return readinessChart;
    }

    /** A note's rich text, cleaned again for showing. */
    public String shown(String html) {
        return html == null ? null : NoteText.clean(html);
    }
}
