package org.hearth.consent;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/** Which consent covers what, and a disclosure read back from its PDF and its JSON as a recipient would. */
class DisclosureDocumentsTest {

    @Test
    void theLevelsNestAndCounselingNotesNeedTheirOwnConsent() {
        assertThat(DisclosureScope.FULL_RECORD.covers(DisclosureScope.SUMMARY)).isTrue();
        assertThat(DisclosureScope.FULL_RECORD.covers(DisclosureScope.ATTENDANCE))
                .isTrue();
        assertThat(DisclosureScope.SUMMARY.covers(DisclosureScope.ATTENDANCE)).isTrue();
        assertThat(DisclosureScope.SUMMARY.covers(DisclosureScope.FULL_RECORD)).isFalse();
        assertThat(DisclosureScope.ATTENDANCE.covers(DisclosureScope.SUMMARY)).isFalse();
        assertThat(DisclosureScope.FULL_RECORD.covers(DisclosureScope.COUNSELING_NOTES))
                .as("the full record does not include counseling notes")
                .isFalse();
        assertThat(DisclosureScope.COUNSELING_NOTES.covers(DisclosureScope.ATTENDANCE))
                .as("a consent for counseling notes covers them only")
                .isFalse();
        assertThat(DisclosureScope.COUNSELING_NOTES.covers(DisclosureScope.COUNSELING_NOTES))
                .isTrue();
    }

    @Test
    void thePdfSaysWhoseRecordToWhomUnderWhichConsentWithTheNoticeOnEveryPage() throws Exception {
        List<String> many = IntStream.rangeClosed(1, 140)
                .mapToObj(i ->
                        "2026-03-" + String.format("%02d", 1 + i % 28) + " 10:00 - family therapy - completed " + i)
                .toList();
        byte[] pdf = DisclosurePdf.render(document(many), ZoneId.of("America/New_York"));

        try (PDDocument read = Loader.loadPDF(pdf)) {
            assertThat(read.getNumberOfPages())
                    .as("long enough for several pages")
                    .isGreaterThanOrEqualTo(3);
            String text = new PDFTextStripper().getText(read);
            assertThat(text)
                    .contains("Disclosure of records under 42 CFR Part 2")
                    .contains("Zoë Núñez (case F-2026-00042)")
                    .contains("Dr. Ana Lima, Riverside Treatment Center")
                    .contains("coordinate care")
                    .contains("#17: signed 2026-03-01")
                    .contains("The record, without counseling notes")
                    .contains("completed 1")
                    .contains("completed 140")
                    .contains("This record which has been disclosed to you is protected by Federal");
            for (int page = 1; page <= read.getNumberOfPages(); page++) {
                PDFTextStripper onePage = new PDFTextStripper();
                onePage.setStartPage(page);
                onePage.setEndPage(page);
                assertThat(onePage.getText(read))
                        .as("page %d", page)
                        .contains("42 CFR part 2 prohibits unauthorized use or disclosure of these records.")
                        .contains("Page " + page);
            }
        }
    }

    @Test
    void aSectionWithNothingSaysSoAndLongWordsWrap() throws Exception {
        DisclosureDocument document = new DisclosureDocument(
                "Program",
                "A",
                "F-1",
                "B",
                "c",
                1,
                DisclosureScope.ATTENDANCE,
                "terms",
                Instant.parse("2026-03-01T15:00:00Z"),
                "Carlos Rivera",
                List.of(
                        new DisclosureDocument.Section("Support group meetings", List.of()),
                        new DisclosureDocument.Section("Long", List.of("x".repeat(400)))));

        try (PDDocument read = Loader.loadPDF(DisclosurePdf.render(document, ZoneId.of("UTC")))) {
            String text = new PDFTextStripper().getText(read);
            assertThat(text).contains("Nothing recorded.");
            assertThat(text.replaceAll("\\s", "")).contains("x".repeat(400));
        }
    }

    @Test
    void valuesPrintAsTypedNeverAsMarkupInAnEmbeddedFont() throws Exception {
        DisclosureDocument document = new DisclosureDocument(
                "Family Recovery",
                "<b>Zoë</b> & Núñez",
                "F-1",
                "Dr. Ana <i>Lima</i>",
                "coordinate care\u0007 after discharge",
                1,
                DisclosureScope.ATTENDANCE,
                "terms",
                Instant.parse("2026-03-01T15:00:00Z"),
                "Carlos Rivera",
                List.of(new DisclosureDocument.Section("Family sessions", List.of("<script>alert(1)</script>"))));

        try (PDDocument read = Loader.loadPDF(DisclosurePdf.render(document, ZoneId.of("UTC")))) {
            String text = new PDFTextStripper().getText(read);
            assertThat(text)
                    .contains("<b>Zoë</b> & Núñez (case F-1)")
                    .contains("Dr. Ana <i>Lima</i>")
                    .contains("coordinate care after discharge")
                    .contains("<script>alert(1)</script>");
            List<PDFont> fonts = new ArrayList<>();
            for (PDPage page : read.getPages()) {
                for (COSName name : page.getResources().getFontNames()) {
                    fonts.add(page.getResources().getFont(name));
                }
            }
            assertThat(fonts).isNotEmpty().allSatisfy(font -> assertThat(font.isEmbedded())
                    .as("%s embedded", font.getName())
                    .isTrue());
        }
    }

    @Test
    void theJsonHasEveryFactEverySectionAndTheNotice() {
        JsonObject json = Json.createReader(new StringReader(DisclosureJson.render(document(List.of("one", "two")))))
                .readObject();

        assertThat(json.getString("member")).isEqualTo("Zoë Núñez");
        assertThat(json.getString("caseNumber")).isEqualTo("F-2026-00042");
        assertThat(json.getString("recipient")).isEqualTo("Dr. Ana Lima, Riverside Treatment Center");
        assertThat(json.getString("scope")).isEqualTo("FULL_RECORD");
        assertThat(json.getJsonNumber("consentId").longValue()).isEqualTo(17);
        assertThat(json.getString("producedAt")).isEqualTo("2026-03-05T15:30:00Z");
        assertThat(json.getString("redisclosureNotice")).isEqualTo(RedisclosureNotice.TEXT);
        assertThat(json.getJsonArray("sections").getJsonObject(0).getString("title"))
                .isEqualTo("Family sessions");
        assertThat(json.getJsonArray("sections")
                        .getJsonObject(0)
                        .getJsonArray("lines")
                        .getString(1))
                .isEqualTo("two");
    }

    private static DisclosureDocument document(List<String> sessions) {
        List<DisclosureDocument.Section> sections = new ArrayList<>();
        sections.add(new DisclosureDocument.Section("Family sessions", sessions));
        sections.add(new DisclosureDocument.Section("In the program", List.of("Program: Family Recovery")));
        return new DisclosureDocument(
                "Family Recovery",
                "Zoë Núñez",
                "F-2026-00042",
                "Dr. Ana Lima, Riverside Treatment Center",
                "coordinate care after discharge",
                17,
                DisclosureScope.FULL_RECORD,
                "signed 2026-03-01, in force 2026-03-01 to 2026-09-01",
                Instant.parse("2026-03-05T15:30:00Z"),
                "Carlos Rivera",
                sections);
    }
}
