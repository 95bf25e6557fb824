package org.hearth.web.view.families;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import org.hearth.family.FamilyContact;
import org.hearth.family.FamilyRegistry;
import org.hearth.web.view.Failures;

/** families/search.xhtml: the front desk finds a family by name, phone or case number (contact details only). */
@Named
@ViewScoped
public class SearchBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private FamilyRegistry registry;

    private String text;
    private List<FamilyContact> results = List.of();
    private boolean searched;

    public void search() {
        try {
            results = registry.search(text == null ? null : text.trim());
            searched = true;
        } catch (RuntimeException e) {
            Failures.show(e, "search-form", Map.of("search", "text", "text", "text", "body", "text"));
        }
    }

    public String getText() {
        return text;
    }

    public void setText(String text) {
        this.text = text;
    }

    public List<FamilyContact> getResults() {
        return results;
    }

    public boolean isSearched() {
        return searched;
    }
}
