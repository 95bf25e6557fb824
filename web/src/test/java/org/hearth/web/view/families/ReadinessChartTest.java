package org.hearth.web.view.families;

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
import org.hearth.family.StageOfChange;
import org.hearth.notes.ReadinessPoint;
import org.junit.jupiter.api.Test;

class ReadinessChartTest {

    private static final ResourceBundle ENGLISH = ResourceBundle.getBundle(
            "org.hearth.web.i18n.messages",
            Locale.ROOT,
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_DEFAULT));

    private static final LocalDate FIRST = LocalDate.of(2026, 1, 5);
    private static final LocalDate SECOND = LocalDate.of(2026, 1, 12);

    @Test
    void eachSessionIsOneDateOnTheAxisWhoeverWasRated() {
        JsonObject chart = chart(List.of(
                point(1, FIRST, 10, "Grace", 8, 3, 4),
                point(1, FIRST, 11, "Tom", 7, 5, 5),
                point(2, SECOND, 10, "Grace", 8, 4, 6)));

        assertThat(chart.getJsonObject("data").getJsonArray("labels").getValuesAs(JsonString::getString))
                .containsExactly("2026-01-05", "2026-01-12");
    }

    @Test
    void eachMemberHasAReadinessLineAndAConfidenceLineNotImportance() {
        JsonObject chart = chart(List.of(
                point(1, FIRST, 10, "Grace", 8, 3, 4),
                point(1, FIRST, 11, "Tom", 7, 5, 5),
                point(2, SECOND, 10, "Grace", 8, 4, 6)));

        assertThat(lines(chart).getValuesAs(v -> v.asJsonObject().getString("label")))
                .containsExactly("Grace – Readiness", "Grace – Confidence", "Tom – Readiness", "Tom – Confidence");
        assertThat(lines(chart).getJsonObject(0).getJsonArray("data").getValuesAs(v -> v.toString()))
                .containsExactly("4", "6");
    }

    @Test
    void aSessionAMemberWasNotRatedInIsAGapInTheirLines() {
        JsonObject chart = chart(List.of(
                point(1, FIRST, 10, "Grace", 8, 3, 4),
                point(1, FIRST, 11, "Tom", 7, 5, 5),
                point(2, SECOND, 10, "Grace", 8, 4, 6)));

        JsonArray tomsReadiness = lines(chart).getJsonObject(2).getJsonArray("data");
        assertThat(tomsReadiness.get(0).toString()).isEqualTo("5");
        assertThat(tomsReadiness.get(1)).isEqualTo(JsonValue.NULL);
    }

    @Test
    void aRulerNeverRecordedForAMemberHasNoLine() {
        JsonObject chart = chart(List.of(point(1, FIRST, 10, "Grace", 8, null, 4)));

        assertThat(lines(chart).getValuesAs(v -> v.asJsonObject().getString("label")))
                .containsExactly("Grace – Readiness");
    }

    @Test
    void nothingIsDrawnWhenOnlyImportanceOrTheStageWasRecorded() {
        List<ReadinessPoint> points =
                List.of(new ReadinessPoint(1, 10, "Grace", FIRST, 8, null, null, StageOfChange.CONTEMPLATION));

        assertThat(ReadinessChart.of(points, ENGLISH)).isNull();
        assertThat(ReadinessChart.of(List.of(), ENGLISH)).isNull();
    }

    private static ReadinessPoint point(
            long note,
            LocalDate date,
            long member,
            String name,
            Integer importance,
            Integer confidence,
            Integer readiness) {
        return new ReadinessPoint(note, member, name, date, importance, confidence, readiness, null);
    }

    private static JsonObject chart(List<ReadinessPoint> points) {
        try (var reader = Json.createReader(new StringReader(ReadinessChart.of(points, ENGLISH)))) {
            return reader.readObject();
        }
    }

    private static JsonArray lines(JsonObject chart) {
        return chart.getJsonObject("data").getJsonArray("datasets");
    }
}
