package org.hearth.groups;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Locale;
import java.util.Optional;
import org.hearth.messages.Letter;
import org.hearth.messages.Letters;
import org.junit.jupiter.api.Test;

class SeatOfferLetterTest {

    private static final ZoneId CLINIC = ZoneId.of("America/New_York");
    private static final ZonedDateTime FIRST_MEETING = ZonedDateTime.of(2026, 12, 23, 18, 0, 0, 0, CLINIC);
    private static final ZonedDateTime DEADLINE = ZonedDateTime.of(2026, 12, 10, 15, 10, 0, 0, CLINIC);

    private static Letter letter(Locale language, Optional<String> address) {
        return new SeatOfferLetter(
                        language,
                        FIRST_MEETING,
                        DEADLINE,
                        address,
                        "https://hearth.example/m/take",
                        "https://hearth.example/m/no")
                .letter();
    }

    @Test
    void theOfferSaysWhenThePlaceMeetsAndByWhenToAnswerWithTheAddressAndBothLinks() {
        Letter letter = letter(Letters.ENGLISH, Optional.of("12 Main Street, Springfield"));

        assertThat(letter.subject()).isEqualTo("A place has opened for you at the clinic");
        assertThat(letter.text())
                .isEqualTo(
                        """
                        A place has opened for you at the clinic on Wednesdays at 6:00 PM, starting Wednesday, \
                        December 23. Please answer by Thursday, December 10 at 3:10 PM.
                        Address: 12 Main Street, Springfield

                        Take the seat: https://hearth.example/m/take

                        No thanks: https://hearth.example/m/no""");
    }

    @Test
    void aSpanishSpeakingMemberReadsItInSpanishAtTheClinicsTimeAndWithoutAnAddressWhenNoneIsSet() {
        Letter letter = letter(Letters.SPANISH, Optional.empty());

        assertThat(letter.subject()).isEqualTo("Hay un lugar para usted en la clínica");
        assertThat(letter.text())
                .startsWith("Hay un lugar para usted en la clínica los miércoles a las 18:00, a partir del miércoles"
                        + " 23 de diciembre. Por favor, responda antes del jueves 10 de diciembre a las 15:10.\n\n")
                .contains("Acepto el lugar: https://hearth.example/m/take")
                .contains("No, gracias: https://hearth.example/m/no")
                .doesNotContain("Dirección");
    }
}
