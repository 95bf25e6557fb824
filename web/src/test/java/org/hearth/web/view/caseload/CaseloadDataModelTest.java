package org.hearth.web.view.caseload;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hearth.family.CaseloadPage;
import org.hearth.family.CaseloadQuery;
import org.hearth.family.FamilyStatus;
import org.junit.jupiter.api.Test;

class CaseloadDataModelTest {

    private final List<CaseloadQuery> asked = new ArrayList<>();

    private long total = 60;

    /** Over a caseload of {@code total} families that remembers what it was asked. */
    private final CaseloadDataModel model = new CaseloadDataModel(query -> {
        asked.add(query);
        return new CaseloadPage(List.of(), total);
    });

    @Test
    void theFirstRenderCountsThenReadsThePage() {
        assertThat(model.count(Map.of())).isEqualTo(60);
        model.load(0, 25, Map.of(), Map.of());

        assertThat(asked).hasSize(2);
        assertThat(model.getRowCount()).isEqualTo(60);
    }

    @Test
    void pagingReadsEachPageOnceWithItsTotal() {
        model.count(Map.of());
        model.load(0, 25, Map.of(), Map.of());
        asked.clear();
        total = 59;

        assertThat(model.count(Map.of())).isEqualTo(60);
        model.load(25, 25, Map.of(), Map.of());

        assertThat(asked).extracting(CaseloadQuery::first).containsExactly(25);
        assertThat(model.getRowCount()).isEqualTo(59);
        assertThat(model.count(Map.of())).isEqualTo(59);
    }

    @Test
    void aChangedStatusOrSearchIsCountedAfresh() {
        model.count(Map.of());
        model.load(50, 25, Map.of(), Map.of());
        asked.clear();
        total = 3;

        model.setStatus(FamilyStatus.ACTIVE);
        assertThat(model.count(Map.of())).isEqualTo(3);
        model.load(0, 25, Map.of(), Map.of());
        model.setSearch("  brooks ");
        assertThat(model.count(Map.of())).isEqualTo(3);

        assertThat(asked).hasSize(3);
        assertThat(asked.get(0).status()).isEqualTo(FamilyStatus.ACTIVE);
        assertThat(asked.get(2).search()).isEqualTo("brooks");
    }

    @Test
    void theSameFilterSubmittedAgainKeepsTheCount() {
        model.setStatus(FamilyStatus.INTAKE);
        model.setSearch("brooks");
        model.count(Map.of());
        model.load(0, 25, Map.of(), Map.of());
        asked.clear();

        model.setStatus(FamilyStatus.INTAKE);
        model.setSearch(" brooks ");
        model.count(Map.of());

        assertThat(asked).isEmpty();
    }
}
