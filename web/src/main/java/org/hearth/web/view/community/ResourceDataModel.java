package org.hearth.web.view.community;

import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.hearth.resources.ResourceKind;
import org.hearth.resources.ResourcePage;
import org.hearth.resources.ResourceQuery;
import org.hearth.resources.ResourceView;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/**
 * The community-resource directory as a lazy table: each page is searched and filtered by the database through the
 * directory service, which answers a page's rows and the whole search's total in one call.
 */
public class ResourceDataModel extends LazyDataModel<ResourceView> {

    private static final long serialVersionUID = 1L;

    /** Where the pages come from. */
    public interface Source extends Function<ResourceQuery, ResourcePage>, Serializable {}

    /** Which entries the list shows. */
    public enum Shown {
        IN_USE,
        RETIRED,
        ALL
    }

    private final Source source;
    private String text;
    private ResourceKind kind;
    private String language;
    private boolean needsCheckingOnly;
    private Shown shown = Shown.IN_USE;

    /** The total the last page came with; null when a filter has changed since. */
    private Integer total;

    public ResourceDataModel(Source source) {
        this.source = source;
    }

    @Override
    public int count(Map<String, FilterMeta> filterBy) {
        if (total == null) {
            total = (int) source.apply(query(0, 1)).total();
        }
        return total;
    }

    @Override
    public List<ResourceView> load(
            int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
        ResourcePage page = source.apply(query(first, pageSize));
        total = (int) page.total();
        setRowCount(total);
        return page.rows();
    }

    @Override
    public String getRowKey(ResourceView row) {
        return String.valueOf(row.id());
    }

    ResourceQuery query(int first, int pageSize) {
        Boolean active =
                switch (shown) {
                    case IN_USE -> true;
                    case RETIRED -> false;
                    case ALL -> null;
                };
        return new ResourceQuery(text, kind, language, needsCheckingOnly, active, first, pageSize);
    }

    private <T> T set(T old, T value) {
        if (!Objects.equals(old, value)) {
            total = null;
        }
        return value;
    }

    public String getText() {
        return text;
    }

    public void setText(String text) {
        this.text = set(this.text, text == null || text.isBlank() ? null : text.strip());
    }

    public ResourceKind getKind() {
        return kind;
    }

    public void setKind(ResourceKind kind) {
        this.kind = set(this.kind, kind);
    }

    public String getLanguage() {
        return language;
    }

    public void setLanguage(String language) {
        this.language = set(this.language, language == null || language.isBlank() ? null : language);
    }

    public boolean isNeedsCheckingOnly() {
        return needsCheckingOnly;
    }

    public void setNeedsCheckingOnly(boolean needsCheckingOnly) {
        this.needsCheckingOnly = set(this.needsCheckingOnly, needsCheckingOnly);
    }

    public Shown getShown() {
        return shown;
    }

    public void setShown(Shown shown) {
        this.shown = set(this.shown, shown == null ? Shown.IN_USE : shown);
    }

    /** Clears every filter. */
    public void clear() {
        text = null;
        kind = null;
        language = null;
        needsCheckingOnly = false;
        shown = Shown.IN_USE;
        total = null;
    }
}
