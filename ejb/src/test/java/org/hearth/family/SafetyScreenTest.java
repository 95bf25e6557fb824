package org.hearth.family;

import static org.assertj.core.api.Assertions.assertThat;

import org.hearth.family.SafetyScreen.FlagReason;
import org.junit.jupiter.api.Test;

class SafetyScreenTest {

    private static SafetyScreen allNo() {
        return new SafetyScreen(false, false, false, false, false, false, false, false);
    }

    @Test
    void aScreenWithEveryAnswerNoIsNotFlaggedAndPromptsNothing() {
        SafetyScreen screen = allNo();

        assertThat(screen.isPositive()).isFalse();
        assertThat(screen.isOfferNaloxone()).isFalse();
        assertThat(screen.unanswered()).isEmpty();
    }

    @Test
    void childrenInTheHomeAloneDoNotFlagTheFamily() {
        SafetyScreen screen = allNo();
        screen.setChildrenInHome(true);

        assertThat(screen.isPositive()).isFalse();
    }

    @Test
    void violenceAtHomeOrSuicideRiskFlagsTheFamilyWithTheReason() {
        SafetyScreen violence = allNo();
        violence.setDomesticViolence(true);
        SafetyScreen suicide = allNo();
        suicide.setSuicideRisk(true);

        assertThat(violence.getFlagReasons()).containsExactly(FlagReason.DOMESTIC_VIOLENCE);
        assertThat(suicide.getFlagReasons()).containsExactly(FlagReason.SUICIDE_RISK);
        assertThat(violence.isOfferNaloxone()).isFalse();
    }

    @Test
    void eachOverdoseRiskFactorFlagsTheFamilyAndPromptsNaloxoneWhenNoneIsInTheHome() {
        for (int factor = 0; factor < 4; factor++) {
            SafetyScreen screen = allNo();
            switch (factor) {
                case 0 -> screen.setLostTolerance(true);
                case 1 -> screen.setUsingAlone(true);
                case 2 -> screen.setFentanyl(true);
                default -> screen.setMixingWithDepressants(true);
            }

            assertThat(screen.getFlagReasons()).containsExactly(FlagReason.OVERDOSE_RISK);
            assertThat(screen.isOfferNaloxone()).isTrue();
        }
    }

    @Test
    void naloxoneInTheHomeSilencesThePromptButNotTheFlag() {
        SafetyScreen screen = allNo();
        screen.setFentanyl(true);
        screen.setNaloxoneInHome(true);

        assertThat(screen.isOfferNaloxone()).isFalse();
        assertThat(screen.isPositive()).isTrue();
    }

    @Test
    void anUnansweredNaloxoneQuestionWithAnOverdoseRiskStillPromptsNaloxone() {
        SafetyScreen screen = new SafetyScreen(null, null, null, null, true, null, null, null);

        assertThat(screen.isOfferNaloxone()).isTrue();
        assertThat(screen.unanswered()).hasSize(7).doesNotContain("usingAlone");
    }
}
