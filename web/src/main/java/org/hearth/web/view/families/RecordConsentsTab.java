package org.hearth.web.view.families;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.hearth.consent.ConsentView;
import org.hearth.consent.Consents;

/** The family record's Consents tab (counselors and supervisors): the consents in force today, read when shown. */
@Named("recordConsents")
@ViewScoped
public class RecordConsentsTab implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private Consents consents;

    @Inject
    private RecordBacking record;

    private List<ConsentView> active;

    /** The family's consents in force today. */
    public List<ConsentView> getActiveConsents() {
        if (active == null) {
            active = record.isClinical()
                    ? consents.ofFamily(record.getId()).stream()
                            .filter(ConsentView::active)
                            .toList()
                    : List.of();
        }
        return active;
    }
}
