package org.hearth.web.view.admin;

import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.hearth.staff.StaffPage;
import org.hearth.staff.StaffQuery;
import org.hearth.staff.StaffQuery.StaffSort;
import org.hearth.staff.StaffRow;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;

/**
 * The staff list as a lazy table: each page is searched and sorted by the database through the staff
 * administration service, which answers a page's rows and the whole list's total in one call.
 */
public class StaffDataModel extends LazyDataModel<StaffRow> {

    private static final long serialVersionUID = 1L;

    /** Where the pages come from. */
    public interface Source extends Function<StaffQuery, StaffPage>, Serializable {}

    /** Which staff the list shows. */
    public enum Shown {
        ALL,
        ACTIVE,
        DEACTIVATED
    }

    private final Source source;
    private String search;
    private Shown shown = Shown.ALL;

    /** The total the last page came with; null when the search has changed since. */
    private Integer total;

    public StaffDataModel(Source source) {
        this.source = source;
    }

    @Override
    public int count(Map<String, FilterMeta> filterBy) {
        if (total == null) {
            total = (int) source.apply(query(0, 1, Map.of())).total();
        }
        return total;
    }

    @Override
    public List<StaffRow> load(
            int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
        StaffPage page = source.apply(query(first, pageSize, sortBy));
        total = (int) page.total();
        setRowCount(total);
        return page.rows();
    }

    @Override
    public String getRowKey(StaffRow row) {
        return String.valueOf(row.id());
    }

    /** The query a page of the table asks; the column's field names the order. */
    StaffQuery query(int first, int pageSize, Map<String, SortMeta> sortBy) {
        StaffSort sort = StaffSort.NAME;
        boolean descending = false;
        for (SortMeta meta : sortBy.values()) {
            sort = switch (meta.getField()) {
                case "username" -> StaffSort.USERNAME;
                case "lastSignInAt" -> StaffSort.LAST_SIGN_IN;
                case "active" -> StaffSort.STATUS;
                default -> StaffSort.NAME;
            };
            descending = meta.getOrder() == SortOrder.DESCENDING;
        }
        Boolean active =
                switch (shown) {
                    case ALL -> null;
                    case ACTIVE -> true;
                    case DEACTIVATED -> false;
                };
        return new StaffQuery(search, active, sort, descending, first, pageSize);
    }

    /** Counts again on the next render: a staff member was changed, so the list may have too. */
    public void changed() {
        total = null;
    }

    public String getSearch() {
        return search;
    }

    public void setSearch(String search) {
        String trimmed = search == null || search.isBlank() ? null : search.trim();
        if (!Objects.equals(trimmed, this.search)) {
            total = null;
        }
        this.search = trimmed;
    }

    public Shown getShown() {
        return shown;
    }

    public void setShown(Shown shown) {
        Shown chosen = shown == null ? Shown.ALL : shown;
        if (chosen != this.shown) {
            total = null;
        }
        this.shown = chosen;
    }

    public Shown[] getShownChoices() {
        return Shown.values();
    }
}
