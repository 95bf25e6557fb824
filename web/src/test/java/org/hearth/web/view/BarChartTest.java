package org.hearth.web.view;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class BarChartTest {

    @Test
    void barsStandInFrontOfABandSpanningEveryMonth() {
        JsonObject chart = read(BarChart.over(List.of("2026-03", "2026-04", "2026-05"))
                .yAxis("Entered treatment (%)", 0, 100)
                .bars("Entered treatment", Arrays.asList(40, null, 62.5))
                .band("CRAFT trials (58.6-74%)", new BigDecimal("58.6"), 74)
                .toJson());

        JsonArray datasets = chart.getJsonObject("data").getJsonArray("datasets");
        JsonObject bars = datasets.getJsonObject(0);
        assertThat(bars.getJsonArray("data").toString())
                .as("a withheld month has no bar")
                .isEqualTo("[40,null,62.5]");
        JsonObject band = datasets.getJsonObject(1);
        assertThat(band.getString("label")).isEqualTo("CRAFT trials (58.6-74%)");
        assertThat(band.getJsonArray("data").toString()).isEqualTo("[[58.6,74],[58.6,74],[58.6,74]]");
        assertThat(band.getInt("order")).as("drawn behind the bars").isGreaterThan(bars.getInt("order"));
        assertThat(chart.getJsonObject("options")
                        .getJsonObject("scales")
                        .getJsonObject("y")
                        .getInt("max"))
                .isEqualTo(100);
    }

    @Test
    void barsNeedOneValuePerMonth() {
        assertThatThrownBy(() -> BarChart.over(List.of("a", "b")).bars("x", List.of(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static JsonObject read(String json) {
        return Json.createReader(new StringReader(json)).readObject();
    }
}
