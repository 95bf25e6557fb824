package org.hearth.web.view.families;

import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.function.Function;
import org.hearth.notes.ReadinessPoint;
import org.hearth.web.view.LineChart;

/**
 * The family record's readiness trend drawn: a session per label (its date), and for each member two lines
 * from 0 to 10, readiness (solid) and confidence (dashed, in the same colour). Importance is left to the
 * table under the chart: family members come to the program because the change matters to them, so
 * importance is often high from the start, while confidence (to use what the sessions teach) is what the
 * sessions work on, and readiness sums both up; three lines per member would leave a family of three with
 * nine lines to tell apart. The stage of change is a category, not a point on the ruler: table only.
 */
final class ReadinessChart {

    private ReadinessChart() {}

    /**
     * The chart of these points (ordered by session, as the service gives them), or null when no point has a
     * readiness or confidence to draw.
     */
    static String of(List<ReadinessPoint> points, ResourceBundle i18n) {
        Map<Long, Integer> sessions = new LinkedHashMap<>();
        List<String> labels = new ArrayList<>();
        Map<Long, String> members = new LinkedHashMap<>();
        for (ReadinessPoint p : points) {
            if (!sessions.containsKey(p.noteId())) {
                sessions.put(p.noteId(), labels.size());
                labels.add(p.sessionDate().toString());
            }
            members.putIfAbsent(p.memberId(), p.memberName());
        }
        LineChart chart =
                LineChart.over(labels).yAxis(i18n.getString("families.record.readiness.scale"), 0, 10, true, 1);
        boolean drawn = false;
        for (Map.Entry<Long, String> member : members.entrySet()) {
            List<ReadinessPoint> own =
                    points.stream().filter(p -> p.memberId() == member.getKey()).toList();
            Integer[] readiness = valuesOf(own, sessions, labels.size(), ReadinessPoint::readiness);
            Integer[] confidence = valuesOf(own, sessions, labels.size(), ReadinessPoint::confidence);
            boolean hasReadiness = Arrays.stream(readiness).anyMatch(v -> v != null);
            boolean hasConfidence = Arrays.stream(confidence).anyMatch(v -> v != null);
            if (hasReadiness) {
                chart.line(lineName(i18n, member.getValue(), "notes.ruler.readiness"), Arrays.asList(readiness), false);
            }
            if (hasConfidence) {
                // dashed in the member's colour when their readiness line came just before
                chart.line(
                        lineName(i18n, member.getValue(), "notes.ruler.confidence"),
                        Arrays.asList(confidence),
                        hasReadiness);
            }
            drawn |= hasReadiness || hasConfidence;
        }
        return drawn ? chart.toJson() : null;
    }

    private static Integer[] valuesOf(
            List<ReadinessPoint> own, Map<Long, Integer> sessions, int size, Function<ReadinessPoint, Integer> ruler) {
        Integer[] values = new Integer[size];
        own.forEach(p -> values[sessions.get(p.noteId())] = ruler.apply(p));
        return values;
    }

    private static String lineName(ResourceBundle i18n, String member, String rulerKey) {
        return MessageFormat.format(i18n.getString("families.record.readiness.line"), member, i18n.getString(rulerKey));
    }
}
