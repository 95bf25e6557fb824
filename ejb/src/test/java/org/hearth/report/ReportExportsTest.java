package org.hearth.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.assertj.core.api.Assertions;
import org.hearth.appointments.AppointmentKind;
import org.hearth.engagement.RefusalReason;
import org.hearth.notes.MitiBand;
import org.junit.jupiter.api.Test;

class ReportExportsTest {

    /**
     * 12 episodes opened; March: 6 of 12 entered (50%; 6 of 10 would be withheld, its rest 4 being small),
     * April: 1 of 2 (withheld), so 7 of 14 in all - with only two months, March is withheld too, or the totals
     * would give April back; denial given 7 times, stigma 3 times; one counselor with 3 active families (withheld)
     * and 9 sessions; the curve follows 14: 5 enter on day 6, then 2 enter and 2 are censored on day 20 and 5
     * censored on day 40 (2 entries after day 6 are too few for a step, so the curve is one step of 7 and 7).
     */
    private static ProgramReport report() {
        return new ProgramReport(
                List.of("Family Recovery Program"),
                null,
                false,
                LocalDate.of(2026, 3, 1),
                LocalDate.of(2026, 4, 30),
                12,
                List.of(
                        new EntryCohort(YearMonth.of(2026, 3), new Share(6, 12)),
                        new EntryCohort(YearMonth.of(2026, 4), new Share(1, 2))),
                new DaysToEntry(7, 10.0),
                List.of(
                        new SurvivalPoint(6, 14, 5, 0, 0.6429),
                        new SurvivalPoint(20, 9, 2, 2, 0.5),
                        new SurvivalPoint(40, 5, 0, 5, 0.5)),
                new Retention(new Share(5, 7), new Share(0, 0)),
                List.of(new Tally<>(RefusalReason.DENIAL, 7), new Tally<>(RefusalReason.STIGMA_OR_SHAME, 3)),
                List.of(),
                List.of(),
                2,
                List.of(new Tally<>(AppointmentKind.CRAFT_SESSION, 9)),
                new SessionAttendance(10, 8, new Share(1, 10), new Share(1, 10)),
                List.of(),
                List.of(),
                List.of(),
                new SessionsBeforeEntry(7, 4.0, 4.3),
                List.of(new CounselorCaseload(1, "carlos", "Carlos Rivera", 3, 9, 0, 1, 0)),
                List.of(new CounselorFidelity(
                        1,
                        "carlos",
                        "Carlos Rivera",
                        3,
                        0,
                        new BigDecimal("3.83"),
                        MitiBand.FAIR,
                        new BigDecimal("4.33"),
                        MitiBand.GOOD,
                        new BigDecimal("1.36"),
                        MitiBand.FAIR,
                        new BigDecimal("0.3770"),
                        MitiBand.BELOW_FAIR)),
                TreatmentPath.NONE,
                ResourcesGiven.NONE,
                FamilyWellbeing.NONE,
                Instant.parse("2026-05-01T12:00:00Z"));
    }

    @Test
    void theCsvIsDeIdentifiedTableByTable() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ReportExports.csv(report(), out);
        String csv = out.toString(StandardCharsets.UTF_8);

        assertThat(csv).startsWith("Hearth program report\r\nFamily Recovery Program\r\n2026-03-01 to 2026-04-30\r\n");
        assertThat(csv).contains("Loved ones' episodes opened,12\r\n");
        assertThat(csv).contains("Entered treatment,7 of 14\r\n").contains("Entered treatment (share),50%\r\n");
        assertThat(csv).contains("Craft session,9".replace("Craft", "CRAFT"));
        assertThat(csv)
                .as("April's small counts, and March's beside them, which the totals would subtract to April's")
                .contains("2026-03,x,x,x\r\n")
                .contains("2026-04,<5,<5,n<5\r\n");
        assertThat(csv).contains("Denial,7\r\n").contains("Stigma or shame,<5\r\n");
        assertThat(csv)
                .as("the curve in steps of 0 or at least 5 entries and censorings, every count shown")
                .contains("By day,Followed,Entered,Censored,Not yet in treatment (%)\r\n")
                .contains("40,14,7,7,50.0\r\n")
                .as("day 6 alone would leave 2 entries after it, so it joins the last step")
                .doesNotContain("6,14,5,0,")
                .doesNotContain("20,9,");
        assertThat(csv).as("caseload counts of 1 to 4 withheld too").contains("Carlos Rivera,<5,9,0,<5,0\r\n");
        assertThat(csv).contains("Still in treatment at 90 days,n/a\r\n");
        assertThat(csv).contains("Carlos Rivera,3,3.83,Fair,4.33,Good,1.36,Fair,37.7,Below fair\r\n");
    }

    @Test
    void theWorkbookHasASheetPerTableWithFiguresAsNumbersSharesAsPercentagesAndMonthsAsDates() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ReportExports.xlsx(report(), out);

        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            assertThat(workbook.getNumberOfSheets())
                    .isEqualTo(ReportTables.of(report()).size() + 1);
            assertThat(workbook.getSheetName(0)).isEqualTo("Report");
            assertThat(workbook.getSheetName(1)).isEqualTo("Summary");
            assertThat(workbook.getSheetName(2)).isEqualTo("Entry by intake month");
            assertThat(workbook.getSheetName(workbook.getNumberOfSheets() - 1)).isEqualTo("MI fidelity (MITI 4.2.1)");
            assertThat(workbook.getSheet("Report").getRow(2).getCell(0).getStringCellValue())
                    .isEqualTo("2026-03-01 to 2026-04-30");

            Sheet summary = workbook.getSheet("Summary");
            Cell header = summary.getRow(0).getCell(0);
            assertThat(header.getStringCellValue()).isEqualTo("Figure");
            assertThat(workbook.getFontAt(header.getCellStyle().getFontIndex()).getBold())
                    .isTrue();
            assertThat(summary.getPaneInformation().isFreezePane())
                    .as("the header row stays in view")
                    .isTrue();
            assertThat(summary.getColumnWidth(0))
                    .as("the figure names fit their column")
                    .isGreaterThanOrEqualTo("Cancelled by the family under 24 hours".length() * 256);
            Cell opened = summary.getRow(1).getCell(1);
            assertThat(opened.getCellType()).as("12 as a number, in B2").isEqualTo(CellType.NUMERIC);
            assertThat(opened.getNumericCellValue()).isEqualTo(12);
            Sheet cohorts = workbook.getSheet("Entry by intake month");
            Cell march = cohorts.getRow(1).getCell(0);
            assertThat(DateUtil.isCellDateFormatted(march))
                    .as("an intake month is a date")
                    .isTrue();
            assertThat(march.getLocalDateTimeCellValue().toLocalDate()).isEqualTo(LocalDate.of(2026, 3, 1));
            assertThat(new DataFormatter(Locale.US).formatCellValue(march)).isEqualTo("Mar 2026");
            Cell withheld = cohorts.getRow(2).getCell(1);
            assertThat(withheld.getCellType()).as("a withheld count is text").isEqualTo(CellType.STRING);
            assertThat(withheld.getStringCellValue()).isEqualTo("<5");
        }
    }

    @Test
    void aShareIsAPercentageCell() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ReportExports.xlsx(
                List.of("Hearth program report"),
                List.of(new ReportTables.Table(
                        "Group attendance",
                        List.of("Group", "Meetings", "Attended", "Excused"),
                        List.of(List.of("Tuesday evening group", 12L, "83%", "<5")))),
                out);

        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            Cell attended = workbook.getSheet("Group attendance").getRow(1).getCell(2);
            assertThat(attended.getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(attended.getNumericCellValue()).isEqualTo(0.83);
            assertThat(new DataFormatter(Locale.US).formatCellValue(attended)).isEqualTo("83%");
            assertThat(workbook.getSheet("Group attendance")
                            .getRow(1)
                            .getCell(3)
                            .getStringCellValue())
                    .isEqualTo("<5");
        }
    }

    @Test
    void theProgramReportPdfCarriesTheScopeTheChartsTitlesAndTheWithheldCells() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ReportPdf.write(report(), out);
        try (PDDocument pdf = Loader.loadPDF(out.toByteArray())) {
            String text = new PDFTextStripper().getText(pdf);
            assertThat(text)
                    .contains("Hearth program report")
                    .contains("Family Recovery Program")
                    .contains("2026-03-01 to 2026-04-30")
                    .contains("Treatment entry by intake month")
                    .contains("Time to treatment entry")
                    .contains("Loved ones' episodes opened 12")
                    .contains("Stigma or shame <5")
                    .contains("counts of 1 to 4 show as <5");
            assertThat(pdf.getDocumentInformation().getTitle()).isEqualTo("Hearth program report");
        }
    }

    @Test
    void anIdentifiedListExportsOneRowPerRecordWithItsFamily() throws IOException {
        FigureList list = new FigureList(
                ReportFigure.NO_CONTACT,
                null,
                "family",
                List.of(
                        new FigureList.Row(1, 11L, "F-2026-0007", "Alvarez"),
                        new FigureList.Row(2, 12L, "F-2026-0012", "=HYPERLINK(\"x\")")),
                true);
        List<String> heading = List.of("Hearth: the families behind a report figure", "Figure: no contact");

        ByteArrayOutputStream csv = new ByteArrayOutputStream();
        ReportExports.csv(list, heading, csv);
        assertThat(csv.toString(StandardCharsets.UTF_8))
                .startsWith("Hearth: the families behind a report figure\r\nFigure: no contact\r\n")
                .contains("1,F-2026-0007,Alvarez\r\n")
                .as("a name that looks like a formula is defused")
                .contains("2,F-2026-0012,\"'=HYPERLINK(\"\"x\"\")\"\r\n");
        List<List<String>> read = org.apache.commons.csv.CSVFormat.RFC4180
                .parse(new java.io.StringReader(csv.toString(StandardCharsets.UTF_8)))
                .stream()
                .map(record -> record.toList())
                .toList();
        assertThat(read).contains(List.of("#", "Case number", "Family"), List.of("1", "F-2026-0007", "Alvarez"));

        ByteArrayOutputStream xlsx = new ByteArrayOutputStream();
        ReportExports.xlsx(list, heading, xlsx);
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.toByteArray()))) {
            assertThat(workbook.getSheetName(1)).isEqualTo("Families");
            Sheet families = workbook.getSheetAt(1);
            assertThat(families.getRow(1).getCell(0).getNumericCellValue()).isEqualTo(1);
            assertThat(families.getRow(1).getCell(1).getStringCellValue()).isEqualTo("F-2026-0007");
            Cell formulaLike = families.getRow(2).getCell(2);
            assertThat(formulaLike.getCellType())
                    .as("a name that looks like a formula is text, never a formula")
                    .isEqualTo(CellType.STRING);
            assertThat(formulaLike.getStringCellValue()).isEqualTo("=HYPERLINK(\"x\")");
        }
    }

    @Test
    void aDeIdentifiedListIsNotExportedRowByRow() {
        FigureList list = new FigureList(
                ReportFigure.NO_CONTACT, null, "family", List.of(new FigureList.Row(1, null, null, null)), false);
        Assertions.assertThatThrownBy(() -> ReportExports.csv(list, List.of("x"), new ByteArrayOutputStream()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void sheetNamesAreShortUniqueAndFreeOfForbiddenCharacters() {
        List<String> names = ReportExports.sheetNames(List.of(
                new ReportTables.Table("A very long table title that goes on and on", List.of(), List.of()),
                new ReportTables.Table("A very long table title that goes on and on", List.of(), List.of()),
                new ReportTables.Table("Odd: [names]/here?", List.of(), List.of())));
        assertThat(names).allSatisfy(name -> assertThat(name.length()).isLessThanOrEqualTo(31));
        assertThat(names.get(0)).isNotEqualTo(names.get(1));
        assertThat(names.get(2)).isEqualTo("Odd   names  here").doesNotContain("[", "]", ":", "/", "?");
    }
}
