package org.hearth.web.view.reports;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import org.hearth.family.Caseload;
import org.hearth.family.CaseloadQuery;
import org.hearth.family.CaseloadRow;
import org.hearth.family.CounselorCaseload;
import org.hearth.web.view.Failures;
import org.hearth.web.view.caseload.CaseloadDataModel;

/**
 * reports/caseloads.xhtml: a supervisor's view of their programs' caseloads: counts per counselor, the
 * families waiting for a counselor, and any one counselor's caseload as that counselor sees it.
 */
@Named
@ViewScoped
public class CaseloadsBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private Caseload caseload;

    private List<CounselorCaseload> counselors;
    private List<CaseloadRow> waiting;
    private String counselor;
    private CaseloadDataModel families;

    @PostConstruct
    void load() {
        counselors = caseload.counselorsOfMyPrograms();
        waiting = caseload.waitingForCounselor();
    }

    public void show(String username) {
        try {
            Caseload service = caseload;
            String chosen = username;
            service.ofCounselor(chosen, CaseloadQuery.firstPage());
            counselor = chosen;
            families = new CaseloadDataModel(query -> service.ofCounselor(chosen, query));
        } catch (RuntimeException e) {
            Failures.show(e, "caseloads-form", Map.of());
        }
    }

    public String getCounselorName() {
        return counselors.stream()
                .filter(c -> c.username().equals(counselor))
                .map(CounselorCaseload::displayName)
                .findFirst()
                .orElse(counselor);
    }

    public List<CounselorCaseload> getCounselors() {
        return counselors;
    }

    public List<CaseloadRow> getWaiting() {
        return waiting;
    }

    public String getCounselor() {
        return counselor;
    }

    public CaseloadDataModel getFamilies() {
        return families;
    }
}
