package org.hearth.web.view;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class StepChartTest {

    @Test
    void theCurveStepsAtTheDaysGivenOnANumericAxis() {
        JsonObject chart = Json.createReader(new StringReader(StepChart.of(
                                "Days since intake",
                                "Not yet in treatment (%)",
                                "Loved ones",
                                List.of(
                                        new StepChart.Point(0, 100),
                                        new StepChart.Point(6, 87.5),
                                        new StepChart.Point(40, 58.33)))
                        .toJson()))
                .readObject();

        JsonObject line = chart.getJsonObject("data").getJsonArray("datasets").getJsonObject(0);
        assertThat(line.getBoolean("stepped")).isTrue();
        assertThat(line.getJsonArray("data").toString())
                .isEqualTo("[{\"x\":0,\"y\":100},{\"x\":6,\"y\":87.5},{\"x\":40,\"y\":58.33}]");
        JsonObject scales = chart.getJsonObject("options").getJsonObject("scales");
        assertThat(scales.getJsonObject("x").getString("type"))
                .as("day 6 and day 40 at their distance")
                .isEqualTo("linear");
        assertThat(scales.getJsonObject("y").getInt("max")).isEqualTo(100);
    }

    @Test
    void censoredLovedOnesAreUprightTicksOnTheCurveNamedInTheLegend() {
        JsonObject chart = Json.createReader(new StringReader(StepChart.of(
                                "Days since intake",
                                "Not yet in treatment (%)",
                                "Loved ones",
                                List.of(new StepChart.Point(0, 100), new StepChart.Point(40, 58.33)))
                        .withMarks("Censored", List.of(new StepChart.Point(40, 58.33)))
                        .toJson()))
                .readObject();

        var datasets = chart.getJsonObject("data").getJsonArray("datasets");
        assertThat(datasets).hasSize(2);
        JsonObject ticks = datasets.getJsonObject(1);
        assertThat(ticks.getString("label")).isEqualTo("Censored");
        assertThat(ticks.getBoolean("showLine")).as("marks, not a second line").isFalse();
        assertThat(ticks.getString("pointStyle")).isEqualTo("line");
        assertThat(ticks.getInt("rotation")).as("upright, across the curve").isEqualTo(90);
        assertThat(ticks.getJsonArray("data").toString()).isEqualTo("[{\"x\":40,\"y\":58.33}]");
    }

    @Test
    void aCurveWithoutCensoringHasNoMarks() {
        JsonObject chart = Json.createReader(new StringReader(StepChart.of(
                                "x",
                                "y",
                                "Loved ones",
                                List.of(new StepChart.Point(0, 100), new StepChart.Point(6, 50)))
                        .withMarks("Censored", List.of())
                        .toJson()))
                .readObject();
        assertThat(chart.getJsonObject("data").getJsonArray("datasets")).hasSize(1);
    }
}
