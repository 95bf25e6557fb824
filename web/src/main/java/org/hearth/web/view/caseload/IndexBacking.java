package org.hearth.web.view.caseload;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import org.hearth.family.Caseload;

/** caseload/index.xhtml: the counselor's own families, paged and sorted by the database. */
@Named("caseloadIndex")
@ViewScoped
public class IndexBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private Caseload caseload;

    private CaseloadDataModel families;

    @PostConstruct
    void create() {
        Caseload service = caseload;
        families = new CaseloadDataModel(service::mine);
    }

    public CaseloadDataModel getFamilies() {
        return families;
    }
}
