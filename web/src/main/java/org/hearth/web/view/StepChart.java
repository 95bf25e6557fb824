package org.hearth.web.view;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.math.BigDecimal;
import java.util.List;

/**
 * A step curve over a numeric x axis, as {@code <p:chart value="...">} takes it: each point holds its value
 * until the next point's x, then steps - the way a time-to-event (Kaplan-Meier) curve is drawn. Days sit at
 * their true distance apart, not one label each.
 */
public final class StepChart {

    /** One point: from {@code x} on, the curve is at {@code y}. */
    public record Point(Number x, Number y) {}

    private final String xTitle;
    private final String yTitle;
    private final String label;
    private final List<Point> points;
    private final String marksLabel;
    private final List<Point> marks;

    private StepChart(
            String xTitle, String yTitle, String label, List<Point> points, String marksLabel, List<Point> marks) {
        this.xTitle = xTitle;
        this.yTitle = yTitle;
        this.label = label;
        this.points = List.copyOf(points);
        this.marksLabel = marksLabel;
        this.marks = List.copyOf(marks);
    }

    /** A curve named {@code label} through the points, in the order of x. */
    public static StepChart of(String xTitle, String yTitle, String label, List<Point> points) {
        return new StepChart(xTitle, yTitle, label, points, null, List.of());
    }

    /**
     * The same curve with tick marks across it at these points, named {@code label} in the legend: where a
     * Kaplan-Meier plot marks its censored observations (people followed no further).
     */
    public StepChart withMarks(String label, List<Point> at) {
        return new StepChart(xTitle, yTitle, this.label, points, label, at);
    }

    /** The configuration (y from 0 to 100), safe to write into a script. */
    public String toJson() {
        JsonArrayBuilder data = Json.createArrayBuilder();
        points.forEach(
                p -> data.add(Json.createObjectBuilder().add("x", json(p.x())).add("y", json(p.y()))));
        String json = Json.createObjectBuilder()
                .add("type", "line")
                .add(
                        "data",
                        Json.createObjectBuilder()
                                .add(
                                        "datasets",
                                        Json.createArrayBuilder()
                                                .add(Json.createObjectBuilder()
                                                        .add("label", label)
                                                        .add("data", data)
                                                        .add("stepped", true)
                                                        .add("borderColor", "#0072B2")
                                                        .add("backgroundColor", "#0072B2")
                                                        .add("borderWidth", 2)
                                                        .add("pointRadius", 2)
                                                        .add("fill", false))
                                                .addAll(marks())))
                .add(
                        "options",
                        Json.createObjectBuilder()
                                .add("responsive", true)
                                .add("maintainAspectRatio", false)
                                .add("animation", false)
                                .add(
                                        "scales",
                                        Json.createObjectBuilder()
                                                .add(
                                                        "x",
                                                        Json.createObjectBuilder()
                                                                .add("type", "linear")
                                                                .add("min", 0)
                                                                .add("title", title(xTitle)))
                                                .add(
                                                        "y",
                                                        Json.createObjectBuilder()
                                                                .add("min", 0)
                                                                .add("max", 100)
                                                                .add("title", title(yTitle))))
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

    /** The marks as a dataset of their own: upright ticks, no line between them; none without marks. */
    private JsonArrayBuilder marks() {
        JsonArrayBuilder datasets = Json.createArrayBuilder();
        if (marks.isEmpty()) {
            return datasets;
        }
        JsonArrayBuilder data = Json.createArrayBuilder();
        marks.forEach(
                p -> data.add(Json.createObjectBuilder().add("x", json(p.x())).add("y", json(p.y()))));
        return datasets.add(Json.createObjectBuilder()
                .add("label", marksLabel)
                .add("data", data)
                .add("showLine", false)
                .add("pointStyle", "line")
                .add("rotation", 90)
                .add("pointRadius", 9)
                .add("pointHoverRadius", 8)
                .add("pointBorderWidth", 3)
                .add("borderColor", "#D55E00")
                .add("backgroundColor", "#D55E00"));
    }

    private static JsonObjectBuilder title(String text) {
        return Json.createObjectBuilder().add("display", true).add("text", text);
    }

    private static BigDecimal json(Number n) {
        return n instanceof BigDecimal d ? d : new BigDecimal(n.toString());
    }
}
