package org.hearth.plans;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.hearth.engagement.LevelOfCare;
import org.hearth.providers.OudMedication;
import org.junit.jupiter.api.Test;

class ProposedLevelTest {

    private static LevelOfCare level(Integer... ratings) {
        return ProposedLevel.from(Arrays.asList(ratings), false, null).level();
    }

    @Test
    void severeWithdrawalPotentialProposesWithdrawalManagementBeforeAnythingElse() {
        assertThat(level(3, 0, 0, 0, 0, 0)).isEqualTo(LevelOfCare.WITHDRAWAL_MANAGEMENT);
        assertThat(level(4, 4, 4, 4, 4, 4)).isEqualTo(LevelOfCare.WITHDRAWAL_MANAGEMENT);
    }

    @Test
    void anyDimensionAtFourOrRelapseOrEnvironmentAtThreeProposesResidential() {
        assertThat(level(2, 0, 0, 4, 0, 0)).isEqualTo(LevelOfCare.RESIDENTIAL);
        assertThat(level(0, 0, 0, 0, 3, 0)).isEqualTo(LevelOfCare.RESIDENTIAL);
        assertThat(level(0, 0, 0, 0, 0, 3)).isEqualTo(LevelOfCare.RESIDENTIAL);
        assertThat(level(0, 4, 0, 0, 0, 0)).as("a 4 beats the biomedical rule").isEqualTo(LevelOfCare.RESIDENTIAL);
    }

    @Test
    void biomedicalOrEmotionalAtThreeProposesPartialHospitalization() {
        assertThat(level(0, 3, 0, 0, 0, 0)).isEqualTo(LevelOfCare.PARTIAL_HOSPITALIZATION);
        assertThat(level(2, 0, 3, 2, 2, 2)).isEqualTo(LevelOfCare.PARTIAL_HOSPITALIZATION);
    }

    @Test
    void readinessRelapseOrEnvironmentAtTwoProposesIntensiveOutpatientElseOutpatient() {
        assertThat(level(0, 0, 0, 2, 0, 0)).isEqualTo(LevelOfCare.INTENSIVE_OUTPATIENT);
        assertThat(level(0, 0, 0, 3, 1, 1)).isEqualTo(LevelOfCare.INTENSIVE_OUTPATIENT);
        assertThat(level(0, 0, 0, 0, 0, 2)).isEqualTo(LevelOfCare.INTENSIVE_OUTPATIENT);
        assertThat(level(2, 2, 2, 1, 1, 1)).isEqualTo(LevelOfCare.OUTPATIENT);
        assertThat(level(1, null, null, null, null, null))
                .as("an unrated dimension counts as none once another is rated")
                .isEqualTo(LevelOfCare.OUTPATIENT);
    }

    @Test
    void noRatingAtAllProposesNothing() {
        assertThat(level(null, null, null, null, null, null)).isNull();
        assertThat(ProposedLevel.from(List.of(), false, null).level()).isNull();
    }

    @Test
    void opioidUseWithAMedicationWantedGivesItsLevelAsTheAlternative() {
        List<Integer> ratings = List.of(1, 0, 0, 2, 1, 1);
        assertThat(ProposedLevel.from(ratings, true, OudMedication.METHADONE))
                .isEqualTo(new ProposedLevel(LevelOfCare.INTENSIVE_OUTPATIENT, LevelOfCare.OPIOID_TREATMENT_PROGRAM));
        assertThat(ProposedLevel.from(ratings, true, OudMedication.BUPRENORPHINE_EXTENDED_RELEASE)
                        .alternative())
                .isEqualTo(LevelOfCare.OFFICE_BASED_BUPRENORPHINE);
        assertThat(ProposedLevel.from(ratings, true, OudMedication.NALTREXONE_EXTENDED_RELEASE)
                        .alternative())
                .isEqualTo(LevelOfCare.NALTREXONE);
        assertThat(ProposedLevel.from(ratings, false, OudMedication.METHADONE).alternative())
                .as("no opioid use: no medication alternative")
                .isNull();
        assertThat(ProposedLevel.from(ratings, true, null).alternative()).isNull();
    }
}
