package org.hearth.web.view.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.hearth.staff.StaffPage;
import org.hearth.staff.StaffQuery;
import org.hearth.staff.StaffQuery.StaffSort;
import org.junit.jupiter.api.Test;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;

class StaffDataModelTest {

    private final AtomicInteger asked = new AtomicInteger();
    private final StaffDataModel model = new StaffDataModel(query -> {
        asked.incrementAndGet();
        return new StaffPage(List.of(), 7);
    });

    @Test
    void sortingByLastSignInDescendingAsksTheDatabaseForThatOrder() {
        SortMeta meta = SortMeta.builder()
                .field("lastSignInAt")
                .order(SortOrder.DESCENDING)
                .build();

        StaffQuery query = model.query(25, 25, Map.of("lastSignInAt", meta));

        assertThat(query.sort()).isEqualTo(StaffSort.LAST_SIGN_IN);
        assertThat(query.descending()).isTrue();
        assertThat(query.first()).isEqualTo(25);
    }

    @Test
    void showingDeactivatedStaffAsksForInactiveOnesOnly() {
        model.setShown(StaffDataModel.Shown.DEACTIVATED);

        assertThat(model.query(0, 10, Map.of()).active()).isFalse();
        model.setShown(StaffDataModel.Shown.ALL);
        assertThat(model.query(0, 10, Map.of()).active()).isNull();
    }

    @Test
    void theTotalIsCountedAgainOnlyAfterTheSearchOrAChange() {
        assertThat(model.count(Map.of())).isEqualTo(7);
        model.count(Map.of());
        assertThat(asked).hasValue(1);

        model.setSearch("  rivera ");
        model.count(Map.of());
        model.changed();
        model.count(Map.of());

        assertThat(asked).hasValue(3);
        assertThat(model.query(0, 10, Map.of()).search()).isEqualTo("rivera");
    }

    @Test
    void aPageNeverAsksForMoreThanTheLongestPage() {
        assertThat(model.query(0, 10_000, Map.of()).max()).isEqualTo(StaffQuery.LONGEST_PAGE);
    }
}
