package org.hearth.plans;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.hearth.engagement.LevelOfCare;
import org.hearth.providers.OudMedication;
import org.hearth.providers.Payment;
import org.hearth.security.Invalid;
import org.junit.jupiter.api.Test;

class ProviderFitTest {

    private static final PlanNeeds NEEDS =
            new PlanNeeds(LevelOfCare.RESIDENTIAL, Payment.MEDICAID, "es", OudMedication.BUPRENORPHINE_NALOXONE);

    @Test
    void eachThingFitsDoesNotOrIsNotKnownWhenTheDirectoryListsNothing() {
        ProviderFit fit = ProviderFit.of(
                NEEDS,
                Set.of(LevelOfCare.RESIDENTIAL),
                Set.of(Payment.PRIVATE_INSURANCE),
                Set.of(),
                Set.of(OudMedication.BUPRENORPHINE_NALOXONE, OudMedication.METHADONE));
        assertThat(fit).isEqualTo(new ProviderFit(Fit.FITS, Fit.DOES_NOT_FIT, Fit.NOT_KNOWN, Fit.FITS));
        assertThat(fit.score()).isEqualTo(2);
        assertThat(fit.hasMismatch()).isTrue();
    }

    @Test
    void theMedicationLevelCountsAsAFittingLevel() {
        ProviderFit fit = ProviderFit.of(
                NEEDS,
                Set.of(LevelOfCare.OFFICE_BASED_BUPRENORPHINE, LevelOfCare.OUTPATIENT),
                Set.of(Payment.MEDICAID),
                Set.of("en", "es"),
                Set.of(OudMedication.BUPRENORPHINE_NALOXONE));
        assertThat(fit).isEqualTo(new ProviderFit(Fit.FITS, Fit.FITS, Fit.FITS, Fit.FITS));
        assertThat(fit.score()).isEqualTo(4);
    }

    @Test
    void needsNotKnownYetAreNeverAMismatch() {
        ProviderFit fit = ProviderFit.of(
                new PlanNeeds(null, null, null, null),
                Set.of(LevelOfCare.OUTPATIENT),
                Set.of(Payment.FREE),
                Set.of("en"),
                Set.of(OudMedication.METHADONE));
        assertThat(fit).isEqualTo(new ProviderFit(Fit.NOT_KNOWN, Fit.NOT_KNOWN, Fit.NOT_KNOWN, Fit.NOT_KNOWN));
        assertThat(fit.hasMismatch()).isFalse();
    }

    @Test
    void preauthorizationDatesAreCheckedFieldByField() {
        LocalDate today = LocalDate.of(2026, 3, 10);
        List<Invalid.Reason> reasons = ReadyPlans.checked(
                new EntryUpdate(
                        new Interview(today.plusDays(1), 400, null, null, null, null, null),
                        true,
                        null,
                        new Preauthorization(PreauthState.REQUESTED, " ", null, today, today)),
                today);
        assertThat(reasons)
                .extracting(Invalid.Reason::field, Invalid.Reason::messageKey)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("interview.interviewedOn", "plan.interview.future"),
                        org.assertj.core.groups.Tuple.tuple("interview.waitDays", "plan.interview.waitDays.range"),
                        org.assertj.core.groups.Tuple.tuple("preauth.payer", "plan.preauth.payer.required"),
                        org.assertj.core.groups.Tuple.tuple("preauth.decidedOn", "plan.preauth.decidedOn.notDecided"));
        assertThat(ReadyPlans.checked(
                        new EntryUpdate(
                                null,
                                false,
                                null,
                                new Preauthorization(
                                        PreauthState.APPROVED, "Medicaid", "A-1", today, today.minusDays(2))),
                        today))
                .extracting(Invalid.Reason::messageKey)
                .containsExactly("plan.preauth.decidedBeforeRequested");
        assertThat(ReadyPlans.checked(
                        new EntryUpdate(
                                null,
                                false,
                                null,
                                new Preauthorization(PreauthState.DENIED, "Aetna", null, today, null)),
                        today))
                .extracting(Invalid.Reason::messageKey)
                .containsExactly("plan.preauth.decidedOn.required");
        assertThat(ReadyPlans.checked(
                        new EntryUpdate(
                                null,
                                true,
                                null,
                                new Preauthorization(
                                        PreauthState.APPROVED, "Medicaid", "A-1", today.minusDays(3), today)),
                        today))
                .isEmpty();
    }
}
