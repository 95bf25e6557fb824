package org.hearth.notes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MemberRedactionTest {

    private static final String OTHER = MemberRedaction.ANOTHER_FAMILY_MEMBER;

    @Test
    void everyPartOfAHiddenNameGoesInAnyCase() {
        MemberRedaction redaction = MemberRedaction.builder()
                .keep("Grace Okafor")
                .hide("Maria del Carmen Ruiz-Santos", OTHER)
                .build();

        assertThat(redaction.text("Maria del Carmen Ruiz-Santos came. MARIA spoke, then carmen; ruiz and SANTOS"
                        + " agreed with Grace."))
                .isEqualTo(OTHER + " came. " + OTHER + " spoke, then " + OTHER + "; " + OTHER + " and " + OTHER
                        + " agreed with Grace.");
        assertThat(redaction.text("Ruiz-Santos left early.")).isEqualTo(OTHER + " left early.");
    }

    @Test
    void shortNamesGoOnlyAsWholeWords() {
        MemberRedaction redaction =
                MemberRedaction.builder().hide("Al Li", OTHER).hide("Jo", OTHER).build();

        assertThat(redaction.text("Al said Li and jo also liked Alice; JO was glad. Also: al-li, Joanna."))
                .isEqualTo(OTHER + " said " + OTHER + " and " + OTHER + " also liked Alice; " + OTHER
                        + " was glad. Also: " + OTHER + ", Joanna.");
    }

    @Test
    void accentsAndApostrophesDoNotHideAName() {
        MemberRedaction redaction = MemberRedaction.builder()
                .hide("José Núñez", OTHER)
                .hide("Siobhán O'Brien", OTHER)
                .build();

        assertThat(redaction.text("Jose and NUNEZ; josé; Siobhan O’Brien, obrien, O'BRIEN."))
                .isEqualTo(OTHER + " and " + OTHER + "; " + OTHER + "; " + OTHER + ", " + OTHER + ", " + OTHER + ".");
        assertThat(redaction.text("Jos\u0065\u0301 came"))
                .as("a decomposed accent")
                .isEqualTo(OTHER + " came");
    }

    @Test
    void possessivesKeepTheirEnding() {
        MemberRedaction redaction = MemberRedaction.builder()
                .hide("Maria Lopez", OTHER)
                .hide("James Lee", OTHER)
                .build();

        assertThat(redaction.text("Maria's worry; MARIA’S plan; James' car; Maria Lopez's son."))
                .isEqualTo(OTHER + "'s worry; " + OTHER + "’S plan; " + OTHER + "' car; " + OTHER + "'s son.");
    }

    @Test
    void aNamePartTheReaderSharesStaysAloneAndGoesWithinTheHiddenName() {
        MemberRedaction redaction = MemberRedaction.builder()
                .keep("Grace Okafor")
                .hide("Paul Okafor", OTHER)
                .build();

        assertThat(redaction.text("Paul Okafor and Grace Okafor; the Okafor family; Paul's job; okafor paul."))
                .isEqualTo(OTHER + " and Grace Okafor; the Okafor family; " + OTHER + "'s job; okafor " + OTHER + ".");
    }

    @Test
    void richTextIsRedactedInItsTextNotItsTags() {
        MemberRedaction redaction = MemberRedaction.builder()
                .hide("Li B", OTHER)
                .hide("Em Ul", OTHER)
                .build();

        assertThat(redaction.html("<ul><li>Li spoke</li></ul><p><b>Em</b> &amp; b <em>ul</em></p>"))
                .isEqualTo("<ul><li>" + OTHER + " spoke</li></ul><p><b>" + OTHER + "</b> &amp; " + OTHER + " <em>"
                        + OTHER + "</em></p>");
    }

    @Test
    void nobodyToHideLeavesTheTextAsItIs() {
        MemberRedaction redaction =
                MemberRedaction.builder().keep("Grace Okafor").build();

        assertThat(redaction.hidesAnyone()).isFalse();
        assertThat(redaction.text("Grace Okafor came.")).isEqualTo("Grace Okafor came.");
        assertThat(redaction.text(null)).isNull();
        assertThatThrownBy(() -> MemberRedaction.builder().hide("Paul", " "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("placeholder");
    }
}
