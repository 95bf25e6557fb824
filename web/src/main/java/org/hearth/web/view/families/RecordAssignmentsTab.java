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

    public void assign() {
        try {
            assignments.assignPrimary(record.getId(), counselorUsername, assignmentReason);
            record.reload();
            counselorUsername = null;
            assignmentReason = null;
            Confirmations.show("families.record.assigned");
        } catch (RuntimeException e) {
            Failures.show(e, "tabs:assign-form", Map.of("counselorUsername", "counselor"));
        }
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
