package org.hearth.web.view.groups;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.hearth.groups.GroupSummary;
import org.hearth.groups.SupportGroups;

/** groups/index.xhtml: the groups the user works with. */
@Named
@ViewScoped
public class GroupsBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private SupportGroups groups;

    private List<GroupSummary> list;

    public List<GroupSummary> getList() {
        if (list == null) {
            list = groups.list();
        }
        return list;
    }
}
