package org.hearth.web.view.community;

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
import org.hearth.resources.CommunityResources;
import org.hearth.resources.ResourceKind;
import org.hearth.resources.ResourceRules;
import org.hearth.resources.ResourceSetting;
import org.hearth.resources.ResourceView;
import org.hearth.time.ClinicClock;
import org.hearth.web.security.CurrentStaff;
import org.hearth.web.view.Confirmations;
import org.hearth.web.view.Failures;

/**
 * community/resource.xhtml: one entry of the community-resource directory. Every staff role reads it; supervisors and administrators edit it
 * (the page without an id is a new entry), retire or restore it, and confirm its details today. Every change names
 * the version the page read, so a change made meanwhile by someone else is reported, not overwritten; the form then
 * keeps what was typed and offers to load the latest.
 */
@Named("communityResourceBacking")
@ViewScoped
public class ResourceBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Field names of the service's reasons that are not the input's id on the page. */
    private static final Map<String, String> RENAMED = Map.of();

    @EJB
    private CommunityResources resources;

    @Inject
    private CurrentStaff currentStaff;

    private Long id;
    private ResourceView resource;
    private ResourceForm form;
    private boolean editing;
    private boolean stale;

    public void load() {
        if (id == null) {
            if (!isEditor()) {
                refuse();
                return;
            }
            form = ResourceForm.empty(ClinicClock.current().today());
            editing = true;
            return;
        }
        try {
            resource = resources.resource(id);
        } catch (RuntimeException e) {
            Failures.answerLoad(e);
        }
    }

    public void edit() {
        form = ResourceForm.of(resource.details());
        editing = true;
        stale = false;
    }

    public void cancel() {
        editing = false;
        stale = false;
    }

    public String save() {
        try {
            ResourceView saved = resource == null
                    ? resources.create(form.details())
                    : resources.update(resource.id(), resource.version(), form.details());
            Confirmations.showAfterRedirect("community.saved", saved.name());
            return "/community/resource.xhtml?faces-redirect=true&id=" + saved.id();
        } catch (RuntimeException e) {
            stale = Failures.isStale(e);
            Failures.show(e, "resource-form", RENAMED);
            return null;
        }
    }

    /** After a conflict: the latest entry in the form, in place of what was typed (the user asked for it). */
    public void loadLatest() {
        resource = resources.resource(resource.id());
        form = ResourceForm.of(resource.details());
        stale = false;
        Confirmations.show("conflict.latestLoaded");
    }

    public void retire() {
        change(() -> resources.retire(resource.id(), resource.version()), "community.retired");
    }

    public void restore() {
        change(() -> resources.restore(resource.id(), resource.version()), "community.restored");
    }

    public void confirmToday() {
        change(() -> resources.confirm(resource.id(), resource.version()), "community.confirmed");
    }

    private void change(java.util.function.Supplier<ResourceView> action, String done) {
        try {
            resource = action.get();
            Confirmations.show(done, resource.name());
        } catch (RuntimeException e) {
            Failures.show(e, "actions-form", RENAMED);
            // a one-click change has nothing typed to keep: the page shows the latest at once
            resource = resources.resource(resource.id());
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

    public ResourceView getResource() {
        return resource;
    }

    public ResourceForm getForm() {
        return form;
    }

    public boolean isEditing() {
        return editing;
    }

    public boolean isStale() {
        return stale;
    }

    public boolean isNew() {
        return resource == null;
    }

    public ResourceKind[] getKinds() {
        return ResourceKind.values();
    }

    public ResourceSetting[] getSettings() {
        return ResourceSetting.values();
    }

    public List<String> getLanguages() {
        return ResourceRules.LANGUAGES;
    }
}
