package org.hearth.web.view;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.math.BigDecimal;
import java.util.List;

/**
 * A bar chart, as {@code <p:chart value="...">} takes it (the Chart.js configuration in JSON): one bar per
 * label, and optionally a shaded band behind them for a reference range - the share of loved ones who
 * entered treatment in the CRAFT trials, say.
 * Escaped for a script as {@link LineChart} is.
 */
public final class BarChart {

    private static final String BAR_COLOUR = "#0072B2";
    private static final String BAND_LINE = "#009E73";
    private static final String BAND_FILL = "rgba(0, 158, 115, 0.15)";

    private final List<String> labels;
    private final JsonArrayBuilder datasets = Json.createArrayBuilder();
    private final JsonObjectBuilder yAxis = Json.createObjectBuilder();

    private BarChart(List<String> labels) {
        this.labels = List.copyOf(labels);
    }

    /** A chart with one bar per label, in this order. */
    public static BarChart over(List<String> labels) {
        return new BarChart(labels);
    }

    /** The y axis, from {@code min} to {@code max}, named. */
    public BarChart yAxis(String title, Number min, Number max) {
        yAxis.add("min", json(min));
        yAxis.add("max", json(max));
        yAxis.add("title", Json.createObjectBuilder().add("display", true).add("text", title));
        return this;
    }

    /** The bars: one value per label (null: no bar, e.g. a figure withheld because it counts too few). */
    public BarChart bars(String label, List<? extends Number> values) {
        if (values.size() != labels.size()) {
            throw new IllegalArgumentException("the bars need one value per label: " + label);
        }
        JsonArrayBuilder data = Json.createArrayBuilder();
        values.forEach(v -> {
            if (v == null) {
                data.addNull();
            } else {
                data.add(json(v));
            }
        });
        datasets.add(Json.createObjectBuilder()
                .add("type", "bar")
                .add("label", label)
                .add("data", data)
                .add("backgroundColor", BAR_COLOUR)
                .add("grouped", false)
                .add("barPercentage", 0.6)
                .add("order", 1));
        return this;
    }

    /**
     * A band from {@code low} to {@code high} behind the bars, across the whole chart: floating bars as wide
     * as their category, so they join up.
     */
    public BarChart band(String label, Number low, Number high) {
        JsonArrayBuilder data = Json.createArrayBuilder();
        labels.forEach(l -> data.add(Json.createArrayBuilder().add(json(low)).add(json(high))));
        datasets.add(Json.createObjectBuilder()
                .add("type", "bar")
                .add("label", label)
                .add("data", data)
                .add("backgroundColor", BAND_FILL)
                .add("borderColor", BAND_LINE)
                .add("borderWidth", 0)
                .add("grouped", false)
                .add("barPercentage", 1)
                .add("categoryPercentage", 1)
                .add("order", 2));
        return this;
    }

    /** The configuration, safe to write into a script. */
    public String toJson() {
        JsonArrayBuilder x = Json.createArrayBuilder();
        labels.forEach(x::add);
        String json = Json.createObjectBuilder()
                .add("type", "bar")
                .add("data", Json.createObjectBuilder().add("labels", x).add("datasets", datasets))
                .add(
                        "options",
                        Json.createObjectBuilder()
                                .add("responsive", true)
                                .add("maintainAspectRatio", false)
                                .add("animation", false)
                                .add("scales", Json.createObjectBuilder().add("y", yAxis))
                                .add(
                                        "plugins",
                                        Json.createObjectBuilder()
                                                .add(
                                                        "legend",
                                                        Json.createObjectBuilder()
                                                                .add("position", "bottom"))))
                .build()
                .toString();
        return LineChart.scriptSafe(json);
    }

    private static BigDecimal json(Number n) {
        return n instanceof BigDecimal d ? d : new BigDecimal(n.toString());
    }
}
