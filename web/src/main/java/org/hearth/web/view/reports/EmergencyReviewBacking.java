package org.hearth.web.view.reports;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hearth.family.EmergencyAccessView;
import org.hearth.family.EmergencyAccesses;
import org.hearth.web.view.Confirmations;
import org.hearth.web.view.Failures;

/**
 * reports/emergency.xhtml: the emergency accesses to families of the supervisor's programs that wait for a
 * review, oldest first; each is marked reviewed with an optional note, and leaves the list.
 */
@Named
@ViewScoped
public class EmergencyReviewBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private EmergencyAccesses accesses;

    private List<EmergencyAccessView> waiting;
    private final Map<Long, String> notes = new HashMap<>();

    public List<EmergencyAccessView> getWaiting() {
        if (waiting == null) {
            waiting = accesses.toReview();
        }
        return waiting;
    }

    public void review(long accessId) {
        try {
            accesses.review(accessId, notes.get(accessId));
            Confirmations.show("emergency.reviewed");
            waiting = null;
            notes.remove(accessId);
        } catch (RuntimeException e) {
            Failures.show(e, "review-form", Map.of());
        }
    }

    public Map<Long, String> getNotes() {
        return notes;
    }
}
