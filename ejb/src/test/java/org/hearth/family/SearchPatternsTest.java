package org.hearth.family;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SearchPatternsTest {

    @Test
    void matchesTextContainingWhatWasTyped() {
        assertThat(SearchPatterns.containing("reyes")).isEqualTo("%reyes%");
    }

    @Test
    void wildcardsTypedByTheUserAreSearchedForLiterally() {
        assertThat(SearchPatterns.containing("50%_a\\b")).isEqualTo("%50\\%\\_a\\\\b%");
    }
}
