package org.hearth.web.view.episodes;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import org.hearth.engagement.EpisodeView.StagePoint;
import org.hearth.engagement.EpisodeView.StageSource;
import org.hearth.family.StageOfChange;
import org.junit.jupiter.api.Test;

class StageChartTest {

    private static final ResourceBundle ENGLISH = ResourceBundle.getBundle(
            "org.hearth.web.i18n.messages",
            Locale.ROOT,
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_DEFAULT));

    @Test
    void theFamilysViewAndTheCounselorsObservationsAreTwoStepLinesOverTheSameDates() {
        JsonObject chart = chart(List.of(
                new StagePoint(LocalDate.of(2026, 1, 5), StageOfChange.PRECONTEMPLATION, StageSource.INTAKE),
                new StagePoint(LocalDate.of(2026, 2, 2), StageOfChange.CONTEMPLATION, StageSource.OBSERVED),
                new StagePoint(LocalDate.of(2026, 2, 9), StageOfChange.PREPARATION, StageSource.SESSION_NOTE)));

        assertThat(chart.getJsonObject("data").getJsonArray("labels").getValuesAs(JsonString::getString))
                .containsExactly("2026-01-05", "2026-02-02", "2026-02-09");
        JsonArray lines = chart.getJsonObject("data").getJsonArray("datasets");
        assertThat(lines.getValuesAs(v -> v.asJsonObject().getString("label")))
                .containsExactly("As the family sees it", "As the counselor observed it");
        assertThat(values(lines.getJsonObject(0))).containsExactly("Precontemplation", null, "Preparation");
        assertThat(values(lines.getJsonObject(1))).containsExactly(null, "Contemplation", null);
        assertThat(lines.getJsonObject(0).getBoolean("stepped")).isTrue();
    }

    @Test
    void theAxisNamesTheStagesFromMaintenanceAtTheTopToPrecontemplationAtTheBottom() {
        JsonObject y = chart(
                        List.of(new StagePoint(LocalDate.of(2026, 1, 5), StageOfChange.ACTION, StageSource.OBSERVED)))
                .getJsonObject("options")
                .getJsonObject("scales")
                .getJsonObject("y");

        assertThat(y.getString("type")).isEqualTo("category");
        assertThat(y.getJsonArray("labels").getValuesAs(JsonString::getString))
                .containsExactly("Maintenance", "Action", "Preparation", "Contemplation", "Precontemplation");
    }

    @Test
    void aDayReadTwiceByTheSameSideShowsTheLaterReadingAndNoReadingsNoChart() {
        JsonObject chart = chart(List.of(
                new StagePoint(LocalDate.of(2026, 3, 1), StageOfChange.CONTEMPLATION, StageSource.INTAKE),
                new StagePoint(LocalDate.of(2026, 3, 1), StageOfChange.PREPARATION, StageSource.SESSION_NOTE)));

        assertThat(values(chart.getJsonObject("data").getJsonArray("datasets").getJsonObject(0)))
                .containsExactly("Preparation");
        assertThat(StageChart.of(List.of(), ENGLISH)).isNull();
    }

    private static JsonObject chart(List<StagePoint> points) {
        return Json.createReader(new StringReader(StageChart.of(points, ENGLISH)))
                .readObject();
    }

    private static List<String> values(JsonObject line) {
        return line.getJsonArray("data").stream()
                .map(v -> v.getValueType() == JsonValue.ValueType.NULL ? null : ((JsonString) v).getString())
                .toList();
    }
}
