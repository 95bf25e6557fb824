package org.hearth.web.view.episodes;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import org.hearth.engagement.Episodes;
import org.hearth.web.security.CurrentStaff;

/**
 * episodes/attention.xhtml: every open episode needing attention, sortable by each column and paged in the
 * database. A counselor reads their caseload's; a supervisor their programs'; one with both roles chooses.
 */
@Named
@ViewScoped
public class AttentionPageBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private Episodes episodes;

    @Inject
    private CurrentStaff currentStaff;

    private Episodes.Scope scope;
    private AttentionDataModel model;

    public Episodes.Scope getScope() {
        if (scope == null) {
            scope = currentStaff.hasRole("counselor") ? Episodes.Scope.MINE : Episodes.Scope.PROGRAMS;
        }
        return scope;
    }

    public void setScope(Episodes.Scope scope) {
        if (scope != null && scope != this.scope) {
            this.scope = scope;
            model = null;
        }
    }

    /** Whether the reader may choose between their caseload and their programs. */
    public boolean isBothScopes() {
        return currentStaff.hasRole("counselor") && currentStaff.hasRole("supervisor");
    }

    public Episodes.Scope[] getScopes() {
        return Episodes.Scope.values();
    }

    public AttentionDataModel getModel() {
        if (model == null) {
            model = AttentionDataModel.of(episodes, getScope());
        }
        return model;
    }
}
