package org.hearth.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ProgramMembershipTest {

    @Test
    void replacingTheProgramsJoinsTheNewOnesAndLeavesTheOnesNoLongerNamed() {
        ProgramMembership.Change change = ProgramMembership.between(List.of(1L, 2L, 3L), List.of(3L, 4L, 1L));

        assertThat(change.added()).containsExactly(4L);
        assertThat(change.removed()).containsExactly(2L);
        assertThat(change.isNone()).isFalse();
    }

    @Test
    void theSameProgramsInAnotherOrderOrTwiceChangeNothing() {
        assertThat(ProgramMembership.between(List.of(1L, 2L), List.of(2L, 1L, 2L))
                        .isNone())
                .isTrue();
    }

    @Test
    void anEmptyListLeavesEveryProgram() {
        ProgramMembership.Change change = ProgramMembership.between(List.of(5L, 6L), List.of());

        assertThat(change.added()).isEmpty();
        assertThat(change.removed()).containsExactly(5L, 6L);
    }

    @Test
    void aProgramNameIsKeptWithoutOuterSpacesAndWithOneSpaceBetweenWords() {
        assertThat(ProgramMembership.normalizedName("  Family   Recovery\tProgram "))
                .isEqualTo("Family Recovery Program");
        assertThat(ProgramMembership.normalizedName("   ")).isNull();
        assertThat(ProgramMembership.normalizedName(null)).isNull();
    }

    @Test
    void namesDifferingOnlyInCaseOrSpacingAreTheSameProgram() {
        assertThat(ProgramMembership.sameName("Family Recovery", "family  RECOVERY "))
                .isTrue();
        assertThat(ProgramMembership.sameName("Family Recovery", "Family Recovery East"))
                .isFalse();
        assertThat(ProgramMembership.sameName("Family Recovery", " ")).isFalse();
    }

    @Test
    void aProgramNameHoldsTheCharactersOfOrdinaryNamesOnly() {
        assertThat("Family Recovery (East) - Women's & Men's").matches(ProgramMembership.NAME_PATTERN);
        assertThat("Programa de Recuperación Familiar 2").matches(ProgramMembership.NAME_PATTERN);
        assertThat("<script>alert('x')</script>").doesNotMatch(ProgramMembership.NAME_PATTERN);
        assertThat("1'; drop table family; --").doesNotMatch(ProgramMembership.NAME_PATTERN);
        assertThat("-1").doesNotMatch(ProgramMembership.NAME_PATTERN);
    }
}
