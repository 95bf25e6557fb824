package org.hearth.web.view.providers;

import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.hearth.engagement.LevelOfCare;
import org.hearth.providers.OudMedication;
import org.hearth.providers.Payment;
import org.hearth.providers.Population;
import org.hearth.providers.ProviderLanguages;
import org.hearth.providers.ProviderView;
import org.hearth.providers.Providers;
import org.hearth.time.ClinicClock;
import org.hearth.web.security.CurrentStaff;
import org.hearth.web.view.Confirmations;
import org.hearth.web.view.Failures;

/**
 * providers/provider.xhtml: one directory entry. Every staff role reads it; supervisors and administrators edit it
 * (the page without an id is a new entry), retire or restore it, and confirm its details today. Every change names
 * the version the page read, so a change made meanwhile by someone else is reported, not overwritten; the form then
 * keeps what was typed and offers to load the latest.
 */
@Named
@ViewScoped
public class ProviderBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Field names of the service's reasons that are not the input's id on the page. */
    private static final Map<String, String> RENAMED = Map.of();

    @EJB
    private Providers providers;

    @Inject
    private CurrentStaff currentStaff;

    private Long id;
    private ProviderView provider;
    private ProviderForm form;
    private boolean editing;
    private boolean stale;

    public void load() {
        if (id == null) {
            if (!isEditor()) {
                refuse();
                return;
            }
            form = ProviderForm.empty(ClinicClock.current().today());
            editing = true;
            return;
        }
        try {
            provider = providers.provider(id);
        } catch (RuntimeException e) {
            Failures.answerLoad(e);
        }
    }

    public void edit() {
        form = ProviderForm.of(provider.details());
        editing = true;
        stale = false;
    }

    public void cancel() {
        editing = false;
        stale = false;
    }

    public String save() {
        try {
            ProviderView saved = provider == null
                    ? providers.create(form.details())
                    : providers.update(provider.id(), provider.version(), form.details());
            Confirmations.showAfterRedirect("providers.saved", saved.name());
            return "/providers/provider.xhtml?faces-redirect=true&id=" + saved.id();
        } catch (RuntimeException e) {
            stale = Failures.isStale(e);
            Failures.show(e, "provider-form", RENAMED);
            return null;
        }
    }

    /** After a conflict: the latest entry in the form, in place of what was typed (the user asked for it). */
    public void loadLatest() {
        provider = providers.provider(provider.id());
        form = ProviderForm.of(provider.details());
        stale = false;
        Confirmations.show("conflict.latestLoaded");
    }

    public void retire() {
        change(() -> providers.retire(provider.id(), provider.version()), "providers.retired");
    }

    public void restore() {
        change(() -> providers.restore(provider.id(), provider.version()), "providers.restored");
    }

    public void confirmToday() {
        change(() -> providers.confirm(provider.id(), provider.version()), "providers.confirmed");
    }

    private void change(java.util.function.Supplier<ProviderView> action, String done) {
        try {
            provider = action.get();
            Confirmations.show(done, provider.name());
        } catch (RuntimeException e) {
            Failures.show(e, "actions-form", RENAMED);
            // a one-click change has nothing typed to keep: the page shows the latest at once
            provider = providers.provider(provider.id());
        }
    }

    private void refuse() {
        FacesContext faces = FacesContext.getCurrentInstance();
        try {
            faces.getExternalContext().responseSendError(403, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        faces.responseComplete();
    }

    /** Whether the reader keeps the directory (supervisors and administrators); the service decides anyway. */
    public boolean isEditor() {
        return currentStaff.hasRole("supervisor") || currentStaff.hasRole("admin");
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public ProviderView getProvider() {
        return provider;
    }

    public ProviderForm getForm() {
        return form;
    }

    public boolean isEditing() {
        return editing;
    }

    public boolean isStale() {
        return stale;
    }

    public boolean isNew() {
        return provider == null;
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
}
