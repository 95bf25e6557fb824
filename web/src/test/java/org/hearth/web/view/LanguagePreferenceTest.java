package org.hearth.web.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class LanguagePreferenceTest {

    @Test
    void aBrowserPreferringSpanishGetsSpanish() {
        assertThat(LanguagePreference.firstSupported(
                        List.of(Locale.forLanguageTag("es-MX")).iterator()))
                .isEqualTo("es");
    }

    @Test
    void theFirstPreferredLanguageHearthSpeaksWins() {
        assertThat(LanguagePreference.firstSupported(List.of(Locale.FRENCH, Locale.forLanguageTag("es"), Locale.ENGLISH)
                        .iterator()))
                .isEqualTo("es");
    }

    @Test
    void aBrowserWithoutEnglishOrSpanishGetsEnglish() {
        assertThat(LanguagePreference.firstSupported(List.of(Locale.GERMAN).iterator()))
                .isEqualTo("en");
        assertThat(LanguagePreference.firstSupported(Collections.emptyIterator()))
                .isEqualTo("en");
    }
}
