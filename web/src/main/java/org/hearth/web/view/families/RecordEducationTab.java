package org.hearth.web.view.families;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import org.hearth.education.EducationCovered;
import org.hearth.education.EducationGiven;

/**
 * The family plan's part "Education given" (counselors and supervisors): each topic with the sessions that covered
 * it, the topics never covered yet, and each topic's handout in English and Spanish; read when first shown.
 */
@Named("recordEducation")
@ViewScoped
public class RecordEducationTab implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private EducationGiven education;

    @Inject
    private RecordBacking record;

    private EducationCovered covered;

    /** What the family has been taught, topic by topic; null for a reader who may not see it. */
    public EducationCovered getCovered() {
        if (covered == null && record.isClinical()) {
            covered = education.forFamily(record.getId());
        }
        return covered;
    }
}
