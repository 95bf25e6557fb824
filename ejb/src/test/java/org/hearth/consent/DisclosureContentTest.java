package org.hearth.consent;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.hearth.notes.GroupNotePrivacy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A disclosure under Grace's consent, in a family of three (Grace and Paul Okafor, Lucía Ruiz), read back from
 * its JSON and its PDF as the recipient would: only Grace's sessions, meetings and rulers, and neither Paul nor
 * Lucía named anywhere.
 */
class DisclosureContentTest {

    private static final ZoneId ZONE = ZoneId.of("America/New_York");
    private static final long FAMILY = 7;
    private static final DisclosureContent.Member GRACE = new DisclosureContent.Member(1, "Grace Okafor");
    private static final DisclosureContent.Member PAUL = new DisclosureContent.Member(2, "Paul Okafor");
    private static final DisclosureContent.Member LUCIA = new DisclosureContent.Member(3, "Lucía Ruiz");

    /** Every word that would name Paul or Lucía, or the other family's participant. */
    private static final List<String> OTHERS_NAMES = List.of("Paul", "Lucía", "Lucia", "Ruiz", "Thandi", "Mbeki");

    @ParameterizedTest
    @EnumSource(DisclosureScope.class)
    void noOtherMemberIsNamedInTheJsonOrThePdf(DisclosureScope scope) throws Exception {
        DisclosureDocument document = document(scope);

        for (String text : List.of(DisclosureJson.render(document), pdfText(document))) {
            for (String name : OTHERS_NAMES) {
                assertThat(text).as("%s under %s", name, scope).doesNotContainIgnoringCase(name);
            }
            assertThat(text).contains("Grace Okafor");
            assertThat(text)
                    .as("the session Grace did not attend")
                    .doesNotContain("2026-02-10")
                    .doesNotContain("only between them");
        }
    }

    @Test
    void theCounselingNotesAreGracesWithTheOthersReplaced() throws Exception {
        DisclosureDocument document = document(DisclosureScope.COUNSELING_NOTES);

        assertThat(lines(document, "SUD counseling notes (signed)"))
                .contains("Data: Grace described [another family member]'s drinking; [another family member]"
                        + " worries too. The Okafor home is calmer.")
                .noneMatch(line -> line.contains("only between them"));
        assertThat(lines(document, "Support group notes (signed)"))
                .contains(
                        "Group: Grace and [another participant] practised requests; [another family member] listened.",
                        "Own section: Grace set a boundary.")
                .noneMatch(line -> line.contains("his own section"));
        assertThat(document.purpose()).isEqualTo("coordinate care; [another family member] knows");
        assertThat(pdfText(document)).contains("[another family member]").contains("[another participant]");
    }

    @Test
    void attendanceAndReadinessAreGracesOnly() {
        DisclosureDocument document = document(DisclosureScope.FULL_RECORD);

        assertThat(lines(document, "Family sessions"))
                .containsExactly(
                        "2026-02-03 10:00 - family therapy - completed", "2026-02-17 10:00 - individual - no show");
        assertThat(lines(document, "Readiness to change (rulers 0-10, from signed session notes)"))
                .containsExactly("2026-02-03 - importance 3, confidence 4, readiness 5");
        assertThat(lines(document, "Sessions with their counselor and note"))
                .containsExactly(
                        "2026-02-03 10:00 - family therapy with Carlos Rivera - note signed",
                        "2026-02-17 10:00 - individual with Carlos Rivera - no signed note");
        assertThat(lines(document, "SUD counseling notes (signed)"))
                .as("notes need a consent of their own")
                .isEmpty();
    }

    private static List<String> lines(DisclosureDocument document, String title) {
        return document.sections().stream()
                .filter(s -> s.title().equals(title))
                .flatMap(s -> s.lines().stream())
                .toList();
    }

    private static String pdfText(DisclosureDocument document) throws Exception {
        try (PDDocument read = Loader.loadPDF(DisclosurePdf.render(document, ZONE))) {
            return new PDFTextStripper().getText(read);
        }
    }

    private static DisclosureDocument document(DisclosureScope scope) {
        Instant first = Instant.parse("2026-02-03T15:00:00Z");
        Instant notGraces = Instant.parse("2026-02-10T15:00:00Z");
        Instant third = Instant.parse("2026-02-17T15:00:00Z");
        List<DisclosureContent.FamilySession> sessions = List.of(
                new DisclosureContent.FamilySession(
                        first,
                        "FAMILY_THERAPY",
                        "COMPLETED",
                        "Carlos Rivera",
                        Set.of(GRACE.id(), PAUL.id()),
                        new DisclosureContent.Note(
                                "Carlos Rivera",
                                first.plusSeconds(7200),
                                "<p>Grace described <b>PAUL</b>'s drinking; lucia worries too. The Okafor home is"
                                        + " calmer.</p>",
                                "<p>Paul Okafor is pre-contemplative.</p>",
                                "<p>Lucía Ruiz to call.</p>")),
                new DisclosureContent.FamilySession(
                        notGraces,
                        "FAMILY_THERAPY",
                        "COMPLETED",
                        "Carlos Rivera",
                        Set.of(PAUL.id(), LUCIA.id()),
                        new DisclosureContent.Note(
                                "Carlos Rivera",
                                notGraces.plusSeconds(7200),
                                "<p>Said only between them.</p>",
                                "<p>only between them</p>",
                                "<p>only between them</p>")),
                new DisclosureContent.FamilySession(
                        third, "INDIVIDUAL", "NO_SHOW", "Carlos Rivera", Set.of(GRACE.id()), null));
        List<GroupNotePrivacy.Participant> participants = List.of(
                new GroupNotePrivacy.Participant(GRACE.id(), FAMILY, GRACE.fullName()),
                new GroupNotePrivacy.Participant(PAUL.id(), FAMILY, PAUL.fullName()),
                new GroupNotePrivacy.Participant(21, 8, "Thandi Mbeki"));
        Instant meeting = Instant.parse("2026-02-05T23:00:00Z");
        List<DisclosureContent.GroupMeeting> meetings = List.of(new DisclosureContent.GroupMeeting(
                meeting,
                "Tuesday CRAFT group",
                "PRESENT",
                new DisclosureContent.GroupMeetingNote(
                        "Carlos Rivera",
                        meeting.plusSeconds(5400),
                        "<p>Grace and Thandi practised requests; paul listened.</p>",
                        "<p>Grace set a boundary.</p>",
                        participants)));
        List<DisclosureContent.Readiness> readiness = List.of(
                new DisclosureContent.Readiness(first, GRACE.id(), 3, 4, 5),
                new DisclosureContent.Readiness(first, PAUL.id(), 9, 9, 9));
        DisclosureContent.Facts facts = new DisclosureContent.Facts(
                "Family Recovery",
                "F-2026-00042",
                "Dr. Ana Lima, Riverside Treatment Center",
                "coordinate care; Paul knows",
                17,
                scope,
                "signed 2026-03-01, in force 2026-03-01 to 2026-09-01",
                Instant.parse("2026-03-05T15:30:00Z"),
                "Carlos Rivera",
                List.of("Program: Family Recovery", "Counselor: Carlos Rivera"));
        return DisclosureContent.document(
                facts, GRACE, FAMILY, List.of(GRACE, PAUL, LUCIA), sessions, meetings, readiness, ZONE);
    }
}
