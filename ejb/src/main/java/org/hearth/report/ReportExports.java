package org.hearth.report;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataFormat;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.hearth.audit.AuditCsv;

/**
 * A program report's tables ({@link ReportTables}) written as a file: CSV by Apache Commons CSV (each table under
 * its title, a blank line between; cells defused against spreadsheet formulas as the audit export's are) or an
 * Excel workbook by Apache POI (.xlsx, one sheet per table, figures as numbers, shares as percentages).
 */
public final class ReportExports {

    private static final Pattern PERCENT = Pattern.compile("\\d{1,3}(\\.\\d+)?%");
    private static final Pattern MONTH = Pattern.compile("\\d{4}-(0[1-9]|1[0-2])");

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
                report.from() + " to " + report.to()
                        + (report.stoppedBeforeEnd() ? " (counted up to " + report.countedUpTo() + ")" : ""),
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

    static void xlsx(List<String> heading, List<ReportTables.Table> content, OutputStream out) throws IOException {
        List<ReportTables.Table> tables = new ArrayList<>();
        tables.add(new ReportTables.Table(
                "Report",
                List.of(heading.get(0)),
                heading.stream().skip(1).map(line -> List.<Object>of(line)).toList()));
        tables.addAll(content);
        List<String> names = sheetNames(tables);
        // streamed: at most 100 rows in memory, the rest in a temporary file deleted by close()
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(100)) {
            Styles styles = new Styles(workbook);
            for (int i = 0; i < tables.size(); i++) {
                sheet(workbook.createSheet(names.get(i)), tables.get(i), styles);
            }
            workbook.write(out);
        }
    }

    /**
     * A worksheet: the headers in a bold first row that stays in view, then the rows. Numbers are numeric cells,
     * a share such as "50%" is the number 0.5 shown as a percentage, an intake month such as "2026-03" is a date
     * shown as "Mar 2026"; withheld and suppressed cells ("&lt;5", "x") stay text.
     */
    private static void sheet(Sheet sheet, ReportTables.Table table, Styles styles) {
        int columns = table.headers().size();
        int[] widths = new int[columns];
        Row header = sheet.createRow(0);
        for (int c = 0; c < columns; c++) {
            Cell cell = header.createCell(c);
            cell.setCellValue(table.headers().get(c));
            cell.setCellStyle(styles.header);
            widths[c] = table.headers().get(c).length();
        }
        sheet.createFreezePane(0, 1);
        for (int r = 0; r < table.rows().size(); r++) {
            Row row = sheet.createRow(r + 1);
            List<Object> cells = table.rows().get(r);
            for (int c = 0; c < cells.size(); c++) {
                Object value = cells.get(c);
                Cell cell = row.createCell(c);
                String text = String.valueOf(value);
                if (value instanceof BigDecimal decimal) {
                    cell.setCellValue(decimal.doubleValue());
                    cell.setCellStyle(styles.decimal);
                } else if (value instanceof Number number) {
                    cell.setCellValue(number.doubleValue());
                    cell.setCellStyle(styles.whole);
                } else if (PERCENT.matcher(text).matches()) {
                    cell.setCellValue(new BigDecimal(text.substring(0, text.length() - 1))
                            .movePointLeft(2)
                            .doubleValue());
                    cell.setCellStyle(styles.percent);
                } else if (MONTH.matcher(text).matches()) {
                    cell.setCellValue(YearMonth.parse(text).atDay(1));
                    cell.setCellStyle(styles.month);
                    text = "Mar 2026"; // as shown
                } else {
                    cell.setCellValue(text);
                }
                if (c < columns) {
                    widths[c] = Math.max(widths[c], text.length());
                }
            }
        }
        for (int c = 0; c < columns; c++) {
            // in 1/256 of a character; figures get room for their header, text up to 80 characters
            sheet.setColumnWidth(c, Math.min(80, Math.max(8, widths[c] + 2)) * 256);
        }
    }

    /** The cell styles of a workbook, made once: a style per cell would exceed Excel's limit on big lists. */
    private static final class Styles {
        final CellStyle header;
        final CellStyle whole;
        final CellStyle decimal;
        final CellStyle percent;
        final CellStyle month;

        Styles(Workbook workbook) {
            DataFormat formats = workbook.createDataFormat();
            Font bold = workbook.createFont();
            bold.setBold(true);
            header = workbook.createCellStyle();
            header.setFont(bold);
            header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
            header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            header.setBorderBottom(BorderStyle.THIN);
            whole = styled(workbook, formats.getFormat("#,##0"));
            decimal = styled(workbook, formats.getFormat("0.0#"));
            percent = styled(workbook, formats.getFormat("0%"));
            month = styled(workbook, formats.getFormat("mmm yyyy"));
        }

        private static CellStyle styled(Workbook workbook, short format) {
            CellStyle style = workbook.createCellStyle();
            style.setDataFormat(format);
            return style;
        }
    }

    /** Sheet names as Excel takes them: at most 31 characters, none of []:*?/\, each once. */
    static List<String> sheetNames(List<ReportTables.Table> tables) {
        Set<String> used = new HashSet<>();
        List<String> names = new ArrayList<>();
        for (ReportTables.Table table : tables) {
            String base = WorkbookUtil.createSafeSheetName(table.title(), ' ').strip();
            String name = base;
            for (int n = 2; !used.add(name.toLowerCase(Locale.ROOT)); n++) {
                String suffix = " " + n;
                name = (base.length() + suffix.length() > 31 ? base.substring(0, 31 - suffix.length()) : base) + suffix;
            }
            names.add(name);
        }
        return names;
    }
}
