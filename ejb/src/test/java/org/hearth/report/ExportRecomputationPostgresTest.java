package org.hearth.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hearth.engagement.LevelOfCare.OUTPATIENT;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.hearth.time.ClinicTime;
import org.junit.jupiter.api.Test;

/**
 * Reads each export of a report with small cells as a funder would, and tries to work every withheld cell out of
 * the cells shown: a column's total (the summary's "opened" and "entered ... of ...") minus its shown cells, a
 * row's opened minus its entered, a percent times its shown denominator, and the curve's followed counts from one
 * row to the next. Withheld cells are known to be 1 to 4 when they read "&lt;5" as a plain count; anything else
 * withheld is only known to be a count. A cell worked out to one value fails the test, naming it.
 */
class ExportRecomputationPostgresTest {

    private static final Clock JULY_1 = Clock.fixed(
            ZonedDateTime.of(2026, 7, 1, 12, 0, 0, 0, ClinicTime.zone()).toInstant(), ClinicTime.zone());

    private static final long UNBOUNDED = 1_000_000;

    /**
     * March: 12 opened, 6 entered (days 3 to 8); April: 3 opened, 1 entered (withheld); May: 9 opened, 7 entered
     * (withheld: 2 did not). Read on 1 July over March to May.
     */
    private static ProgramReport reportWithSmallCells() {
        ReportDataset data = ReportDataset.inNewProgram();
        long family = data.family(data.counselor("Carlos"), LocalDate.of(2026, 2, 1));
        for (int i = 0; i < 12; i++) {
            long episode = data.episode(family, LocalDate.of(2026, 3, 1));
            if (i < 6) {
                data.entered(episode, LocalDate.of(2026, 3, 4 + i), OUTPATIENT);
            }
        }
        for (int i = 0; i < 3; i++) {
            long episode = data.episode(family, LocalDate.of(2026, 4, 10));
            if (i == 0) {
                data.entered(episode, LocalDate.of(2026, 4, 20), OUTPATIENT);
            }
        }
        for (int i = 0; i < 9; i++) {
            long episode = data.episode(family, LocalDate.of(2026, 5, 2));
            if (i < 7) {
                data.entered(episode, LocalDate.of(2026, 5, 10 + 2 * i), OUTPATIENT);
            }
        }
        return report(data, LocalDate.of(2026, 3, 1), LocalDate.of(2026, 5, 31));
    }

    private static ProgramReport report(ReportDataset data, LocalDate from, LocalDate to) {
        ProgramFigures figures = new ProgramFigures(ReportDatabase.dataSource(), JULY_1);
        ReportScope scope = data.scope(from, to);
        return new ProgramReport(
                List.of("Family Recovery Program"),
                null,
                false,
                from,
                to,
                figures.episodesOpened(scope),
                figures.entryByCohort(scope),
                figures.daysToEntry(scope),
                figures.timeToEntry(scope),
                figures.retention(scope),
                figures.refusalReasons(scope),
                figures.levelsOfCareEntered(scope),
                figures.criticalEvents(scope),
                figures.naloxoneKitsGiven(scope),
                figures.sessionsHeld(scope),
                figures.sessionAttendance(scope),
                figures.groupAttendance(scope),
                figures.waitlists(scope),
                figures.craftProceduresDelivered(scope),
                figures.sessionsBeforeEntry(scope),
                figures.caseloads(scope),
                figures.fidelity(scope),
                new TreatmentPath(
                        figures.referrals(scope),
                        figures.referralsLost(scope),
                        figures.entriesByProvider(scope),
                        figures.offersAfterCriticalEvent(scope)),
                figures.resourcesGiven(scope),
                figures.familyWellbeing(scope),
                JULY_1.instant());
    }

    @Test
    void noWithheldCellOfTheCsvCanBeWorkedOutFromTheCellsShown() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ReportExports.csv(reportWithSmallCells(), out);

        Map<String, List<List<String>>> tables = csvTables(out.toString(StandardCharsets.UTF_8));

        assertThat(tables).containsKeys("Summary", "Entry by intake month", "Time to entry (Kaplan-Meier)");
        assertThat(withheld(tables)).as("the report has withheld cells to try").isPositive();
        assertThat(tables.get("Time to entry (Kaplan-Meier)"))
                .as("the curve is still shown, in steps")
                .hasSizeGreaterThan(2);
        assertThat(recomputed(tables))
                .as("withheld cells worked out from the CSV")
                .isEmpty();
    }

    @Test
    void noWithheldCellOfTheWorkbookCanBeWorkedOutFromTheCellsShown() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ReportExports.xlsx(reportWithSmallCells(), out);

        Map<String, List<List<String>>> tables = workbookTables(out.toByteArray());

        assertThat(tables).containsKeys("Summary", "Entry by intake month", "Time to entry (Kaplan-Meier)");
        assertThat(recomputed(tables))
                .as("withheld cells worked out from the workbook")
                .isEmpty();
    }

    @Test
    void noWithheldCellOfThePdfsTablesCanBeWorkedOutFromTheCellsShown() {
        // the PDF prints ReportTables as they are, row by row
        Map<String, List<List<String>>> tables = new LinkedHashMap<>();
        for (ReportTables.Table table : ReportTables.of(reportWithSmallCells())) {
            List<List<String>> rows = new ArrayList<>();
            rows.add(table.headers());
            table.rows()
                    .forEach(row -> rows.add(row.stream()
                            .map(cell -> cell instanceof BigDecimal d ? d.toPlainString() : String.valueOf(cell))
                            .toList()));
            tables.put(table.title(), rows);
        }

        assertThat(recomputed(tables))
                .as("withheld cells worked out from the PDF's tables")
                .isEmpty();
    }

    // The reader's arithmetic

    /** How many cells of the tables read as withheld. */
    private static long withheld(Map<String, List<List<String>>> tables) {
        return tables.values().stream()
                .flatMap(List::stream)
                .flatMap(List::stream)
                .filter(ExportRecomputationPostgresTest::isWithheld)
                .count();
    }

    private static boolean isWithheld(String cell) {
        return cell.equals(Suppression.SUPPRESSED_COUNT) || cell.equals(Suppression.WITHHELD);
    }

    /**
     * Every withheld cell of the cohort table, the summary and the curve that the equations a reader can write pin
     * to one value, as "table, row, column = value".
     */
    private static List<String> recomputed(Map<String, List<List<String>>> tables) {
        Equations equations = new Equations();
        List<List<String>> summary = tables.get("Summary");
        List<List<String>> cohorts = tables.get("Entry by intake month");
        List<List<String>> curve = tables.get("Time to entry (Kaplan-Meier)");

        String[] entered = value(summary, "Entered treatment").split(" of ");
        Cell openedInAll = equations.cell("Summary: opened", value(summary, "Loved ones' episodes opened"), true);
        Cell openedOfShare = equations.cell("Summary: entered of", entered[1], true);
        Cell enteredInAll = equations.cell("Summary: entered", entered[0], false);
        equations.equal(List.of(openedInAll), List.of(openedOfShare));
        equations.percent(enteredInAll, openedOfShare, value(summary, "Entered treatment (share)"));

        List<Cell> opened = new ArrayList<>();
        List<Cell> enteredByMonth = new ArrayList<>();
        List<Cell> restByMonth = new ArrayList<>();
        for (List<String> row : cohorts.subList(1, cohorts.size())) {
            Cell o = equations.cell("Cohort " + row.get(0) + ": opened", row.get(1), true);
            Cell e = equations.cell("Cohort " + row.get(0) + ": entered", row.get(2), false);
            Cell r = equations.unknown("Cohort " + row.get(0) + ": not entered");
            equations.equal(List.of(o), List.of(e, r));
            equations.percent(e, o, row.get(3));
            opened.add(o);
            enteredByMonth.add(e);
            restByMonth.add(r);
        }
        Cell restInAll = equations.unknown("Summary: not entered");
        equations.equal(List.of(openedOfShare), List.of(enteredInAll, restInAll));
        if (!opened.isEmpty()) {
            equations.equal(List.of(openedOfShare), opened);
            equations.equal(List.of(enteredInAll), enteredByMonth);
            equations.equal(List.of(restInAll), restByMonth);
        }

        // the curve: everyone opened is followed from day 0; the next row's followed is this row's less those
        // who entered or were censored; every entry counted is an entry of the summary
        Cell followedBefore = openedOfShare;
        List<Cell> curveEntered = new ArrayList<>();
        String shownBefore = "100";
        for (List<String> row : curve.subList(1, curve.size())) {
            String at = "Curve day " + row.get(0);
            Cell followed = equations.cell(at + ": followed", row.get(1), true);
            Cell e = equations.cell(at + ": entered", row.get(2), true);
            Cell c = equations.cell(at + ": censored", row.get(3), true);
            equations.equal(List.of(followedBefore), List.of(followed));
            Cell after = equations.unknown(at + ": followed after");
            equations.equal(List.of(followed), List.of(e, c, after));
            equations.survival(e, followed, shownBefore, row.get(4));
            curveEntered.add(e);
            followedBefore = after;
            shownBefore = row.get(4);
        }
        if (!curveEntered.isEmpty()) {
            // entries after the last row shown are the summary's entries less those of the curve
            Cell later = equations.unknown("Curve: entered after the last row");
            List<Cell> all = new ArrayList<>(curveEntered);
            all.add(later);
            equations.equal(List.of(enteredInAll), all);
            equations.atMost(later, followedBefore);
        }
        return equations.pinned();
    }

    /** One cell a reader reasons about: shown (its value known) or withheld (a range). */
    private static final class Cell {
        final String name;
        final boolean withheld;
        long low;
        long high;

        Cell(String name, boolean withheld, long low, long high) {
            this.name = name;
            this.withheld = withheld;
            this.low = low;
            this.high = high;
        }
    }

    /**
     * Linear equations between cells (sums with coefficients of 1), narrowed as interval arithmetic does until
     * nothing changes: what a reader with a pencil gets by subtracting what is shown from a total.
     */
    private static final class Equations {
        private final List<Cell> cells = new ArrayList<>();
        private final List<Cell[][]> sides = new ArrayList<>();
        private final List<Runnable> rules = new ArrayList<>();

        Cell cell(String name, String shown, boolean plainCount) {
            Cell cell;
            if (shown.equals(Suppression.SUPPRESSED_COUNT) && plainCount) {
                cell = new Cell(name, true, 1, 4);
            } else if (isWithheld(shown) || shown.equals(Suppression.SUPPRESSED_SHARE)) {
                cell = new Cell(name, true, 0, UNBOUNDED);
            } else {
                long value = Long.parseLong(shown);
                cell = new Cell(name, false, value, value);
            }
            cells.add(cell);
            return cell;
        }

        Cell unknown(String name) {
            Cell cell = new Cell(name, false, 0, UNBOUNDED);
            cells.add(cell);
            return cell;
        }

        /** The sum of {@code left} equals the sum of {@code right}. */
        void equal(List<Cell> left, List<Cell> right) {
            sides.add(new Cell[][] {left.toArray(Cell[]::new), right.toArray(Cell[]::new)});
        }

        void atMost(Cell small, Cell large) {
            rules.add(() -> {
                small.high = Math.min(small.high, large.high);
                large.low = Math.max(large.low, small.low);
            });
        }

        /** A whole percent (half up) of a part over a whole: the parts that round to it, when the whole is shown. */
        void percent(Cell part, Cell whole, String shown) {
            if (!shown.endsWith("%")) {
                return;
            }
            int percent = Integer.parseInt(shown.substring(0, shown.length() - 1));
            rules.add(() -> {
                if (whole.low != whole.high) {
                    return;
                }
                long low = Long.MAX_VALUE;
                long high = Long.MIN_VALUE;
                for (long k = part.low; k <= Math.min(part.high, whole.low); k++) {
                    if (Math.round(k * 100.0 / whole.low + 1e-9) == percent
                            || Math.floor(k * 100.0 / whole.low + 0.5) == percent) {
                        low = Math.min(low, k);
                        high = Math.max(high, k);
                    }
                }
                if (low <= high) {
                    part.low = Math.max(part.low, low);
                    part.high = Math.min(part.high, high);
                }
            });
        }

        /**
         * The curve's step: S now = S before x (1 - entered / followed), both shown to 0.1 (so within 0.05 each):
         * the entries that fit, when followed is shown.
         */
        void survival(Cell entered, Cell followed, String before, String now) {
            double sBefore = Double.parseDouble(before);
            double sNow = Double.parseDouble(now);
            rules.add(() -> {
                if (followed.low != followed.high || !entered.withheld) {
                    return;
                }
                long low = Long.MAX_VALUE;
                long high = Long.MIN_VALUE;
                for (long k = entered.low; k <= Math.min(entered.high, followed.low); k++) {
                    double lowest = (sBefore - 0.05) * (1 - (double) k / followed.low);
                    double highest = (sBefore + 0.05) * (1 - (double) k / followed.low);
                    if (sNow + 0.05 >= lowest && sNow - 0.05 <= highest) {
                        low = Math.min(low, k);
                        high = Math.max(high, k);
                    }
                }
                if (low <= high) {
                    entered.low = Math.max(entered.low, low);
                    entered.high = Math.min(entered.high, high);
                }
            });
        }

        /** The withheld cells narrowed to one value. */
        List<String> pinned() {
            for (int round = 0; round < 200; round++) {
                for (Cell[][] side : sides) {
                    narrow(side[0], side[1]);
                    narrow(side[1], side[0]);
                }
                rules.forEach(Runnable::run);
            }
            Map<String, Long> found = new TreeMap<>();
            for (Cell cell : cells) {
                if (cell.withheld && cell.low == cell.high) {
                    found.put(cell.name, cell.low);
                }
            }
            return found.entrySet().stream()
                    .map(e -> e.getKey() + " = " + e.getValue())
                    .toList();
        }

        /** Each cell of {@code side} lies between the other side's bounds less the rest of its own side's. */
        private static void narrow(Cell[] side, Cell[] other) {
            long otherLow = 0;
            long otherHigh = 0;
            for (Cell c : other) {
                otherLow += c.low;
                otherHigh = Math.min(UNBOUNDED, otherHigh + c.high);
            }
            for (Cell cell : side) {
                long restLow = 0;
                long restHigh = 0;
                for (Cell c : side) {
                    if (c != cell) {
                        restLow += c.low;
                        restHigh = Math.min(UNBOUNDED, restHigh + c.high);
                    }
                }
                cell.low = Math.max(cell.low, otherLow - restHigh);
                if (restHigh < UNBOUNDED || otherHigh < UNBOUNDED) {
                    cell.high = Math.min(cell.high, otherHigh - restLow);
                }
            }
        }
    }

    // Reading the exports back

    private static String value(List<List<String>> table, String figure) {
        return table.stream()
                .filter(row -> row.get(0).equals(figure))
                .map(row -> row.get(1))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no figure " + figure));
    }

    /** The CSV's tables by title, each with its header row first: a table follows a blank line. */
    private static Map<String, List<List<String>>> csvTables(String csv) {
        Map<String, List<List<String>>> tables = new LinkedHashMap<>();
        List<List<String>> current = null;
        boolean titleNext = false;
        for (String line : csv.split("\r\n")) {
            if (line.isEmpty()) {
                titleNext = true;
            } else if (titleNext) {
                current = new ArrayList<>();
                tables.put(unquote(line), current);
                titleNext = false;
            } else if (current != null) {
                current.add(fields(line));
            }
        }
        return tables;
    }

    private static List<String> fields(String line) {
        List<String> fields = new ArrayList<>();
        Matcher field = Pattern.compile("(\"(?:[^\"]|\"\")*\"|[^,]*)(,|$)").matcher(line);
        while (field.find() && field.start() < line.length()) {
            fields.add(unquote(field.group(1)));
            if (field.group(2).isEmpty()) {
                break;
            }
        }
        return fields;
    }

    private static String unquote(String field) {
        String value =
                field.startsWith("\"") ? field.substring(1, field.length() - 1).replace("\"\"", "\"") : field;
        return value.startsWith("'") ? value.substring(1) : value;
    }

    /**
     * The workbook's sheets by name (the first, the heading, left out), each cell as its text: a share as shown
     * ("50%"), an intake month as "2026-03", another number as its value, text as it is.
     */
    private static Map<String, List<List<String>>> workbookTables(byte[] xlsx) throws IOException {
        Map<String, List<List<String>>> tables = new LinkedHashMap<>();
        DataFormatter shown = new DataFormatter(Locale.US);
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            for (int s = 1; s < workbook.getNumberOfSheets(); s++) {
                List<List<String>> rows = new ArrayList<>();
                for (Row row : workbook.getSheetAt(s)) {
                    List<String> cells = new ArrayList<>();
                    for (org.apache.poi.ss.usermodel.Cell cell : row) {
                        if (cell.getCellType() != CellType.NUMERIC) {
                            cells.add(cell.getStringCellValue());
                        } else if (DateUtil.isCellDateFormatted(cell)) {
                            cells.add(YearMonth.from(cell.getLocalDateTimeCellValue())
                                    .toString());
                        } else if (cell.getCellStyle().getDataFormatString().contains("%")) {
                            cells.add(shown.formatCellValue(cell));
                        } else {
                            cells.add(BigDecimal.valueOf(cell.getNumericCellValue())
                                    .stripTrailingZeros()
                                    .toPlainString());
                        }
                    }
                    rows.add(cells);
                }
                tables.put(workbook.getSheetName(s), rows);
            }
        }
        return tables;
    }
}
