package org.hearth.web.view.providers;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.hearth.engagement.LevelOfCare;
import org.hearth.providers.OudMedication;
import org.hearth.providers.Payment;
import org.hearth.providers.Population;
import org.hearth.providers.ProviderLanguages;
import org.hearth.providers.Providers;
import org.hearth.web.security.CurrentStaff;

/**
 * providers/index.xhtml: the treatment-provider directory, searched and filtered by the database a page at a time.
 * Every staff role reads it; supervisors and administrators also see the ways to add and import entries.
 */
@Named("providersIndexBacking")
@ViewScoped
public class IndexBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private Providers providers;

    @Inject
    private CurrentStaff currentStaff;

    private ProviderDataModel list;

    public void load() {
        Providers service = providers;
        list = new ProviderDataModel(service::search);
    }

    public void clearFilters() {
        list.clear();
    }

    public ProviderDataModel getList() {
        return list;
    }

    /** Whether the reader keeps the directory (supervisors and administrators); the service decides anyway. */
    public boolean isEditor() {
        return currentStaff.hasRole("supervisor") || currentStaff.hasRole("admin");
    }

    public LevelOfCare[] getLevels() {
        return LevelOfCare.values();
    }

    public OudMedication[] getMedications() {
        return OudMedication.values();
    }

    public Payment[] getPayments() {
        return Payment.values();
    }

    public Population[] getPopulations() {
        return Population.values();
    }

    public List<String> getLanguages() {
        return ProviderLanguages.CODES;
    }

    public ProviderDataModel.Shown[] getShownChoices() {
        return ProviderDataModel.Shown.values();
    }
}
