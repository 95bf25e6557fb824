package org.hearth.web.view.episodes;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.ResourceBundle;
import java.util.TreeSet;
import org.hearth.engagement.EpisodeView;
import org.hearth.family.StageOfChange;
import org.hearth.web.view.LineChart;

/**
 * The loved one's stage of change over time, drawn as steps on a named axis (precontemplation at the
 * bottom, maintenance at the top), a date per label: one line for the family's view (at intake and in
 * signed session notes) and one for what the counselor observed on the timeline. The two often differ,
 * and the difference is worth seeing: families tend to read a loved one as further along, or less, than
 * the loved one shows.
 */
final class StageChart {

    private StageChart() {}

    /** The chart of these readings (oldest first), or null when there is none. */
    static String of(List<EpisodeView.StagePoint> points, ResourceBundle i18n) {
        if (points.isEmpty()) {
            return null;
        }
        List<String> dates = new ArrayList<>(
                new TreeSet<>(points.stream().map(p -> p.on().toString()).toList()));
        String[] family = new String[dates.size()];
        String[] observed = new String[dates.size()];
        for (EpisodeView.StagePoint p : points) {
            String[] line = p.source() == EpisodeView.StageSource.OBSERVED ? observed : family;
            // the latest reading of a day wins (the points come oldest first)
            line[dates.indexOf(p.on().toString())] = i18n.getString("StageOfChange.short." + p.stage());
        }
        LineChart chart = LineChart.over(dates)
                .yCategories(
                        i18n.getString("episodes.stages.axis"),
                        Arrays.stream(StageOfChange.values())
                                .map(s -> i18n.getString("StageOfChange.short." + s))
                                .toList());
        if (Arrays.stream(family).anyMatch(v -> v != null)) {
            chart.steps(i18n.getString("episodes.stages.family"), Arrays.asList(family));
        }
        if (Arrays.stream(observed).anyMatch(v -> v != null)) {
            chart.steps(i18n.getString("episodes.stages.observed"), Arrays.asList(observed));
        }
        return chart.toJson();
    }
}
