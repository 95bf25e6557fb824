package org.hearth.web.view;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineChartTest {

    @Test
    void aNameThatWouldEndThePageScriptIsWrittenEscapedAndReadsTheSame() {
        String name = "</script><script>alert('x')</script> & ]]>";

        String json = LineChart.over(List.of("2026-01-05"))
                .line(name, List.of(4), false)
                .toJson();

        assertThat(json).doesNotContain("<", ">", "&");
        assertThat(datasets(json).get(0).asJsonObject().getString("label")).isEqualTo(name);
    }

    @Test
    void aLineHasAValuePerLabelAndAGapWhereNothingWasMeasured() {
        String json = LineChart.over(List.of("2026-01-05", "2026-01-12", "2026-01-19"))
                .line("Grace – Readiness", Arrays.asList(3, null, 6), false)
                .toJson();

        JsonObject line = datasets(json).get(0).asJsonObject();
        assertThat(line.getJsonArray("data").get(1)).isEqualTo(JsonValue.NULL);
        assertThat(line.getJsonArray("data").getJsonNumber(2).intValue()).isEqualTo(6);
        assertThat(line.getBoolean("spanGaps")).isTrue();
    }

    @Test
    void aDashedLineTakesTheColourAndShapeOfTheLineBeforeIt() {
        String json = LineChart.over(List.of("2026-01-05"))
                .line("Grace – Readiness", List.of(3), false)
                .line("Grace – Confidence", List.of(2), true)
                .line("Tom – Readiness", List.of(5), false)
                .toJson();

        var lines = datasets(json);
        JsonObject readiness = lines.get(0).asJsonObject();
        JsonObject confidence = lines.get(1).asJsonObject();
        JsonObject other = lines.get(2).asJsonObject();
        assertThat(confidence.getString("borderColor")).isEqualTo(readiness.getString("borderColor"));
        assertThat(confidence.getString("pointStyle")).isEqualTo(readiness.getString("pointStyle"));
        assertThat(confidence.containsKey("borderDash")).isTrue();
        assertThat(readiness.containsKey("borderDash")).isFalse();
        assertThat(other.getString("borderColor")).isNotEqualTo(readiness.getString("borderColor"));
        assertThat(other.getString("pointStyle")).isNotEqualTo(readiness.getString("pointStyle"));
    }

    @Test
    void aThresholdIsFlatAcrossTheChartWithoutPoints() {
        String json = LineChart.over(List.of("2026-01-05", "2026-01-12"))
                .threshold("Good (4)", 4)
                .toJson();

        JsonObject threshold = datasets(json).get(0).asJsonObject();
        assertThat(threshold.getJsonArray("data").getValuesAs(v -> ((JsonNumber) v).intValue()))
                .containsExactly(4, 4);
        assertThat(threshold.getInt("pointRadius")).isZero();
        assertThat(threshold.getInt("pointHitRadius")).isZero();
    }

    @Test
    void theYAxisIsFixedOrGrowsPastItsSuggestedEnd() {
        JsonObject fixed =
                options(LineChart.over(List.of()).yAxis("Ruler", 0, 10, true, 1).toJson());
        JsonObject growing =
                options(LineChart.over(List.of()).yAxis("R:Q", 0, 3, false, 0.5).toJson());

        assertThat(fixed.getJsonObject("scales").getJsonObject("y").getInt("max"))
                .isEqualTo(10);
        assertThat(growing.getJsonObject("scales").getJsonObject("y").containsKey("max"))
                .isFalse();
        assertThat(growing.getJsonObject("scales").getJsonObject("y").getInt("suggestedMax"))
                .isEqualTo(3);
    }

    @Test
    void aLineWithoutAValuePerLabelIsRefused() {
        assertThatThrownBy(() ->
                        LineChart.over(List.of("2026-01-05", "2026-01-12")).line("Grace", List.of(3), false))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static JsonArray datasets(String json) {
        return read(json).getJsonObject("data").getJsonArray("datasets");
    }

    private static JsonObject options(String json) {
        return read(json).getJsonObject("options");
    }

    private static JsonObject read(String json) {
        try (var reader = Json.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }
}
