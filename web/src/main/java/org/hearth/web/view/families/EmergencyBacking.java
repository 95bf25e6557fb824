package org.hearth.web.view.families;

import jakarta.ejb.EJB;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.hearth.family.EmergencyAccessView;
import org.hearth.family.EmergencyAccesses;
import org.hearth.web.security.EmergencySessions;
import org.hearth.web.view.Failures;

/**
 * families/emergency.xhtml: a counselor opens a family outside their caseload, in an emergency, by its case
 * number and a reason ("break the glass"); the family's record opens, read-only, for the rest of the session.
 * A counselor refused a family's record comes here with the family's id and only gives the reason.
 */
@Named
@ViewScoped
public class EmergencyBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private EmergencyAccesses accesses;

    private Long familyId;
    private String caseNumber;
    private String reason;
    private List<EmergencyAccessView> open;

    public void open() {
        FacesContext faces = FacesContext.getCurrentInstance();
        ExternalContext external = faces.getExternalContext();
        String key = EmergencySessions.keyOf((HttpSession) external.getSession(true));
        try {
            EmergencyAccessView granted = familyId != null
                    ? accesses.openFamily(familyId, reason, key)
                    : accesses.open(caseNumber, reason, key);
            external.getFlash().setKeepMessages(true);
            external.redirect(external.getRequestContextPath() + "/families/record.xhtml?id=" + granted.familyId());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            Failures.show(e, "emergency-form", Map.of());
        }
    }

    /** The caller's accesses open now. */
    public List<EmergencyAccessView> getOpen() {
        if (open == null) {
            open = accesses.mineOpen();
        }
        return open;
    }

    public Long getFamilyId() {
        return familyId;
    }

    public void setFamilyId(Long familyId) {
        this.familyId = familyId;
    }

    public String getCaseNumber() {
        return caseNumber;
    }

    public void setCaseNumber(String caseNumber) {
        this.caseNumber = caseNumber;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }
}
