package org.hearth.education;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every handout, in both languages, as a counselor would hand it over: one page, with its sources. */
class HandoutsTest {

    static Stream<Arguments> handouts() {
        List<Arguments> all = new ArrayList<>();
        for (EducationTopic topic : EducationTopic.values()) {
            for (String lang : Handouts.LANGUAGES) {
                all.add(Arguments.of(topic, lang));
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0} in {1}")
    @MethodSource("handouts")
    void printsOnOnePageWithItsSourcesAndNothingOfTheClinic(EducationTopic topic, String lang) throws IOException {
        byte[] pdf = Handouts.pdf(topic, lang);

        try (PDDocument read = Loader.loadPDF(pdf)) {
            assertThat(read.getNumberOfPages())
                    .as("pages of %s in %s", topic, lang)
                    .isEqualTo(1);
            String text = new PDFTextStripper().getText(read);
            String sources = lang.equals("es") ? "Fuentes" : "Sources";
            assertThat(text).contains(sources);
            String cited = text.substring(text.indexOf(sources));
            assertThat(cited.split("https://", -1).length - 1)
                    .as("addresses cited in %s %s", topic, lang)
                    .isGreaterThanOrEqualTo(2);
            assertThat(text).contains(Handouts.title(topic, lang).substring(0, 12));
            assertThat(text).contains("911").contains("988");
            assertThat(text).doesNotContainIgnoringCase("hearth");
            assertThat(read.getDocumentInformation().getTitle()).isEqualTo(Handouts.title(topic, lang));
        }
    }

    @Test
    void theSpanishHandoutIsInSpanish() throws IOException {
        try (PDDocument read = Loader.loadPDF(Handouts.pdf(EducationTopic.OVERDOSE_NALOXONE, "es"))) {
            String text = new PDFTextStripper().getText(read);
            assertThat(text).contains("Llame al 911").contains("naloxona").doesNotContain("Call 911");
        }
    }

    @Test
    void theMedicationsHandoutNamesTheThreeMedicines() throws IOException {
        try (PDDocument read = Loader.loadPDF(Handouts.pdf(EducationTopic.MEDICATIONS, "en"))) {
            String text = new PDFTextStripper().getText(read);
            assertThat(text).contains("Methadone").contains("Buprenorphine").contains("Naltrexone");
        }
    }

    @Test
    void aTopicIsFoundByItsAddressAndOnlyThen() {
        for (EducationTopic topic : EducationTopic.values()) {
            assertThat(EducationTopic.ofSlug(topic.slug())).contains(topic);
        }
        assertThat(EducationTopic.ofSlug("OVERDOSE_NALOXONE")).isEmpty();
        assertThat(EducationTopic.ofSlug("tarot")).isEmpty();
        assertThat(Handouts.fileName(EducationTopic.SELF_CARE, "es")).isEqualTo("handout-self-care-es.pdf");
    }

    @Test
    void thereAreNoHandoutsInOtherLanguages() {
        assertThat(Handouts.speaks("fr")).isFalse();
        assertThatThrownBy(() -> Handouts.pdf(EducationTopic.SELF_CARE, "fr"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
