package org.hearth.web.view.notes;

import java.math.BigDecimal;
import java.text.MessageFormat;
import java.util.List;
import java.util.Objects;
import java.util.ResourceBundle;
import java.util.function.Function;
import org.hearth.notes.MitiReviewView;
import org.hearth.notes.MitiSummary;
import org.hearth.web.view.LineChart;

/**
 * A counselor's MITI summary scores over time, drawn: a review per label (its session's date, oldest first),
 * with the manual's fair and good thresholds as dashed grey lines. Three charts, because the scores have three
 * scales: the technical and relational globals (1 to 5), R:Q (a ratio) and %CR (a percent). One chart of R:Q
 * and %CR on two axes would make their crossing look meaningful and could not show both scores' thresholds.
 * Self-reviews are lines of their own (dashed): a counselor coding their own session is not the same measure
 * as a coder, and one line through both would zigzag between the two.
 */
final class PracticeCharts {

    private PracticeCharts() {}

    /** Technical and relational, 1 to 5; fair 3 and 3.5, good 4 for both. */
    static String globals(List<MitiReviewView> reviews, ResourceBundle i18n) {
        LineChart chart =
                LineChart.over(labels(reviews)).yAxis(i18n.getString("practice.chart.globals.scale"), 1, 5, true, 1);
        scoreLines(chart, reviews, i18n, "practice.technical", MitiSummary::technical);
        scoreLines(chart, reviews, i18n, "practice.relational", MitiSummary::relational);
        return chart.threshold(
                        fairOf(i18n, "practice.technical", shown(MitiSummary.TECHNICAL_FAIR)),
                        MitiSummary.TECHNICAL_FAIR)
                .threshold(
                        fairOf(i18n, "practice.relational", shown(MitiSummary.RELATIONAL_FAIR)),
                        MitiSummary.RELATIONAL_FAIR)
                .threshold(
                        format(i18n, "practice.threshold.good", shown(MitiSummary.TECHNICAL_GOOD)),
                        MitiSummary.TECHNICAL_GOOD)
                .toJson();
    }

    /** R:Q from 0 (the axis grows past 3 when a score does); fair 1, good 2. */
    static String reflectionToQuestion(List<MitiReviewView> reviews, ResourceBundle i18n) {
        LineChart chart =
                LineChart.over(labels(reviews)).yAxis(i18n.getString("practice.chart.rq.scale"), 0, 3, false, 0.5);
        scoreLines(chart, reviews, i18n, "practice.rq", s -> MitiRatios.reflectionToQuestion(s.reflectionToQuestion()));
        return thresholds(
                        chart,
                        i18n,
                        MitiSummary.REFLECTION_TO_QUESTION_FAIR,
                        MitiSummary.REFLECTION_TO_QUESTION_GOOD,
                        false)
                .toJson();
    }

    /** %CR from 0 to 100; fair 40%, good 50%. */
    static String percentComplexReflections(List<MitiReviewView> reviews, ResourceBundle i18n) {
        LineChart chart =
                LineChart.over(labels(reviews)).yAxis(i18n.getString("practice.chart.cr.scale"), 0, 100, true, 10);
        scoreLines(chart, reviews, i18n, "practice.cr", s -> MitiRatios.percent(s.percentComplexReflections()));
        return thresholds(
                        chart,
                        i18n,
                        MitiRatios.percent(MitiSummary.PERCENT_COMPLEX_REFLECTIONS_FAIR),
                        MitiRatios.percent(MitiSummary.PERCENT_COMPLEX_REFLECTIONS_GOOD),
                        true)
                .toJson();
    }

    private static List<String> labels(List<MitiReviewView> reviews) {
        return reviews.stream().map(r -> r.sessionDate().toString()).toList();
    }

    /** The coders' line of a score, then the self-reviews' line (dashed in its colour when both are drawn). */
    private static void scoreLines(
            LineChart chart,
            List<MitiReviewView> reviews,
            ResourceBundle i18n,
            String scoreKey,
            Function<MitiSummary, BigDecimal> score) {
        List<BigDecimal> coded = reviews.stream()
                .map(r -> r.selfReview() ? null : score.apply(r.summary()))
                .toList();
        List<BigDecimal> self = reviews.stream()
                .map(r -> r.selfReview() ? score.apply(r.summary()) : null)
                .toList();
        boolean codedDrawn = coded.stream().anyMatch(Objects::nonNull);
        if (codedDrawn) {
            chart.line(i18n.getString(scoreKey), coded, false);
        }
        if (self.stream().anyMatch(Objects::nonNull)) {
            chart.line(format(i18n, "practice.line.self", i18n.getString(scoreKey)), self, codedDrawn);
        }
    }

    private static LineChart thresholds(
            LineChart chart, ResourceBundle i18n, BigDecimal fair, BigDecimal good, boolean percent) {
        String suffix = percent ? "%" : "";
        return chart.threshold(format(i18n, "practice.threshold.fair", shown(fair) + suffix), fair)
                .threshold(format(i18n, "practice.threshold.good", shown(good) + suffix), good);
    }

    private static String fairOf(ResourceBundle i18n, String scoreKey, String value) {
        return format(i18n, "practice.threshold.fairOf", i18n.getString(scoreKey), value);
    }

    private static String format(ResourceBundle i18n, String key, Object... arguments) {
        return MessageFormat.format(i18n.getString(key), arguments);
    }

    private static String shown(BigDecimal threshold) {
        return threshold.stripTrailingZeros().toPlainString();
    }
}
