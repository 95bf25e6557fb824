package org.hearth.report;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.hearth.audit.AuditCsv;

/**
 * A program report's tables ({@link ReportTables}) written as a file: CSV (each table under its title, a blank
 * line between; cells defused against spreadsheet formulas as the audit export's are) or an Excel workbook
 * (.xlsx, one sheet per table, figures as numbers), written here as the few Office Open XML parts a workbook
 * needs.
 */
public final class ReportExports {

    private ReportExports() {}

    /** The heading lines every export starts with: what it covers, and that it is de-identified. */
    public static List<String> heading(ProgramReport report) {
        String scope = report.mine()
                ? "Own caseload of " + report.counselorName()
                : String.join(", ", report.programNames())
                        + (report.counselorName() == null ? "" : "; counselor " + report.counselorName());
        return List.of(
                "Hearth program report",
                scope,
                report.from() + " to " + report.to(),
                "De-identified: no family is named; counts of 1 to 4 show as <5, and x marks a count withheld so that"
                        + " a <5 cannot be worked out from a total.");
    }

    /** The report as CSV, UTF-8. */
    public static void csv(ProgramReport report, OutputStream out) throws IOException {
        csv(heading(report), ReportTables.of(report), out);
    }

    /**
     * A figure's identified list as CSV, UTF-8: what it lists, then a row per record with its family's case
     * number and name. Not de-identified: the caller audits it as such.
     */
    public static void csv(FigureList list, List<String> heading, OutputStream out) throws IOException {
        csv(heading, List.of(listTable(list)), out);
    }

    private static void csv(List<String> heading, List<ReportTables.Table> tables, OutputStream out)
            throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        for (String line : heading) {
            writer.write(AuditCsv.row(line));
        }
        for (ReportTables.Table table : tables) {
            writer.write(AuditCsv.row());
            writer.write(AuditCsv.row(table.title()));
            writer.write(AuditCsv.row(table.headers().toArray(String[]::new)));
            for (List<Object> row : table.rows()) {
                // "-" (nothing to show) would be defused as a formula into "'-": say it in words
                writer.write(AuditCsv.row(row.stream()
                        .map(String::valueOf)
                        .map(cell -> cell.equals("-") ? "n/a" : cell)
                        .toArray(String[]::new)));
            }
        }
        writer.flush();
    }

    /** A figure's identified list as an Excel workbook: a sheet "Report" with the heading, then the list. */
    public static void xlsx(FigureList list, List<String> heading, OutputStream out) throws IOException {
        xlsx(heading, List.of(listTable(list)), out);
    }

    /** The table of a figure's identified list: number, case number, family. */
    static ReportTables.Table listTable(FigureList list) {
        if (!list.identified()) {
            throw new IllegalArgumentException("only an identified list is exported row by row");
        }
        return new ReportTables.Table(
                "Families",
                List.of("#", "Case number", "Family"),
                list.rows().stream()
                        .map(r -> List.<Object>of(r.number(), r.caseNumber(), r.familyName()))
                        .toList());
    }

    /** The report as an Excel workbook: a sheet "Report" with the heading, then one sheet per table. */
    public static void xlsx(ProgramReport report, OutputStream out) throws IOException {
        xlsx(heading(report), ReportTables.of(report), out);
    }

    private static void xlsx(List<String> heading, List<ReportTables.Table> content, OutputStream out)
            throws IOException {
        List<ReportTables.Table> tables = new ArrayList<>();
        tables.add(new ReportTables.Table(
                "Report",
                List.of(heading.get(0)),
                heading.stream().skip(1).map(line -> List.<Object>of(line)).toList()));
        tables.addAll(content);
        List<String> names = sheetNames(tables);
        ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
        StringBuilder overrides = new StringBuilder();
        StringBuilder sheets = new StringBuilder();
        StringBuilder relations = new StringBuilder();
        for (int i = 1; i <= tables.size(); i++) {
            overrides
                    .append("<Override PartName=\"/xl/worksheets/sheet")
                    .append(i)
                    .append(
                            ".xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>");
            sheets.append("<sheet name=\"")
                    .append(xml(names.get(i - 1)))
                    .append("\" sheetId=\"")
                    .append(i)
                    .append("\" r:id=\"rId")
                    .append(i)
                    .append("\"/>");
            relations
                    .append("<Relationship Id=\"rId")
                    .append(i)
                    .append(
                            "\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet")
                    .append(i)
                    .append(".xml\"/>");
        }
        put(
                zip,
                "[Content_Types].xml",
                "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                        + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                        + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                        + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                        + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
                        + overrides + "</Types>");
        put(
                zip,
                "_rels/.rels",
                "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                        + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                        + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/>"
                        + "</Relationships>");
        put(
                zip,
                "xl/workbook.xml",
                "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                        + "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\""
                        + " xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
                        + "<sheets>" + sheets + "</sheets></workbook>");
        put(
                zip,
                "xl/_rels/workbook.xml.rels",
                "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                        + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                        + relations + "</Relationships>");
        for (int i = 0; i < tables.size(); i++) {
            put(zip, "xl/worksheets/sheet" + (i + 1) + ".xml", sheet(tables.get(i)));
        }
        zip.finish();
    }

    /** A worksheet: the headers in the first row, then the rows; numbers as numbers, the rest as text. */
    static String sheet(ReportTables.Table table) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                + "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>");
        List<List<Object>> rows = new ArrayList<>();
        rows.add(new ArrayList<>(table.headers()));
        rows.addAll(table.rows());
        for (int r = 0; r < rows.size(); r++) {
            xml.append("<row r=\"").append(r + 1).append("\">");
            List<Object> cells = rows.get(r);
            for (int c = 0; c < cells.size(); c++) {
                String ref = column(c) + (r + 1);
                Object value = cells.get(c);
                if (value instanceof Number number) {
                    xml.append("<c r=\"")
                            .append(ref)
                            .append("\"><v>")
                            .append(number)
                            .append("</v></c>");
                } else {
                    xml.append("<c r=\"")
                            .append(ref)
                            .append("\" t=\"inlineStr\"><is><t>")
                            .append(xml(String.valueOf(value)))
                            .append("</t></is></c>");
                }
            }
            xml.append("</row>");
        }
        return xml.append("</sheetData></worksheet>").toString();
    }

    /** Sheet names as Excel takes them: at most 31 characters, none of []:*?/\, each once. */
    static List<String> sheetNames(List<ReportTables.Table> tables) {
        Set<String> used = new HashSet<>();
        List<String> names = new ArrayList<>();
        for (ReportTables.Table table : tables) {
            String base = table.title().replaceAll("[\\[\\]:*?/\\\\]", " ").strip();
            base = base.length() > 31 ? base.substring(0, 31).strip() : base;
            String name = base;
            for (int n = 2; !used.add(name.toLowerCase(Locale.ROOT)); n++) {
                String suffix = " " + n;
                name = (base.length() + suffix.length() > 31 ? base.substring(0, 31 - suffix.length()) : base) + suffix;
            }
            names.add(name);
        }
        return names;
    }

    private static String column(int index) {
        StringBuilder name = new StringBuilder();
        for (int i = index + 1; i > 0; i = (i - 1) / 26) {
            name.insert(0, (char) ('A' + (i - 1) % 26));
        }
        return name.toString();
    }

    private static void put(ZipOutputStream zip, String name, String content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    /** Text made safe inside XML, without the control characters XML 1.0 forbids. */
    private static String xml(String text) {
        StringBuilder safe = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            switch (cp) {
                case '&' -> safe.append("&amp;");
                case '<' -> safe.append("&lt;");
                case '>' -> safe.append("&gt;");
                case '"' -> safe.append("&quot;");
                default -> {
                    if (cp == 0x9 || cp == 0xA || cp == 0xD || cp >= 0x20) {
                        safe.appendCodePoint(cp);
                    }
                }
            }
        });
        return safe.toString();
    }
}
