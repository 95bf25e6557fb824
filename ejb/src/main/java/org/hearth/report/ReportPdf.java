package org.hearth.report;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import org.hearth.printing.PrintedPdf;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The "program report" for a funder or a board, as a PDF (US Letter) laid out by the template
 * {@code program-report.html}: what it covers, the two charts - treatment entry by intake month against the CRAFT
 * trials' band, and the time-to-entry curve - then every table of {@link ReportTables}, de-identified as they
 * are. The charts are drawn in CSS boxes placed here in points.
 */
public final class ReportPdf {

    /** The plot area of a chart, as the template's {@code .plot} sizes it. */
    private static final double PLOT_WIDTH = 440;

    private static final double PLOT_HEIGHT = 150;

    private static final double BAND_LOW = 0.586;
    private static final double BAND_HIGH = 0.74;

    private ReportPdf() {}

    /** Writes the report's PDF to {@code out}. */
    public static void write(ProgramReport report, OutputStream out) throws IOException {
        Document page = PrintedPdf.template(ReportPdf.class, "program-report.html");
        List<String> heading = ReportExports.heading(report);
        PrintedPdf.text(page.getElementById("title"), heading.get(0));
        PrintedPdf.text(page.getElementById("scope"), heading.get(1));
        PrintedPdf.text(page.getElementById("period"), heading.get(2));
        PrintedPdf.text(page.getElementById("deidentified"), heading.get(3));
        cohortChart(page.getElementById("cohort-chart"), report);
        curveChart(page.getElementById("curve-chart"), report);
        Element tables = page.getElementById("tables");
        for (ReportTables.Table table : ReportTables.of(report)) {
            table(tables, table);
        }
        PrintedPdf.write(page, "Hearth program report", out);
    }

    /** Bars of the share that entered treatment per intake month, over the CRAFT trials' 58.6-74% band. */
    private static void cohortChart(Element plot, ProgramReport report) {
        box(plot, "band", 0, top(BAND_HIGH), PLOT_WIDTH, (BAND_HIGH - BAND_LOW) * PLOT_HEIGHT);
        grid(plot);
        List<EntryCohort> cohorts = report.entryByCohort();
        double slot = cohorts.isEmpty() ? PLOT_WIDTH : PLOT_WIDTH / cohorts.size();
        ReportTables.Withheld withheld = ReportTables.withheld(report);
        for (int i = 0; i < cohorts.size(); i++) {
            EntryCohort cohort = cohorts.get(i);
            double x = i * slot;
            Share share = cohort.entered();
            if (share.whole() > 0 && !withheld.entered().contains(i)) {
                double height = share.fraction().doubleValue() * PLOT_HEIGHT;
                box(plot, "bar", x + slot * 0.2, PLOT_HEIGHT - height, slot * 0.6, height);
                PrintedPdf.text(box(plot, "value", x, PLOT_HEIGHT - height - 11, slot, 10), Suppression.percent(share));
            } else {
                // a bar of a withheld month would give its entries back, times the opened count shown
                PrintedPdf.text(
                        box(plot, "withheld", x, PLOT_HEIGHT - 14, slot, 12),
                        Suppression.isSuppressed(share) ? Suppression.percent(share) : Suppression.WITHHELD);
            }
            PrintedPdf.text(
                    box(plot, "label", x, PLOT_HEIGHT + 4, slot, 10),
                    cohort.month().toString());
        }
    }

    /** The Kaplan-Meier step curve of loved ones not yet in treatment, in the steps the table shows. */
    private static void curveChart(Element plot, ProgramReport report) {
        grid(plot);
        List<SurvivalPoint> points = ReportTables.curve(report);
        if (points.isEmpty()) {
            PrintedPdf.text(
                    plot.appendElement("div").addClass("empty"),
                    "Too few entries or censorings in this period to draw the curve (each step needs 5).");
            return;
        }
        int lastDay = Math.max(1, points.get(points.size() - 1).day());
        double x = 0;
        double y = 0;
        for (SurvivalPoint p : points) {
            double nextX = PLOT_WIDTH * p.day() / lastDay;
            double nextY = top(p.notEnteredYet());
            step(plot, x, y, nextX - x, 0);
            step(plot, nextX, Math.min(y, nextY), 0, Math.abs(nextY - y));
            if (p.censored() > 0) {
                // censored somewhere in the step's days: a tick across its flat run, as Kaplan-Meier plots mark them
                box(plot, "censor", (x + nextX) / 2, y - 5, 0, 10);
            }
            x = nextX;
            y = nextY;
        }
        for (int quarter = 0; quarter <= 4; quarter++) {
            int day = Math.round(lastDay * quarter / 4f);
            PrintedPdf.text(
                    box(plot, "label", PLOT_WIDTH * day / lastDay - 30, PLOT_HEIGHT + 4, 60, 10),
                    quarter == 4 ? day + " days" : Integer.toString(day));
        }
    }

    /** A line of the curve: horizontal when {@code height} is 0, vertical when {@code width} is. */
    private static void step(Element plot, double x, double y, double width, double height) {
        String border = height == 0 ? "border-top-width: 1.5pt;" : "border-left-width: 1.5pt;";
        box(plot, "step", x, y, width, height).attr("style", box(x, y, width, height) + border);
    }

    /** The horizontal lines at 0, 25, 50, 75 and 100%, with their labels. */
    private static void grid(Element plot) {
        for (int tick = 0; tick <= 100; tick += 25) {
            double y = top(tick / 100.0);
            box(plot, "grid", 0, y, PLOT_WIDTH, 0);
            PrintedPdf.text(box(plot, "tick", -30, y - 4.5, 24, 9), tick + "%");
        }
    }

    private static double top(double fraction) {
        return PLOT_HEIGHT - fraction * PLOT_HEIGHT;
    }

    private static Element box(Element plot, String kind, double x, double y, double width, double height) {
        return plot.appendElement("div").addClass(kind).attr("style", box(x, y, width, height));
    }

    private static String box(double x, double y, double width, double height) {
        return String.format(
                Locale.ROOT, "left: %.1fpt; top: %.1fpt; width: %.1fpt; height: %.1fpt;", x, y, width, height);
    }

    private static void table(Element tables, ReportTables.Table table) {
        Element figure = tables.appendElement("div").addClass("table");
        PrintedPdf.text(figure.appendElement("h2"), table.title());
        Element grid = figure.appendElement("table").addClass("figures");
        Element header = grid.appendElement("thead").appendElement("tr");
        for (int c = 0; c < table.headers().size(); c++) {
            Element th =
                    PrintedPdf.text(header.appendElement("th"), table.headers().get(c));
            if (c > 0) {
                th.addClass("number");
            }
        }
        Element body = grid.appendElement("tbody");
        if (table.rows().isEmpty()) {
            Element td = PrintedPdf.text(body.appendElement("tr").appendElement("td"), "Nothing in this period.");
            td.addClass("nothing")
                    .attr("colspan", Integer.toString(table.headers().size()));
        }
        for (List<Object> cells : table.rows()) {
            Element row = body.appendElement("tr");
            for (int c = 0; c < cells.size(); c++) {
                Object cell = cells.get(c);
                String value = cell instanceof BigDecimal d ? d.toPlainString() : String.valueOf(cell);
                Element td = PrintedPdf.text(row.appendElement("td"), value);
                if (c > 0) {
                    td.addClass("number");
                }
            }
        }
    }
}
