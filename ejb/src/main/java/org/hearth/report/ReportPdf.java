package org.hearth.report;

import java.awt.Color;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The "program report" for a funder or a board, as a PDF (US Letter): what it covers, the two charts - treatment
 * entry by intake month against the CRAFT trials' band, and the time-to-entry curve - drawn as vector graphics,
 * then every table of {@link ReportTables}, de-identified as they are. Set in the Liberation Sans PDFBox carries.
 */
public final class ReportPdf {

    private static final float MARGIN = 54;
    private static final float WIDTH = PDRectangle.LETTER.getWidth() - 2 * MARGIN;
    private static final float BODY = 9;
    private static final float ROW = 13;
    private static final Color BAR = new Color(0x00, 0x72, 0xB2);
    private static final Color BAND = new Color(0xCC, 0xEC, 0xE3);
    private static final Color GRID = new Color(0xD1, 0xD5, 0xDB);
    private static final Color HEADER = new Color(0xF3, 0xF4, 0xF6);

    private final PDDocument pdf;
    private final PDFont font;
    private PDPageContentStream page;
    private float y;
    private int pages;

    private ReportPdf(PDDocument pdf, PDFont font) {
        this.pdf = pdf;
        this.font = font;
    }

    /** Writes the report's PDF to {@code out}. */
    public static void write(ProgramReport report, OutputStream out) throws IOException {
        try (PDDocument pdf = new PDDocument();
                InputStream ttf = PDDocument.class.getResourceAsStream(
                        "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf")) {
            ReportPdf writer = new ReportPdf(pdf, PDType0Font.load(pdf, ttf));
            writer.document(report);
            pdf.getDocumentInformation().setTitle("Hearth program report");
            pdf.save(out);
        }
    }

    private void document(ProgramReport report) throws IOException {
        newPage();
        List<String> heading = ReportExports.heading(report);
        text(heading.get(0), 18, MARGIN, y);
        y -= 26;
        for (String line : heading.subList(1, heading.size())) {
            text(line, 10, MARGIN, y);
            y -= 14;
        }
        y -= 10;
        cohortChart(report);
        curveChart(report);
        for (ReportTables.Table table : ReportTables.of(report)) {
            table(table);
        }
        page.close();
    }

    /** Bars of the share that entered treatment per intake month, over the CRAFT trials' 58.6-74% band. */
    private void cohortChart(ProgramReport report) throws IOException {
        float height = 150;
        need(height + 50);
        text("Treatment entry by intake month (%), CRAFT trials' range shaded", 11, MARGIN, y);
        y -= 12;
        float left = MARGIN + 28;
        float width = WIDTH - 28;
        float bottom = y - height;
        axes(left, bottom, width, height);
        fill(left, bottom + height * 0.586f, width, height * (0.74f - 0.586f), BAND);
        List<EntryCohort> cohorts = report.entryByCohort();
        float slot = cohorts.isEmpty() ? width : width / cohorts.size();
        ReportTables.Withheld withheld = ReportTables.withheld(report);
        for (int i = 0; i < cohorts.size(); i++) {
            EntryCohort cohort = cohorts.get(i);
            float x = left + i * slot;
            Share share = cohort.entered();
            if (share.whole() > 0 && !withheld.entered().contains(i)) {
                float h = share.fraction().floatValue() * height;
                fill(x + slot * 0.2f, bottom, slot * 0.6f, h, BAR);
            } else {
                // a bar of a withheld month would give its entries back, times the opened count shown
                text(
                        Suppression.isSuppressed(share) ? Suppression.percent(share) : Suppression.WITHHELD,
                        7,
                        x + slot * 0.3f,
                        bottom + 4);
            }
            text(cohort.month().toString(), 7, x + slot * 0.2f, bottom - 10);
        }
        y = bottom - 28;
    }

    /** The Kaplan-Meier step curve of loved ones not yet in treatment, in the steps the table shows. */
    private void curveChart(ProgramReport report) throws IOException {
        List<SurvivalPoint> points = ReportTables.curve(report);
        float height = 150;
        need(height + 50);
        text("Time to treatment entry: loved ones not yet in treatment (%), by days since intake", 11, MARGIN, y);
        y -= 12;
        float left = MARGIN + 28;
        float width = WIDTH - 28;
        float bottom = y - height;
        axes(left, bottom, width, height);
        if (points.isEmpty()) {
            text(
                    "Too few entries or censorings in this period to draw the curve (each step needs 5).",
                    9,
                    left + 8,
                    bottom + height / 2);
        } else {
            int lastDay = Math.max(1, points.get(points.size() - 1).day());
            page.setStrokingColor(BAR);
            page.setLineWidth(1.5f);
            float px = left;
            float py = bottom + height;
            page.moveTo(px, py);
            for (SurvivalPoint p : points) {
                float x = left + width * p.day() / lastDay;
                float yy = bottom + height * (float) p.notEnteredYet();
                page.lineTo(x, py);
                page.lineTo(x, yy);
                px = x;
                py = yy;
            }
            page.stroke();
            page.setStrokingColor(Color.BLACK);
            text("0", 7, left, bottom - 10);
            text(lastDay + " days", 7, left + width - 30, bottom - 10);
        }
        y = bottom - 28;
    }

    private void axes(float left, float bottom, float width, float height) throws IOException {
        page.setStrokingColor(GRID);
        page.setLineWidth(0.5f);
        for (int tick = 0; tick <= 100; tick += 25) {
            float ty = bottom + height * tick / 100;
            page.moveTo(left, ty);
            page.lineTo(left + width, ty);
            page.stroke();
            text(Integer.toString(tick), 7, left - 20, ty - 2);
        }
        page.setStrokingColor(Color.BLACK);
    }

    private void table(ReportTables.Table table) throws IOException {
        int columns = table.headers().size();
        float first = columns <= 2 ? WIDTH * 0.6f : WIDTH * 0.3f;
        float rest = columns <= 1 ? 0 : (WIDTH - first) / (columns - 1);
        need(ROW * 3 + 16);
        y -= 6;
        text(table.title(), 11, MARGIN, y);
        y -= 8;
        row(table.headers().stream().map(h -> (Object) h).toList(), first, rest, true);
        if (table.rows().isEmpty()) {
            need(ROW);
            text("Nothing in this period.", BODY, MARGIN + 4, y - ROW + 4);
            y -= ROW;
        }
        for (List<Object> cells : table.rows()) {
            row(cells, first, rest, false);
        }
        y -= 8;
    }

    private void row(List<Object> cells, float first, float rest, boolean header) throws IOException {
        need(ROW);
        if (header) {
            fill(MARGIN, y - ROW, WIDTH, ROW, HEADER);
        }
        float x = MARGIN;
        for (int i = 0; i < cells.size(); i++) {
            float w = i == 0 ? first : rest;
            Object cell = cells.get(i);
            String value = cell instanceof BigDecimal d ? d.toPlainString() : String.valueOf(cell);
            text(fit(value, BODY, w - 6), BODY, x + 3, y - ROW + 4);
            x += w;
        }
        page.setStrokingColor(GRID);
        page.setLineWidth(0.4f);
        page.moveTo(MARGIN, y - ROW);
        page.lineTo(MARGIN + WIDTH, y - ROW);
        page.stroke();
        page.setStrokingColor(Color.BLACK);
        y -= ROW;
    }

    private void fill(float x, float atY, float w, float h, Color colour) throws IOException {
        page.setNonStrokingColor(colour);
        page.addRect(x, atY, w, h);
        page.fill();
        page.setNonStrokingColor(Color.BLACK);
    }

    private void need(float height) throws IOException {
        if (y - height < MARGIN + 20) {
            page.close();
            newPage();
        }
    }

    private void newPage() throws IOException {
        PDPage next = new PDPage(PDRectangle.LETTER);
        pdf.addPage(next);
        pages++;
        page = new PDPageContentStream(pdf, next);
        text(
                "Hearth program report - de-identified: counts of 1 to 4 show as <5.   Page " + pages,
                8,
                MARGIN,
                MARGIN - 18);
        y = PDRectangle.LETTER.getHeight() - MARGIN;
    }

    private void text(String value, float size, float x, float atY) throws IOException {
        page.beginText();
        page.setFont(font, size);
        page.newLineAtOffset(x, atY);
        page.showText(printable(value));
        page.endText();
    }

    /** The text, cut with an ellipsis where it would overrun its column. */
    private String fit(String value, float size, float width) throws IOException {
        String text = printable(value);
        if (widthOf(text, size) <= width) {
            return text;
        }
        while (text.length() > 1 && widthOf(text + "...", size) > width) {
            text = text.substring(0, text.length() - 1);
        }
        return text + "...";
    }

    private float widthOf(String text, float size) throws IOException {
        return font.getStringWidth(text) / 1000 * size;
    }

    /** Control characters as spaces; characters the font lacks as '?'. */
    private String printable(String value) {
        StringBuilder out = new StringBuilder(value.length());
        value.codePoints().forEach(c -> {
            if (Character.isISOControl(c)) {
                out.append(' ');
            } else {
                String s = new String(Character.toChars(c));
                try {
                    font.encode(s);
                    out.append(s);
                } catch (IllegalArgumentException | IOException notInFont) {
                    out.append('?');
                }
            }
        });
        return out.toString();
    }
}
