package org.hearth.family;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CaseNumberTest {

    @Test
    void isWrittenAsTheYearAndAFiveDigitSequence() {
        assertThat(new CaseNumber(2026, 42)).hasToString("F-2026-00042");
        assertThat(new CaseNumber(2027, 99_999)).hasToString("F-2027-99999");
    }

    @Test
    void readsWhatItWrites() {
        assertThat(CaseNumber.parse(" F-2026-00042 ")).isEqualTo(new CaseNumber(2026, 42));
    }

    @Test
    void refusesOtherShapesNamingTheExpectedOne() {
        assertThatThrownBy(() -> CaseNumber.parse("2026-42"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("F-2026-00042");
        assertThatThrownBy(() -> CaseNumber.parse(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aSequenceStartsAtOneAndHasFiveDigits() {
        assertThatThrownBy(() -> new CaseNumber(2026, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CaseNumber(2026, 100_000)).isInstanceOf(IllegalArgumentException.class);
    }
}
