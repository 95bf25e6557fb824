package org.hearth.resources;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The sheet may be found at home by the loved one: its own words (the template's, every label included) must name
 * no person of the family, no health matter, no substance, no program and no case.
 */
class ResourceSheetTest {

    /** Words (and word stems) that would tell what the sheet is about, in English and Spanish, without accents. */
    private static final Set<String> FORBIDDEN = Set.of(
            "family",
            "familia",
            "familiar",
            "loved",
            "son",
            "daughter",
            "hijo",
            "hija",
            "husband",
            "wife",
            "esposo",
            "esposa",
            "partner",
            "pareja",
            "patient",
            "paciente",
            "client",
            "cliente",
            "member",
            "miembro",
            "addict",
            "adict",
            "substance",
            "sustancia",
            "drug",
            "droga",
            "alcohol",
            "opioid",
            "opioide",
            "heroin",
            "heroina",
            "fentanyl",
            "fentanilo",
            "overdose",
            "sobredosis",
            "naloxone",
            "naloxona",
            "narcan",
            "diagnos",
            "disorder",
            "trastorno",
            "treatment",
            "tratamiento",
            "therapy",
            "terapia",
            "counsel",
            "consejer",
            "program",
            "programa",
            "case",
            "caso",
            "clinic",
            "clinica",
            "recovery",
            "recuperacion",
            "craft",
            "hearth",
            "sober",
            "sobrio",
            "relapse",
            "recaida",
            "use",
            "consumo");

    @ParameterizedTest
    @ValueSource(strings = {"en", "es"})
    void theTemplateHoldsNoWordThatTellsWhatItIsAbout(String language) {
        String text = ResourceSheet.template(language).text() + " "
                + ResourceSheet.template(language).title();

        List<String> words = Arrays.stream(plain(text).split("[^a-z0-9]+"))
                .filter(w -> !w.isEmpty())
                .toList();
        assertThat(words).isNotEmpty();
        assertThat(words)
                .filteredOn(w -> FORBIDDEN.stream().anyMatch(f -> f.length() <= 4 ? w.equals(f) : w.startsWith(f)))
                .as("words of the %s sheet that tell what it is about", language)
                .isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "es"})
    void theSheetPrintsEachEntrysNameHowToReachItAndWhenUnderANeutralHeading(String language) throws IOException {
        List<ResourceSheet.Entry> entries = List.of(
                new ResourceSheet.Entry(
                        "Tuesday Night Group",
                        "(937) 555-0147",
                        null,
                        "12 Elm St, Dayton",
                        "Tuesdays 7 pm",
                        ResourceSetting.IN_PERSON),
                new ResourceSheet.Entry(
                        "988 Lifeline", "988", "https://988lifeline.org", null, "24/7", ResourceSetting.BOTH));

        String printed = textOf(ResourceSheet.render(entries, language, LocalDate.of(2026, 12, 7)));

        assertThat(printed)
                .contains(language.equals("es") ? "Contactos que pueden serle útiles" : "Contacts you may find helpful")
                .contains("Tuesday Night Group", "(937) 555-0147", "12 Elm St, Dayton", "Tuesdays 7 pm")
                .contains("988 Lifeline", "https://988lifeline.org", "24/7")
                .contains(language.equals("es") ? "Teléfono" : "Phone")
                .contains(language.equals("es") ? "7/12/2026" : "12/7/2026");
    }

    private static String textOf(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    private static String plain(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT)
                .lines()
                .collect(Collectors.joining(" "));
    }
}
