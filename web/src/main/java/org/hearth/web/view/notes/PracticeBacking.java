package org.hearth.web.view.notes;

import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.List;
import java.util.ResourceBundle;
import java.util.function.BiFunction;
import org.hearth.notes.MitiReviewView;
import org.hearth.notes.MitiReviews;
import org.hearth.web.security.CurrentStaff;
import org.hearth.web.view.Failures;

/**
 * notes/practice.xhtml?counselor=: a counselor's MI practice over time, their MITI reviews' summary scores
 * charted and listed. Without {@code counselor}, the signed-in user's own; a supervisor opens a counselor's
 * from Caseloads. The service refuses anyone else (403).
 */
@Named
@ViewScoped
public class PracticeBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private MitiReviews miti;

    @Inject
    private CurrentStaff currentStaff;

    private String counselor;
    private List<MitiReviewView> reviews = List.of();
    private String globalsChart;
    private String reflectionToQuestionChart;
    private String percentComplexReflectionsChart;

    public void load() {
        String username = counselor == null || counselor.isBlank()
                ? currentStaff.getProfile().username()
                : counselor.strip();
        try {
            reviews = miti.ofCounselor(username);
        } catch (RuntimeException e) {
            Failures.answerLoad(e);
            return;
        }
        counselor = username;
    }

    /** The signed-in user's own practice. */
    public boolean isMine() {
        return currentStaff.getProfile().username().equals(counselor);
    }

    /** Whose practice this is: their name as the reviews give it, or their username before any review. */
    public String getCounselorName() {
        if (isMine()) {
            return currentStaff.getDisplayName();
        }
        return reviews.isEmpty() ? counselor : reviews.get(0).counselorName();
    }

    /** A ratio as the table shows it: R:Q to two decimals, %CR as a whole percent; a dash when not applicable. */
    public String ratio(BigDecimal value, boolean percent) {
        return MitiRatios.shown(value, percent);
    }

    public String getGlobalsChart() {
        if (globalsChart == null) {
            globalsChart = drawn(PracticeCharts::globals);
        }
        return globalsChart;
    }

    public String getReflectionToQuestionChart() {
        if (reflectionToQuestionChart == null) {
            reflectionToQuestionChart = drawn(PracticeCharts::reflectionToQuestion);
        }
        return reflectionToQuestionChart;
    }

    public String getPercentComplexReflectionsChart() {
        if (percentComplexReflectionsChart == null) {
            percentComplexReflectionsChart = drawn(PracticeCharts::percentComplexReflections);
        }
        return percentComplexReflectionsChart;
    }

    /** A chart in the page's language (read while rendering, when the view's language is set). */
    private String drawn(BiFunction<List<MitiReviewView>, ResourceBundle, String> chart) {
        FacesContext faces = FacesContext.getCurrentInstance();
        return chart.apply(reviews, faces.getApplication().getResourceBundle(faces, "i18n"));
    }

    public String getCounselor() {
        return counselor;
    }

    public void setCounselor(String counselor) {
        this.counselor = counselor;
    }

    public List<MitiReviewView> getReviews() {
        return reviews;
    }
}
