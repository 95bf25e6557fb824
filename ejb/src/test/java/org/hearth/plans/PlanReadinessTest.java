package org.hearth.plans;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PlanReadinessTest {

    private static final Set<BagItem> PACKED = EnumSet.of(BagItem.PHOTO_ID, BagItem.MEDICATION_LIST);

    private static PlanReadiness.Entry entry(boolean interviewed, boolean slot, PreauthState preauth) {
        return new PlanReadiness.Entry(interviewed, slot, preauth);
    }

    @Test
    void aSlotWithPreauthorizationApprovedOrNotNeededAtTheSameProviderMakesThePlanReady() {
        assertThat(PlanReadiness.isReady(List.of(entry(true, true, PreauthState.APPROVED))))
                .isTrue();
        assertThat(PlanReadiness.isReady(List.of(entry(false, true, PreauthState.NOT_NEEDED))))
                .isTrue();
        assertThat(PlanReadiness.isReady(List.of(entry(true, true, PreauthState.REQUESTED))))
                .isFalse();
        assertThat(PlanReadiness.isReady(List.of(entry(true, true, PreauthState.DENIED))))
                .isFalse();
        assertThat(PlanReadiness.isReady(List.of(entry(true, false, PreauthState.APPROVED))))
                .isFalse();
        assertThat(PlanReadiness.isReady(
                        List.of(entry(true, true, PreauthState.REQUESTED), entry(true, false, PreauthState.APPROVED))))
                .as("a slot at one provider and approval at another is not ready")
                .isFalse();
        assertThat(PlanReadiness.isReady(List.of())).isFalse();
    }

    @Test
    void anEmptyPlanMissesAProviderAndEveryPreparationButNotTheProviderStepsTwice() {
        assertThat(PlanReadiness.missing(List.of(), null, " ", Set.of()))
                .containsExactly(
                        MissingStep.NO_PROVIDER,
                        MissingStep.NO_TRANSPORT,
                        MissingStep.NOBODY_GOING_ALONG,
                        MissingStep.BAG_NOT_PACKED);
    }

    @Test
    void theMissingProviderStepsSayWhatStandsBetweenTheShortlistAndReady() {
        assertThat(PlanReadiness.missing(
                        List.of(entry(false, false, PreauthState.NOT_STARTED)),
                        TransportKind.FAMILY_DRIVES,
                        "Dad",
                        PACKED))
                .containsExactly(MissingStep.NONE_INTERVIEWED, MissingStep.NO_SLOT, MissingStep.PREAUTH_NOT_SETTLED);
        assertThat(PlanReadiness.missing(
                        List.of(entry(true, true, PreauthState.REQUESTED), entry(true, false, PreauthState.APPROVED)),
                        TransportKind.SERVICE,
                        "Mom",
                        PACKED))
                .as("the provider with the slot still waits for its payer")
                .containsExactly(MissingStep.PREAUTH_NOT_SETTLED);
        assertThat(PlanReadiness.missing(
                        List.of(entry(true, false, PreauthState.APPROVED)), TransportKind.SERVICE, "Mom", PACKED))
                .containsExactly(MissingStep.NO_SLOT);
    }

    @Test
    void aReadyPlanWithEverythingPreparedMissesNothingAndTheBagNeedsItsEssentials() {
        List<PlanReadiness.Entry> ready = List.of(entry(true, true, PreauthState.APPROVED));
        assertThat(PlanReadiness.missing(ready, TransportKind.PUBLIC_TRANSIT, "Aunt Rosa", PACKED))
                .isEmpty();
        assertThat(PlanReadiness.missing(
                        ready,
                        TransportKind.PUBLIC_TRANSIT,
                        "Aunt Rosa",
                        EnumSet.of(BagItem.PHOTO_ID, BagItem.CLOTHES_FOR_A_WEEK, BagItem.TOILETRIES)))
                .containsExactly(MissingStep.BAG_NOT_PACKED);
    }
}
