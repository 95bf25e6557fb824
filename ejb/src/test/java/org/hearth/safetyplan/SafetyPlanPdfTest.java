package org.hearth.safetyplan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.ResourceBundle;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The printed safety plan may be found by the loved one: every printed word, in both languages, is run through the
 * forbidden-word list, and so is the whole text of a printed plan.
 */
class SafetyPlanPdfTest {

    private static PrintedPlan plan(String language, boolean withLeaving) {
        return new PrintedPlan(
                language,
                LocalDate.of(2026, 12, 7),
                List.of("Shouting after midnight", "Money missing from the jar"),
                List.of(
                        new PrintedPlan.Line("Maria Lopez", "Takes the children to the neighbour's"),
                        new PrintedPlan.Line("Jorge Lopez", "Calls the crisis line")),
                List.of(new SafetyPlanContent.Contact("Aunt Rosa", "aunt", "(212) 555-0147")),
                "(212) 555-0100",
                "(212) 555-0199",
                "Top kitchen drawer",
                List.of("Maria Lopez"),
                withLeaving
                        ? new SafetyPlanContent.LeavingSafely(
                                "Rosa's flat",
                                "Bus 12 from the corner",
                                "ID, phone charger",
                                "sunflower",
                                "Rosa",
                                false)
                        : null);
    }

    private static String textOf(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    private static int pagesOf(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return document.getNumberOfPages();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "es"})
    void noPrintedWordNamesADiagnosisSubstanceTreatmentOrProgram(String language) {
        ResourceBundle words = SafetyPlanPdf.words(language);
        assertThat(Collections.list(words.getKeys())).hasSizeGreaterThan(20);
        for (String key : Collections.list(words.getKeys())) {
            assertThat(PrintedWords.firstIn(words.getString(key)))
                    .as("%s in %s", key, language)
                    .isEmpty();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "es"})
    void thePrintedPlanCarriesTheFamilysPlanAndNoForbiddenWord(String language) throws IOException {
        byte[] pdf = SafetyPlanPdf.render(plan(language, true));
        String text = textOf(pdf);
        assertThat(PrintedWords.firstIn(text)).isEmpty();
        assertThat(text)
                .contains(SafetyPlanPdf.title(language))
                .contains("Shouting after midnight")
                .contains("Maria Lopez")
                .contains("Takes the children to the neighbour's")
                .contains("988")
                .contains("(212) 555-0100")
                .contains("Aunt Rosa (aunt)")
                .contains("Top kitchen drawer")
                .contains("sunflower");
        assertThat(text).doesNotContain("F-20");
        assertThat(text).contains("es".equals(language) ? "Aerosol nasal de emergencia" : "Emergency nasal spray");
        assertThat(pagesOf(pdf)).as("the leaving part starts its own page").isEqualTo(2);
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "es"})
    void aPlanWithoutALeavingPartPrintsOnOnePage(String language) throws IOException {
        byte[] pdf = SafetyPlanPdf.render(plan(language, false));
        assertThat(pagesOf(pdf)).isEqualTo(1);
        assertThat(textOf(pdf)).doesNotContain(SafetyPlanPdf.words(language).getString("leaving"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Overdose",
                "DRUGS",
                "opioids",
                "Heroína",
                "fentanilo",
                "addiction",
                "Substance use",
                "treatment",
                "Family Program",
                "tratamientos",
                "sobredosis"
            })
    void theForbiddenWordsAreFoundWhateverTheirCaseAccentsOrEndings(String text) {
        assertThat(PrintedWords.firstIn("We talk about " + text + " at home")).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Shouting at night", "Calls the crisis line", "Hydrogen peroxide", "Mother's method"})
    void ordinaryWordsPass(String text) {
        assertThat(PrintedWords.firstIn(text)).isEmpty();
    }
}
