package org.hearth.notes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class GroupNotePrivacyTest {

    private static final long OKAFOR = 1;
    private static final long MBEKI = 2;

    private final List<GroupNotePrivacy.Participant> participants = List.of(
            new GroupNotePrivacy.Participant(11, OKAFOR, "Grace Okafor"),
            new GroupNotePrivacy.Participant(12, OKAFOR, "Paul Okafor"),
            new GroupNotePrivacy.Participant(21, MBEKI, "Thandi Mbeki"));

    @Test
    void aFamilyReadsTheBodyWithOtherFamiliesParticipantsNamesTakenOut() {
        String body = "<p>Grace and Thandi practised positive requests; THANDI led the role play. Mbeki family "
                + "shared a win. Thandiwe is not a participant.</p>";

        assertThat(GroupNotePrivacy.bodyFor(OKAFOR, body, participants))
                .isEqualTo("<p>Grace and [another participant] practised positive requests; [another participant]"
                        + " led the role play. [another participant] family shared a win. Thandiwe is not a"
                        + " participant.</p>");
        assertThat(GroupNotePrivacy.bodyFor(MBEKI, body, participants))
                .as("the Mbekis read their own name, and not Grace's")
                .isEqualTo("<p>[another participant] and Thandi practised positive requests; THANDI led the role"
                        + " play. Mbeki family shared a win. Thandiwe is not a participant.</p>");
    }

    @Test
    void theFullNameGoesAsOneAndShortNamesGoAsWholeWords() {
        List<GroupNotePrivacy.Participant> group = List.of(
                new GroupNotePrivacy.Participant(1, OKAFOR, "Al Okafor"),
                new GroupNotePrivacy.Participant(2, MBEKI, "Bo Li"));

        assertThat(GroupNotePrivacy.bodyFor(MBEKI, "Al Okafor spoke; Okafor agreed.", group))
                .isEqualTo("[another participant] spoke; [another participant] agreed.");
        assertThat(GroupNotePrivacy.bodyFor(
                        OKAFOR, "<ul><li>Bo Li spoke; bo agreed, LI too. Bob, Lia.</li></ul>", group))
                .as("a two-letter name goes as a word, never inside a word or a tag")
                .isEqualTo("<ul><li>[another participant] spoke; [another participant] agreed, [another participant]"
                        + " too. Bob, Lia.</li></ul>");
    }

    @Test
    void aFamilyReadsOnlyItsOwnMembersSections() {
        List<GroupNotePrivacy.Section> sections = List.of(
                new GroupNotePrivacy.Section(11, OKAFOR, "Grace set a boundary."),
                new GroupNotePrivacy.Section(21, MBEKI, "Thandi felt heard."),
                new GroupNotePrivacy.Section(12, OKAFOR, "Paul listened."));

        assertThat(GroupNotePrivacy.sectionsFor(OKAFOR, sections))
                .extracting(GroupNotePrivacy.Section::text)
                .containsExactly("Grace set a boundary.", "Paul listened.");
        assertThat(GroupNotePrivacy.sectionsFor(MBEKI, sections))
                .extracting(GroupNotePrivacy.Section::text)
                .containsExactly("Thandi felt heard.");
    }
}
