package org.hearth.consent;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * A disclosure as a PDF (US Letter): the title, the facts of the disclosure, the redisclosure notice in a
 * box, the sections; every page ends with the short notice and its number. Text is set in the Liberation Sans
 * that PDFBox carries, so any name prints as typed.
 */
public final class DisclosurePdf {

    private static final float MARGIN = 54;
    private static final float WIDTH = PDRectangle.LETTER.getWidth() - 2 * MARGIN;
    private static final float BODY = 10;
    private static final float LEADING = 13.5f;

    private final PDDocument pdf;
    private final PDFont font;
    private final ZoneId zone;
    private PDPageContentStream page;
    private float y;
    private int pages;

    private DisclosurePdf(PDDocument pdf, PDFont font, ZoneId zone) {
        this.pdf = pdf;
        this.font = font;
        this.zone = zone;
    }

    /** The document's bytes; times are written in {@code zone}. */
    public static byte[] render(DisclosureDocument document, ZoneId zone) {
        try (PDDocument pdf = new PDDocument();
                InputStream ttf = PDDocument.class.getResourceAsStream(
                        "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf")) {
            DisclosurePdf writer = new DisclosurePdf(pdf, PDType0Font.load(pdf, ttf), zone);
            writer.write(document);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            pdf.getDocumentInformation().setTitle("Disclosure of records under 42 CFR Part 2");
            pdf.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("the PDF could not be written", e);
        }
    }

    private void write(DisclosureDocument d) throws IOException {
        newPage();
        line("Disclosure of records under 42 CFR Part 2", 16, 0);
        y -= 6;
        DateTimeFormatter time =
                DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z").withZone(zone);
        fact("Program", d.program());
        fact("Records of", d.memberName() + " (case " + d.caseNumber() + ")");
        fact("Disclosed to", d.recipient());
        fact("Purpose", d.purpose());
        fact("Under consent", "#" + d.consentId() + ": " + d.consentTerms());
        fact("What may be disclosed", label(d.scope()));
        fact("Produced", time.format(d.producedAt()) + " by " + d.producedBy());
        y -= 8;
        noticeBox();
        for (DisclosureDocument.Section section : d.sections()) {
            y -= 8;
            need(LEADING * 3);
            line(section.title(), 12.5f, 0);
            if (section.lines().isEmpty()) {
                paragraph("Nothing recorded.", 10);
            }
            for (String text : section.lines()) {
                paragraph(text, 10);
            }
        }
        page.close();
    }

    static String label(DisclosureScope scope) {
        return switch (scope) {
            case ATTENDANCE -> "Attendance only";
            case SUMMARY -> "A summary (attendance, time in the program, readiness)";
            case FULL_RECORD -> "The record, without counseling notes";
            case COUNSELING_NOTES -> "SUD counseling notes";
        };
    }

    private void fact(String label, String value) throws IOException {
        List<String> lines = wrap(value, BODY, WIDTH - 130);
        need(LEADING * lines.size());
        text(label, BODY, MARGIN, y);
        for (String text : lines) {
            text(text, BODY, MARGIN + 130, y);
            y -= LEADING;
        }
    }

    private void noticeBox() throws IOException {
        List<String> lines = wrap(RedisclosureNotice.TEXT, 9, WIDTH - 16);
        float height = 12 * lines.size() + 26;
        need(height);
        page.setLineWidth(1.2f);
        page.addRect(MARGIN, y - height + 10, WIDTH, height);
        page.stroke();
        y -= 6;
        text("Notice to the recipient (42 CFR 2.32)", 10.5f, MARGIN + 8, y);
        y -= 14;
        for (String text : lines) {
            text(text, 9, MARGIN + 8, y);
            y -= 12;
        }
        y -= 14;
    }

    private void paragraph(String value, float indent) throws IOException {
        for (String text : wrap(value, BODY, WIDTH - indent)) {
            need(LEADING);
            text(text, BODY, MARGIN + indent, y);
            y -= LEADING;
        }
    }

    private void line(String value, float size, float indent) throws IOException {
        need(size + 8);
        text(value, size, MARGIN + indent, y);
        y -= size + 6;
    }

    private void need(float height) throws IOException {
        if (y - height < MARGIN + 30) {
            page.close();
            newPage();
        }
    }

    private void newPage() throws IOException {
        PDPage next = new PDPage(PDRectangle.LETTER);
        pdf.addPage(next);
        pages++;
        page = new PDPageContentStream(pdf, next);
        text(RedisclosureNotice.SHORT + "   Page " + pages, 8.5f, MARGIN, MARGIN - 18);
        y = PDRectangle.LETTER.getHeight() - MARGIN;
    }

    private void text(String value, float size, float x, float atY) throws IOException {
        page.beginText();
        page.setFont(font, size);
        page.newLineAtOffset(x, atY);
        page.showText(printable(value));
        page.endText();
    }

    /** The words of {@code value} in lines no wider than {@code width}; a word wider than a line is cut. */
    private List<String> wrap(String value, float size, float width) throws IOException {
        List<String> lines = new ArrayList<>();
        for (String paragraph : printable(value).split("\n", -1)) {
            StringBuilder line = new StringBuilder();
            for (String word : paragraph.split(" ")) {
                String candidate = line.isEmpty() ? word : line + " " + word;
                if (widthOf(candidate, size) <= width) {
                    line.setLength(0);
                    line.append(candidate);
                    continue;
                }
                if (!line.isEmpty()) {
                    lines.add(line.toString());
                    line.setLength(0);
                }
                while (widthOf(word, size) > width) {
                    int cut = word.length() - 1;
                    while (cut > 1 && widthOf(word.substring(0, cut), size) > width) {
                        cut--;
                    }
                    lines.add(word.substring(0, cut));
                    word = word.substring(cut);
                }
                line.append(word);
            }
            lines.add(line.toString());
        }
        return lines;
    }

    private float widthOf(String text, float size) throws IOException {
        return font.getStringWidth(text) / 1000 * size;
    }

    /** Tabs and other control characters as spaces; characters the font lacks as '?'. */
    private String printable(String value) {
        StringBuilder out = new StringBuilder(value.length());
        value.codePoints().forEach(c -> {
            if (c == '\n') {
                out.append('\n');
            } else if (Character.isISOControl(c)) {
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
