package org.hearth.web.view.episodes;

import java.io.Serializable;
import java.util.List;
import java.util.Map;
import org.hearth.engagement.Episodes;
import org.hearth.engagement.Episodes.AttentionSort;
import org.hearth.engagement.NeedsAttention;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;

/**
 * The episodes needing attention as a lazy table: every page is read and ordered by the database; without a
 * column chosen the order is the urgent one (high risk, then the most overdue follow-up).
 */
public class AttentionDataModel extends LazyDataModel<NeedsAttention> {

    private static final long serialVersionUID = 1L;

    /** Where the pages come from: the episodes service, for one scope. */
    public interface Source extends Serializable {
        List<NeedsAttention> page(AttentionSort sort, boolean descending, int first, int max);

        long count();
    }

    private final Source source;
    private Integer total;

    public AttentionDataModel(Source source) {
        this.source = source;
    }

    /** The total does not change while paging or sorting; it is read once per model. */
    @Override
    public int count(Map<String, FilterMeta> filterBy) {
        if (total == null) {
            total = (int) source.count();
        }
        return total;
    }

    @Override
    public List<NeedsAttention> load(
            int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
        AttentionSort sort = AttentionSort.PRIORITY;
        boolean descending = false;
        for (SortMeta meta : sortBy.values()) {
            if (meta.getOrder() == SortOrder.UNSORTED) {
                continue;
            }
            sort = sortOf(meta.getField());
            descending = meta.getOrder() == SortOrder.DESCENDING;
        }
        return source.page(sort, descending, first, Math.min(pageSize, 100));
    }

    /** The service's order for a column's field; an unknown field keeps the urgent order. */
    static AttentionSort sortOf(String field) {
        return switch (field == null ? "" : field) {
            case "familyName" -> AttentionSort.FAMILY;
            case "lovedOneAlias" -> AttentionSort.LOVED_ONE;
            case "status" -> AttentionSort.STATUS;
            case "nextFollowUpOn" -> AttentionSort.FOLLOW_UP;
            case "lastEventOn" -> AttentionSort.LAST_EVENT;
            default -> AttentionSort.PRIORITY;
        };
    }

    @Override
    public String getRowKey(NeedsAttention row) {
        return String.valueOf(row.episodeId());
    }

    /** A model over one scope of the service. */
    static AttentionDataModel of(Episodes episodes, Episodes.Scope scope) {
        return new AttentionDataModel(new Source() {
            private static final long serialVersionUID = 1L;

            @Override
            public List<NeedsAttention> page(AttentionSort sort, boolean descending, int first, int max) {
                return episodes.needingAttention(scope, sort, descending, first, max);
            }

            @Override
            public long count() {
                return episodes.countNeedingAttention(scope);
            }
        });
    }
}
