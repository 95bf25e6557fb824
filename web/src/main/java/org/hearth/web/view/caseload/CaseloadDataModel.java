package org.hearth.web.view.caseload;

import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.hearth.family.CaseloadPage;
import org.hearth.family.CaseloadQuery;
import org.hearth.family.CaseloadQuery.CaseloadSort;
import org.hearth.family.CaseloadRow;
import org.hearth.family.FamilyStatus;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;

/**
 * A caseload as a lazy table: each page is read, filtered and sorted by the database through the
 * Caseload service, which answers a page's rows and the whole list's total in one call; the status
 * filter and the search box live outside the table.
 */
public class CaseloadDataModel extends LazyDataModel<CaseloadRow> {

    private static final long serialVersionUID = 1L;

    /** Where the pages come from: the counselor's own caseload, or one a supervisor reads. */
    public interface Source extends Function<CaseloadQuery, CaseloadPage>, Serializable {}

    private final Source source;
    private FamilyStatus status;
    private String search;

    /** The total the last page came with, for the current filter; null when the filter has changed since. */
    private Integer total;

    public CaseloadDataModel(Source source) {
        this.source = source;
    }

    /**
     * The table asks for the count before every load, to keep its first row inside the list. Paging and
     * sorting do not change the total, so the last page's total answers; only a changed filter (or the
     * first render) is counted, so the table moves back inside a shorter list.
     */
    @Override
    public int count(Map<String, FilterMeta> filterBy) {
        if (total == null) {
            total = (int) source.apply(query(0, 1, Map.of())).total();
        }
        return total;
    }

    @Override
    public List<CaseloadRow> load(
            int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
        CaseloadPage page = source.apply(query(first, pageSize, sortBy));
        total = (int) page.total();
        setRowCount(total);
        return page.rows();
    }

    @Override
    public String getRowKey(CaseloadRow row) {
        return String.valueOf(row.id());
    }

    private CaseloadQuery query(int first, int pageSize, Map<String, SortMeta> sortBy) {
        CaseloadSort sort = CaseloadSort.CASE_NUMBER;
        boolean descending = false;
        for (SortMeta meta : sortBy.values()) {
            sort = switch (meta.getField()) {
                case "familyName" -> CaseloadSort.FAMILY_NAME;
                case "status" -> CaseloadSort.STATUS;
                default -> CaseloadSort.CASE_NUMBER;
            };
            descending = meta.getOrder() == SortOrder.DESCENDING;
        }
        return new CaseloadQuery(status, search, sort, descending, first, Math.min(pageSize, 200));
    }

    public FamilyStatus getStatus() {
        return status;
    }

    public void setStatus(FamilyStatus status) {
        if (status != this.status) {
            total = null;
        }
        this.status = status;
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

    public FamilyStatus[] getStatuses() {
        return FamilyStatus.values();
    }
}
