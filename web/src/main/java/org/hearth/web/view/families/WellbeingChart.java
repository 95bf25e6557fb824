package org.hearth.web.view.families;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.ResourceBundle;
import org.hearth.web.view.LineChart;
import org.hearth.wellbeing.Instrument;
import org.hearth.wellbeing.MeasureView;

/**
 * One member's PHQ-9 and GAD-7 totals over time, drawn: a label per day measured, PHQ-9 solid and GAD-7 dashed in
 * the same colour, on one scale from 0 to 27 (GAD-7 stops at 21), with the band boundaries both share (5 mild, 10
 * moderate, 15) and PHQ-9's 20 (severe) as thin grey lines named in the legend. Lower is better; the table beside it
 * gives each band in words.
 */
final class WellbeingChart {

    private WellbeingChart() {}

    /** The chart of one member's measures (oldest first), or null when there are none. */
    static String of(List<MeasureView> own, ResourceBundle i18n) {
        if (own.isEmpty()) {
            return null;
        }
        List<String> labels = new ArrayList<>();
        own.forEach(m -> {
            if (!labels.contains(m.takenOn().toString())) {
                labels.add(m.takenOn().toString());
            }
        });
        LineChart chart = LineChart.over(labels)
                .yAxis(i18n.getString("wellbeing.chart.scale"), 0, Instrument.PHQ9.maxTotal(), true, 5);
        boolean first = true;
        for (Instrument instrument : Instrument.values()) {
            Integer[] totals = new Integer[labels.size()];
            boolean any = false;
            for (MeasureView m : own) {
                if (m.instrument() == instrument) {
                    totals[labels.indexOf(m.takenOn().toString())] = m.total();
                    any = true;
                }
            }
            if (any) {
                chart.line(i18n.getString("Instrument." + instrument), Arrays.asList(totals), !first);
                first = false;
            }
        }
        chart.threshold(i18n.getString("wellbeing.chart.mild"), 5);
        chart.threshold(i18n.getString("wellbeing.chart.moderate"), 10);
        chart.threshold(i18n.getString("wellbeing.chart.severe15"), 15);
        chart.threshold(i18n.getString("wellbeing.chart.severe20"), 20);
        return chart.toJson();
    }
}
