package org.hearth.web.view.community;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.hearth.resources.CommunityResources;
import org.hearth.resources.ResourceKind;
import org.hearth.resources.ResourceRules;
import org.hearth.web.security.CurrentStaff;

/**
 * community/index.xhtml: the community-resource directory, searched and filtered by the database a page at a time.
 * Every staff role reads it; supervisors and administrators also see the way to add an entry.
 */
@Named("communityIndexBacking")
@ViewScoped
public class IndexBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private CommunityResources resources;

    @Inject
    private CurrentStaff currentStaff;

    private ResourceDataModel list;

    public void load() {
        CommunityResources service = resources;
        list = new ResourceDataModel(service::search);
    }

    public void clearFilters() {
        list.clear();
    }

    public ResourceDataModel getList() {
        return list;
    }

    /** Whether the reader keeps the directory (supervisors and administrators); the service decides anyway. */
    public boolean isEditor() {
        return currentStaff.hasRole("supervisor") || currentStaff.hasRole("admin");
    }

    public ResourceKind[] getKinds() {
        return ResourceKind.values();
    }

    public List<String> getLanguages() {
        return ResourceRules.LANGUAGES;
    }

    public ResourceDataModel.Shown[] getShownChoices() {
        return ResourceDataModel.Shown.values();
    }
}
