package org.hearth.web.view;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.math.BigDecimal;
import java.util.List;

/**
 * A line chart over time, as {@code <p:chart value="...">} takes it: the Chart.js configuration in JSON.
 * PrimeFaces 15 has no chart model classes any more, so pages build the configuration here: the x axis is one
 * label per session, each line a value (or a gap) per label, flat dashed lines mark thresholds.
 *
 * <p>PrimeFaces writes the value into a script as it is, and labels carry names staff typed; so {@link #toJson}
 * escapes what could end that script ({@code </script>}) or the partial response's CDATA ({@code ]]>}).
 */
public final class LineChart {

    /** Colour-blind-safe colours (Okabe and Ito), dark enough on white; a shape per line helps further. */
    private static final List<String> COLOURS =
            List.of("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000");

    private static final List<String> SHAPES =
            List.of("circle", "rect", "triangle", "rectRot", "crossRot", "star", "rectRounded");

    private static final String THRESHOLD_COLOUR = "#6b7280";

    private final List<String> labels;
    private final JsonArrayBuilder datasets = Json.createArrayBuilder();
    private final JsonObjectBuilder yAxis = Json.createObjectBuilder();
    private int lines;

    private LineChart(List<String> labels) {
        this.labels = List.copyOf(labels);
    }

    /** A chart whose x axis has these labels, in this order. */
    public static LineChart over(List<String> labels) {
        return new LineChart(labels);
    }

    /** The y axis: from {@code min} to {@code max} (or to {@code max} at least, when {@code fixed} is false). */
    public LineChart yAxis(String title, Number min, Number max, boolean fixed, Number step) {
        yAxis.add("min", json(min));
        yAxis.add(fixed ? "max" : "suggestedMax", json(max));
        yAxis.add("ticks", Json.createObjectBuilder().add("stepSize", json(step)));
        yAxis.add("title", Json.createObjectBuilder().add("display", true).add("text", title));
        return this;
    }

    /**
     * A line with one value per label (null: not measured then; the line spans the gap). Lines take the next
     * colour and shape; {@code dashed} draws it dashed in the colour of the line before, for a second measure
     * of the same person.
     */
    public LineChart line(String label, List<? extends Number> values, boolean dashed) {
        if (values.size() != labels.size()) {
            throw new IllegalArgumentException("a line needs one value per label: " + label);
        }
        int index = dashed && lines > 0 ? lines - 1 : lines++;
        String colour = COLOURS.get(index % COLOURS.size());
        JsonArrayBuilder data = Json.createArrayBuilder();
        values.forEach(v -> {
            if (v == null) {
                data.addNull();
            } else {
                data.add(json(v));
            }
        });
        JsonObjectBuilder line = Json.createObjectBuilder()
                .add("label", label)
                .add("data", data)
                .add("borderColor", colour)
                .add("backgroundColor", colour)
                .add("pointStyle", SHAPES.get(index % SHAPES.size()))
                .add("pointRadius", 4)
                .add("pointHoverRadius", 6)
                .add("borderWidth", 2)
                .add("spanGaps", true)
                .add("fill", false);
        if (dashed) {
            line.add("borderDash", Json.createArrayBuilder().add(6).add(4));
        }
        datasets.add(line);
        return this;
    }

    /**
     * A y axis of named steps instead of numbers ({@code categories} from the bottom up), for lines drawn
     * with {@link #steps}.
     */
    public LineChart yCategories(String title, List<String> categories) {
        JsonArrayBuilder top = Json.createArrayBuilder();
        for (int i = categories.size() - 1; i >= 0; i--) {
            top.add(categories.get(i));
        }
        yAxis.add("type", "category");
        yAxis.add("labels", top);
        yAxis.add("offset", true);
        yAxis.add("title", Json.createObjectBuilder().add("display", true).add("text", title));
        return this;
    }

    /**
     * A stepped line over a {@link #yCategories} axis: one category (or null, not read then) per label; the
     * line holds each value until the next one.
     */
    public LineChart steps(String label, List<String> values) {
        if (values.size() != labels.size()) {
            throw new IllegalArgumentException("a line needs one value per label: " + label);
        }
        int index = lines++;
        String colour = COLOURS.get(index % COLOURS.size());
        JsonArrayBuilder data = Json.createArrayBuilder();
        values.forEach(v -> {
            if (v == null) {
                data.addNull();
            } else {
                data.add(v);
            }
        });
        datasets.add(Json.createObjectBuilder()
                .add("label", label)
                .add("data", data)
                .add("borderColor", colour)
                .add("backgroundColor", colour)
                .add("pointStyle", SHAPES.get(index % SHAPES.size()))
                .add("pointRadius", 5)
                .add("pointHoverRadius", 7)
                .add("borderWidth", 2)
                .add("stepped", true)
                .add("spanGaps", true)
                .add("fill", false));
        return this;
    }

    /** A thin dashed grey line across the chart at {@code value}, named in the legend; no points, no tooltip. */
    public LineChart threshold(String label, Number value) {
        JsonArrayBuilder data = Json.createArrayBuilder();
        labels.forEach(l -> data.add(json(value)));
        datasets.add(Json.createObjectBuilder()
                .add("label", label)
                .add("data", data)
                .add("borderColor", THRESHOLD_COLOUR)
                .add("backgroundColor", THRESHOLD_COLOUR)
                .add("borderWidth", 1)
                .add("borderDash", Json.createArrayBuilder().add(2).add(3))
                .add("pointRadius", 0)
                .add("pointHitRadius", 0)
                .add("fill", false));
        return this;
    }

    /** The configuration, safe to write into a script. */
    public String toJson() {
        JsonArrayBuilder x = Json.createArrayBuilder();
        labels.forEach(x::add);
        String json = Json.createObjectBuilder()
                .add("type", "line")
                .add("data", Json.createObjectBuilder().add("labels", x).add("datasets", datasets))
                .add(
                        "options",
                        Json.createObjectBuilder()
                                .add("responsive", true)
                                .add("maintainAspectRatio", false)
                                .add("animation", false)
                                .add(
                                        "scales",
                                        Json.createObjectBuilder()
                                                .add("x", Json.createObjectBuilder())
                                                .add("y", yAxis))
                                .add(
                                        "plugins",
                                        Json.createObjectBuilder()
                                                .add(
                                                        "legend",
                                                        Json.createObjectBuilder()
                                                                .add("position", "bottom"))))
                .build()
                .toString();
        return scriptSafe(json);
    }

    /** JSON made safe to write into a script or a partial response's CDATA. */
    static String scriptSafe(String json) {
        return json.replace("<", "\\u003c")
                .replace(">", "\\u003e")
                .replace("&", "\\u0026")
                .replace("\u2028", "\\u2028")
                .replace("\u2029", "\\u2029");
    }

    private static BigDecimal json(Number n) {
        return n instanceof BigDecimal d ? d : new BigDecimal(n.toString());
    }
}
