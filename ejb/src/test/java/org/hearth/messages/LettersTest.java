package org.hearth.messages;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.ResourceBundle;
import org.junit.jupiter.api.Test;

/**
 * A loved one who finds a message learns only that there is an appointment at the clinic: every template of both
 * bundles, and every reminder as written, is read against the words that would say more (issue 26), in English and
 * Spanish, whatever their case or accents, as word stems ("counsel" catches "counselor", "counseling").
 */
class LettersTest {

    /** Stems that must appear in no letter: the kinds of session, programs, substances, care. */
    static final List<String> FORBIDDEN = List.of(
            // English
            "family program",
            "program",
            "group",
            "therap",
            "counsel",
            "treatment",
            "recover",
            "addict",
            "drug",
            "overdose",
            "naloxone",
            "narcan",
            "substance",
            "alcohol",
            "opioid",
            "opiate",
            "heroin",
            "cocaine",
            "fentanyl",
            "meth",
            "cannabis",
            "marijuana",
            "sober",
            "relapse",
            "rehab",
            "craft",
            "intake",
            "detox",
            "abuse",
            "dependence",
            "mental",
            "clinician",
            "psych",
            // Spanish
            "programa",
            "grupo",
            "terapi",
            "consej",
            "orientador",
            "tratamiento",
            "recupera",
            "adiccion",
            "adicto",
            "droga",
            "sobredosis",
            "naloxona",
            "sustancia",
            "alcohol",
            "opioide",
            "opiaceo",
            "heroina",
            "cocaina",
            "fentanilo",
            "metanfetamina",
            "marihuana",
            "sobrie",
            "recaida",
            "rehabilita",
            "desintoxica",
            "abuso",
            "dependencia",
            "salud mental",
            "psic");

    static final Locale[] LANGUAGES = {Letters.ENGLISH, Letters.SPANISH};

    @Test
    void noTemplateOfEitherLanguageSaysMoreThanAnAppointmentAtTheClinic() {
        for (Locale language : LANGUAGES) {
            ResourceBundle bundle = Letters.bundle(language);
            assertThat(bundle.keySet()).as("the letters in " + language).isNotEmpty();
            for (String key : bundle.keySet()) {
                assertClean(language + " " + key, bundle.getString(key));
            }
        }
    }

    @Test
    void bothLanguagesHoldEveryTemplate() {
        assertThat(Letters.bundle(Letters.SPANISH).keySet())
                .containsExactlyInAnyOrderElementsOf(
                        Letters.bundle(Letters.ENGLISH).keySet());
        assertThat(Letters.bundle(Letters.SPANISH).getLocale()).isEqualTo(Letters.SPANISH);
    }

    @Test
    void aReminderGivesTheDayTheTimeInTheClinicsZoneTheAddressAndBothLinksAndNothingElse() {
        Instant at = Instant.parse("2026-12-08T20:00:00Z"); // 3:00 PM in New York
        ZoneId zone = ZoneId.of("America/New_York");

        Letter english = ReminderText.reminder(
                Letters.ENGLISH,
                at,
                zone,
                Optional.of("12 Elm Street, Springfield"),
                "https://x/m/yes",
                "https://x/m/no");
        assertThat(english.subject()).isEqualTo("Reminder: your appointment on Tuesday, December 8");
        assertThat(english.text())
                .isEqualTo(
                        """
                        You have an appointment at the clinic on Tuesday, December 8 at 3:00 PM.
                        Address: 12 Elm Street, Springfield

                        I'll be there: https://x/m/yes

                        I can't come: https://x/m/no""");

        Letter spanish =
                ReminderText.reminder(Letters.SPANISH, at, zone, Optional.empty(), "https://x/m/yes", "https://x/m/no");
        assertThat(spanish.subject()).isEqualTo("Recordatorio: su cita del martes 8 de diciembre");
        assertThat(spanish.text())
                .startsWith("Tiene una cita en la clínica el martes 8 de diciembre a las 15:00.\n\nAsistiré: ")
                .doesNotContain("Dirección")
                .contains("No puedo ir: https://x/m/no");

        for (Letter letter : List.of(english, spanish)) {
            assertClean("reminder", letter.subject());
            assertClean("reminder", letter.text().replaceAll("https://\\S+", ""));
        }
        assertClean("opt-out", Letters.optOutLine(Letters.ENGLISH, ""));
        assertClean("opt-out", Letters.optOutLine(Letters.SPANISH, ""));
    }

    @Test
    void aVideoAppointmentsReminderSaysVideoAndGivesNoAddress() {
        Instant at = Instant.parse("2026-12-08T20:00:00Z"); // 3:00 PM in New York
        ZoneId zone = ZoneId.of("America/New_York");

        Letter english = ReminderText.videoReminder(Letters.ENGLISH, at, zone, "https://x/m/yes", "https://x/m/no");
        assertThat(english.text())
                .startsWith("You have a video appointment with the clinic on Tuesday, December 8 at 3:00 PM.\n\n")
                .doesNotContain("Address")
                .contains("I'll be there: https://x/m/yes", "I can't come: https://x/m/no");
        Letter spanish = ReminderText.videoReminder(Letters.SPANISH, at, zone, "https://x/m/yes", "https://x/m/no");
        assertThat(spanish.text())
                .startsWith("Tiene una cita por video con la clínica el martes 8 de diciembre a las 15:00.");

        for (Letter letter : List.of(english, spanish)) {
            assertClean("video reminder", letter.text().replaceAll("https://\\S+", ""));
        }
    }

    @Test
    void theCheckCatchesAForbiddenWordWhateverItsCaseOrAccents() {
        assertThat(forbiddenIn("Your Counselor is waiting")).containsExactly("counsel");
        assertThat(forbiddenIn("su TERAPIA familiar")).containsExactly("terapi");
        assertThat(forbiddenIn("la adicción")).containsExactly("adiccion");
        assertThat(forbiddenIn("an appointment at the clinic")).isEmpty();
    }

    private static void assertClean(String what, String text) {
        assertThat(forbiddenIn(text)).as(what + ": " + text).isEmpty();
    }

    static List<String> forbiddenIn(String text) {
        String plain = Normalizer.normalize(text, Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT);
        List<String> found = new ArrayList<>();
        for (String stem : FORBIDDEN) {
            if (plain.matches("(?s).*\\b" + java.util.regex.Pattern.quote(stem) + ".*") && !found.contains(stem)) {
                found.add(stem);
            }
        }
        return found;
    }
}
