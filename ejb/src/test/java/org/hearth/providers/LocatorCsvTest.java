package org.hearth.providers;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.hearth.engagement.LevelOfCare;
import org.hearth.security.Invalid;
import org.junit.jupiter.api.Test;

class LocatorCsvTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 7);

    private static String sample(String name) throws IOException {
        return Files.readString(Path.of("..", "docs", "samples", name));
    }

    private static List<String> problemsOf(LocatorCsv.Read read) {
        return read.rows().stream()
                .flatMap(r -> r.problems().stream())
                .map(p -> "row " + p.row() + " " + p.column())
                .toList();
    }

    @Test
    void theSampleFileReadsWithoutAProblem() throws IOException {
        LocatorCsv.Read read = LocatorCsv.read(sample("treatment-locator-sample.csv"), TODAY);
        assertThat(read.fileProblems()).isEmpty();
        assertThat(read.rows()).hasSize(25);
        assertThat(problemsOf(read)).isEmpty();
    }

    @Test
    void codesBecomeLevelsMedicationsPaymentsLanguagesAndPopulations() throws IOException {
        LocatorCsv.Read read = LocatorCsv.read(sample("treatment-locator-sample.csv"), TODAY);
        LocatorCsv.Row first = read.rows().get(0);
        assertThat(first.row()).isEqualTo(2);
        assertThat(first.locatorId()).isEqualTo("OH-10400");
        ProviderDetails details = first.details();
        assertThat(details.name()).isEqualTo("Riverbend Recovery Center");
        assertThat(details.levelsOfCare())
                .containsExactlyInAnyOrder(LevelOfCare.WITHDRAWAL_MANAGEMENT, LevelOfCare.RESIDENTIAL);
        assertThat(details.medications())
                .containsExactlyInAnyOrder(OudMedication.METHADONE, OudMedication.BUPRENORPHINE_NALOXONE);
        assertThat(details.payments())
                .containsExactlyInAnyOrder(
                        Payment.MEDICAID, Payment.MEDICARE, Payment.PRIVATE_INSURANCE, Payment.SLIDING_FEE);
        assertThat(details.languages()).containsExactlyInAnyOrder("en", "es", "asl");
        assertThat(details.coOccurringCare()).isTrue();
        assertThat(details.confirmedOn()).isEqualTo(TODAY);
        LocatorCsv.Row spanish = read.rows().stream()
                .filter(r -> r.details().name().startsWith("La Puerta"))
                .findFirst()
                .orElseThrow();
        assertThat(spanish.details().languages()).containsExactlyInAnyOrder("en", "es", "asl", "pt");
    }

    @Test
    void theSecondNameAndStreetLineAreKept() throws IOException {
        LocatorCsv.Read read = LocatorCsv.read(sample("treatment-locator-sample.csv"), TODAY);
        ProviderDetails clearwater = read.rows().get(2).details();
        assertThat(clearwater.name()).isEqualTo("Clearwater Family Health - Addiction Services");
        ProviderDetails miami = read.rows().get(1).details();
        assertThat(miami.street()).isEqualTo("455 Wayne Ave, Suite 2");
    }

    @Test
    void everyBrokenRowOfTheBadSampleIsNamedByRowAndColumn() throws IOException {
        LocatorCsv.Read read = LocatorCsv.read(sample("treatment-locator-bad-rows.csv"), TODAY);
        assertThat(read.fileProblems()).isEmpty();
        assertThat(problemsOf(read))
                .containsExactly(
                        "row 3 zip",
                        "row 4 state",
                        "row 4 phone",
                        "row 6 name1",
                        "row 7 MD",
                        "row 7 website",
                        "row 9 locator_id");
        Invalid.Reason duplicate = read.rows().get(7).problems().get(0).reason();
        assertThat(duplicate.englishText()).isEqualTo("The locator id OH-BAD-1 is already on row 2 of this file.");
        Invalid.Reason code = read.rows().get(5).problems().get(0).reason();
        assertThat(code.englishText()).isEqualTo("The column MD holds 1 (offered) or 0, not \"maybe\".");
    }

    @Test
    void aFileWithoutTheLocatorsColumnsIsRefusedAsAWhole() {
        LocatorCsv.Read read = LocatorCsv.read("facility,town\nRiverbend,Dayton\n", TODAY);
        assertThat(read.rows()).isEmpty();
        assertThat(read.fileProblems()).singleElement().satisfies(p -> assertThat(p.englishText())
                .isEqualTo("The file has no column name1, city, state: is it a treatment-locator export?"));
    }

    @Test
    void anEmptyFileOrAHeaderAloneHasNoProviders() {
        assertThat(LocatorCsv.read("", TODAY).fileProblems()).hasSize(1);
        assertThat(LocatorCsv.read("name1,city,state\n", TODAY).fileProblems())
                .singleElement()
                .satisfies(p -> assertThat(p.englishText()).isEqualTo("The file has no providers in it."));
    }

    @Test
    void aRowWithTooFewValuesIsNamed() {
        LocatorCsv.Read read = LocatorCsv.read("name1,city,state,zip\nRiverbend,Dayton\n", TODAY);
        assertThat(read.rows().get(0).problems())
                .extracting(p -> p.reason().englishText())
                .contains("The row has 2 values where the header has 4 columns.");
    }

    @Test
    void headersAreReadInAnyCaseAndTheByteOrderMarkIsIgnored() {
        LocatorCsv.Read read = LocatorCsv.read("\uFEFFNAME1,City,STATE,md\nRiverbend,Dayton,oh,1\n", TODAY);
        assertThat(problemsOf(read)).isEmpty();
        assertThat(read.rows().get(0).details().state()).isEqualTo("OH");
        assertThat(read.rows().get(0).details().payments()).containsExactly(Payment.MEDICAID);
    }

    @Test
    void aBrokenQuoteIsSaidOnceForTheFile() {
        LocatorCsv.Read read = LocatorCsv.read("name1,city,state\n\"Riverbend,Dayton,OH\n", TODAY);
        assertThat(read.rows()).isEmpty();
        assertThat(read.fileProblems()).hasSize(1);
    }
}
