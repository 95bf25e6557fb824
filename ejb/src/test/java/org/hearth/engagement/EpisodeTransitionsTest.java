package org.hearth.engagement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** The table of moves, checked pair by pair against the same table written out by hand. */
class EpisodeTransitionsTest {

    /**
     * Expected moves, one row per "from" and one column per "to", both in {@link EpisodeStatus} order:
     * {@code x} allowed, {@code .} not.
     */
    private static final String[] EXPECTED = {
        //               REF AMB PRE ENT R30 R90 DIS MOV DEC CLO
        "REFUSING          .   x   x   x   .   .   x   x   x   x",
        "AMBIVALENT        x   .   x   x   .   .   x   x   x   x",
        "PREPARING         x   x   .   x   .   .   x   x   x   x",
        "ENTERED_TREATMENT x   .   .   .   x   .   x   x   x   x",
        "RETAINED_30       x   .   .   .   .   x   x   x   x   x",
        "RETAINED_90       x   .   .   .   .   .   x   x   x   x",
        "DISENGAGED        x   .   .   .   .   .   .   .   .   .",
        "MOVED_AWAY        x   .   .   .   .   .   .   .   .   .",
        "DECEASED          .   .   .   .   .   .   .   .   .   .",
        "CLOSED_OTHER      x   .   .   .   .   .   .   .   .   .",
    };

    static Stream<Arguments> everyPair() {
        EpisodeStatus[] statuses = EpisodeStatus.values();
        assertThat(EXPECTED).as("one row per status").hasSameSizeAs(statuses);
        List<Arguments> pairs = new ArrayList<>();
        for (String row : EXPECTED) {
            String[] cells = row.trim().split("\\s+");
            assertThat(cells).as(row).hasSize(statuses.length + 1);
            EpisodeStatus from = EpisodeStatus.valueOf(cells[0]);
            for (int column = 0; column < statuses.length; column++) {
                pairs.add(Arguments.of(from, statuses[column], cells[column + 1].equals("x")));
            }
        }
        return pairs.stream();
    }

    @ParameterizedTest(name = "{0} -> {1}: {2}")
    @MethodSource("everyPair")
    void eachMoveIsAllowedExactlyAsTheTableSays(EpisodeStatus from, EpisodeStatus to, boolean allowed) {
        assertThat(EpisodeTransitions.isAllowed(from, to)).isEqualTo(allowed);
        assertThat(EpisodeTransitions.allowedFrom(from).contains(to)).isEqualTo(allowed);
    }

    @Test
    void theTableCoversAllHundredPairs() {
        assertThat(everyPair()).hasSize(100);
    }

    @ParameterizedTest
    @EnumSource(EpisodeStatus.class)
    void movingToTheSameStatusIsNeverAllowed(EpisodeStatus status) {
        assertThat(EpisodeTransitions.isAllowed(status, status)).isFalse();
    }

    @Test
    void aDeathEndsTheEpisodeForGood() {
        assertThat(EpisodeTransitions.allowedFrom(EpisodeStatus.DECEASED)).isEmpty();
    }

    @Test
    void aFamilyThatComesBackReopensAClosedEpisodeAsRefusing() {
        assertThat(EpisodeTransitions.allowedFrom(EpisodeStatus.DISENGAGED)).containsExactly(EpisodeStatus.REFUSING);
        assertThat(EpisodeTransitions.allowedFrom(EpisodeStatus.MOVED_AWAY)).containsExactly(EpisodeStatus.REFUSING);
        assertThat(EpisodeTransitions.allowedFrom(EpisodeStatus.CLOSED_OTHER)).containsExactly(EpisodeStatus.REFUSING);
    }

    @Test
    void theAllowedMovesCannotBeChangedByACaller() {
        assertThatThrownBy(() -> EpisodeTransitions.allowedFrom(EpisodeStatus.RETAINED_90)
                        .add(EpisodeStatus.AMBIVALENT))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() ->
                        EpisodeTransitions.allowedFrom(EpisodeStatus.DECEASED).add(EpisodeStatus.REFUSING))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void fourStatusesCloseAnEpisodeAndTheRestKeepItOpen() {
        for (EpisodeStatus status : EpisodeStatus.values()) {
            boolean closing =
                    switch (status) {
                        case DISENGAGED, MOVED_AWAY, DECEASED, CLOSED_OTHER -> true;
                        default -> false;
                    };
            assertThat(EpisodeTransitions.isClosing(status)).as(status.name()).isEqualTo(closing);
            assertThat(EpisodeTransitions.isOpen(status)).as(status.name()).isEqualTo(!closing);
        }
    }
}
