package org.hearth.providers;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.hearth.engagement.LevelOfCare;
import org.hearth.security.Invalid;
import org.junit.jupiter.api.Test;

class ProviderRulesTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 7);

    static ProviderDetails details(String name, String state, String zip, String phone, String website) {
        return new ProviderDetails(
                name,
                "1 Main St",
                "Dayton",
                state,
                zip,
                phone,
                website,
                Set.of(LevelOfCare.OUTPATIENT),
                Set.of(OudMedication.METHADONE),
                Set.of(Payment.MEDICAID),
                Set.of("en", "es"),
                Set.of(Population.VETERANS),
                true,
                "Mon-Fri 8-4",
                7,
                TODAY,
                null);
    }

    private static List<String> fieldsAtFault(ProviderDetails details) {
        return ProviderRules.reasons(ProviderRules.normalized(details), TODAY).stream()
                .map(Invalid.Reason::field)
                .toList();
    }

    @Test
    void aCompleteEntryHasNoProblem() {
        assertThat(fieldsAtFault(
                        details("Riverbend", "OH", "45402-1105", "(937) 555-0101 ext. 4", "https://a.example.org")))
                .isEmpty();
    }

    @Test
    void eachFieldAtFaultIsNamedOnItsOwn() {
        assertThat(fieldsAtFault(details(" ", "Ohio", "4540", "555-12", "www.example.org")))
                .containsExactly("name", "state", "zip", "phone", "website");
    }

    @Test
    void aStateTypedInSmallLettersIsKeptInCapitals() {
        ProviderDetails normalized = ProviderRules.normalized(details("A", "oh", null, null, null));
        assertThat(normalized.state()).isEqualTo("OH");
        assertThat(ProviderRules.reasons(normalized, TODAY)).isEmpty();
    }

    @Test
    void phoneNumbersAPersonCanDialArePlausible() {
        assertThat(ProviderRules.isPlausiblePhone("937-555-0101")).isTrue();
        assertThat(ProviderRules.isPlausiblePhone("+1 (937) 555.0101")).isTrue();
        assertThat(ProviderRules.isPlausiblePhone("9375550101 x12")).isTrue();
        assertThat(ProviderRules.isPlausiblePhone("555-0101")).isFalse();
        assertThat(ProviderRules.isPlausiblePhone("(037) 555-0101")).isFalse();
        assertThat(ProviderRules.isPlausiblePhone("call 937 555 0101")).isFalse();
    }

    @Test
    void aWebsiteIsAnHttpAddressWithAHost() {
        assertThat(ProviderRules.isWebsite("http://clinic.example.org/intake")).isTrue();
        assertThat(ProviderRules.isWebsite("ftp://clinic.example.org")).isFalse();
        assertThat(ProviderRules.isWebsite("javascript:alert(1)")).isFalse();
        assertThat(ProviderRules.isWebsite("https://localhost")).isFalse();
    }

    @Test
    void theWaitIsZeroToAYear() {
        ProviderDetails base = details("A", "OH", null, null, null);
        assertThat(fieldsAtFault(withWait(base, 0))).isEmpty();
        assertThat(fieldsAtFault(withWait(base, 365))).isEmpty();
        assertThat(fieldsAtFault(withWait(base, 366))).containsExactly("typicalWaitDays");
        assertThat(fieldsAtFault(withWait(base, -1))).containsExactly("typicalWaitDays");
    }

    @Test
    void onlyKnownLanguageCodesAreKept() {
        ProviderDetails base = details("A", "OH", null, null, null);
        ProviderDetails klingon = new ProviderDetails(
                "A",
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                Set.of("EN", "tlh"),
                null,
                false,
                null,
                null,
                TODAY,
                null);
        assertThat(ProviderRules.normalized(klingon).languages()).containsExactlyInAnyOrder("en", "tlh");
        assertThat(fieldsAtFault(klingon)).containsExactly("languages");
        assertThat(fieldsAtFault(base)).isEmpty();
    }

    @Test
    void detailsCannotBeConfirmedTomorrowNorNever() {
        ProviderDetails base = details("A", "OH", null, null, null);
        assertThat(fieldsAtFault(withConfirmed(base, TODAY.plusDays(1)))).containsExactly("confirmedOn");
        assertThat(fieldsAtFault(withConfirmed(base, null))).containsExactly("confirmedOn");
    }

    @Test
    void aNameOfMoreThan200CharactersIsRefused() {
        assertThat(fieldsAtFault(details("x".repeat(201), "OH", null, null, null)))
                .containsExactly("name");
        assertThat(fieldsAtFault(details("x".repeat(200), "OH", null, null, null)))
                .isEmpty();
    }

    @Test
    void anEntryIsStaleFrom90DaysAfterItsConfirmation() {
        TreatmentProvider provider = new TreatmentProvider(
                null,
                withConfirmed(details("A", "OH", null, null, null), TODAY.minusDays(90)),
                "sam",
                java.time.Instant.EPOCH);
        assertThat(provider.isStale(TODAY)).isTrue();
        assertThat(provider.isStale(TODAY.minusDays(1))).isFalse();
    }

    private static ProviderDetails withWait(ProviderDetails d, Integer wait) {
        return new ProviderDetails(
                d.name(),
                d.street(),
                d.city(),
                d.state(),
                d.zip(),
                d.phone(),
                d.website(),
                d.levelsOfCare(),
                d.medications(),
                d.payments(),
                d.languages(),
                d.populations(),
                d.coOccurringCare(),
                d.intakeHours(),
                wait,
                d.confirmedOn(),
                d.notes());
    }

    private static ProviderDetails withConfirmed(ProviderDetails d, LocalDate on) {
        return new ProviderDetails(
                d.name(),
                d.street(),
                d.city(),
                d.state(),
                d.zip(),
                d.phone(),
                d.website(),
                d.levelsOfCare(),
                d.medications(),
                d.payments(),
                d.languages(),
                d.populations(),
                d.coOccurringCare(),
                d.intakeHours(),
                d.typicalWaitDays(),
                on,
                d.notes());
    }
}
