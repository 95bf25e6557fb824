package org.hearth.web.view.families;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import org.hearth.family.CaseAssignments;
import org.hearth.family.CaseAssignments.CounselorChoice;
import org.hearth.web.view.Confirmations;
import org.hearth.web.view.Failures;

/**
 * The family record's Counselors tab: the assignment history (part of the family) and, for a supervisor of
 * its program, giving the family to a counselor, whose choices are read when the tab is first shown.
 */
@Named("recordAssignments")
@ViewScoped
public class RecordAssignmentsTab implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private CaseAssignments assignments;

    @Inject
    private RecordBacking record;

    private List<CounselorChoice> counselors;
    private String counselorUsername;
    private String assignmentReason;
    private boolean stale;

    /**
     * Assigns from the family as the page shows it (its version); when someone changed the family meanwhile
     * the choice stays, the page says so and offers the latest ({@link #loadLatest}).
     */
    public void assign() {
        try {
            assignments.assignPrimary(
                    record.getId(),
                    counselorUsername,
                    assignmentReason,
                    record.getFamily().version());
            record.reload();
            counselorUsername = null;
            assignmentReason = null;
            stale = false;
            Confirmations.show("families.record.assigned");
        } catch (RuntimeException e) {
            stale = Failures.isStale(e);
            Failures.show(e, "tabs:assign-form", Map.of("counselorUsername", "counselor"));
        }
    }

    /** After a conflict: the family as it now stands (who is its counselor), the choice being made dropped. */
    public void loadLatest() {
        record.reload();
        counselorUsername = null;
        assignmentReason = null;
        stale = false;
        Confirmations.show("conflict.latestLoaded");
    }

    /** The last assignment was refused because someone else changed the family meanwhile. */
    public boolean isStale() {
        return stale;
    }

    /** The counselors of the family's program the supervisor may choose from. */
    public List<CounselorChoice> getCounselors() {
        if (counselors == null) {
            counselors = record.mayAssign() ? assignments.counselorsFor(record.getId()) : List.of();
        }
        return counselors;
    }

    public String getCounselorUsername() {
        return counselorUsername;
    }

    public void setCounselorUsername(String counselorUsername) {
        this.counselorUsername = counselorUsername;
    }

    public String getAssignmentReason() {
        return assignmentReason;
    }

    public void setAssignmentReason(String assignmentReason) {
        this.assignmentReason = assignmentReason;
    }
}
