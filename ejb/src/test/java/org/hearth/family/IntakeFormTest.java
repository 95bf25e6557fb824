package org.hearth.family;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class IntakeFormTest {

    static IntakeForm completeFor(long... memberIds) {
        IntakeForm form = new IntakeForm();
        form.setPresentingConcern("Son uses fentanyl, refuses treatment");
        form.setSafety(new SafetyScreen(false, true, false, false, true, true, false, false));
        LovedOneForm son = new LovedOneForm();
        son.setAlias("J.");
        son.setRelationship(LovedOneRelationship.SON_OR_DAUGHTER);
        son.setSubstances(List.of(Substance.FENTANYL));
        son.setInTreatment(false);
        son.setStageOfChange(StageOfChange.PRECONTEMPLATION);
        son.setAsam(List.of(
                new AsamRating(2, null),
                new AsamRating(1, null),
                new AsamRating(2, null),
                new AsamRating(4, "refuses"),
                new AsamRating(4, null),
                new AsamRating(3, null)));
        form.setLovedOnes(List.of(son));
        for (long id : memberIds) {
            form.getReadiness().add(new MemberReadiness(id, 9, 4, 7));
        }
        form.setTreatmentConsentSigned(true);
        form.setTreatmentConsentOn(LocalDate.of(2026, 11, 2));
        return form;
    }

    @Test
    void aFullyAnsweredIntakeMissesNothing() {
        assertThat(completeFor(1L, 2L).missingForCompletion(List.of(1L, 2L))).isEmpty();
    }

    @Test
    void anEmptyIntakeNamesTheConcernTheLovedOneEverySafetyQuestionEachRulerAndTheConsent() {
        List<IntakeForm.Missing> missing = new IntakeForm().missingForCompletion(List.of(7L));

        assertThat(missing)
                .extracting(IntakeForm.Missing::field)
                .contains(
                        "presentingConcern",
                        "lovedOnes",
                        "safety.domesticViolence",
                        "safety.naloxoneInHome",
                        "readiness[memberId=7]",
                        "treatmentConsentSigned");
        assertThat(missing).filteredOn(m -> m.field().startsWith("safety.")).hasSize(8);
    }

    @Test
    void aLovedOneNeedsSubstancesTreatmentStatusStageAndAllSixAsamRatings() {
        IntakeForm form = completeFor(1L);
        LovedOneForm lovedOne = form.getLovedOnes().get(0);
        lovedOne.setSubstances(List.of());
        lovedOne.setInTreatment(null);
        lovedOne.setStageOfChange(null);
        lovedOne.getAsam().get(4).setRating(null);

        assertThat(form.missingForCompletion(List.of(1L)))
                .extracting(IntakeForm.Missing::field)
                .containsExactly(
                        "lovedOnes[0].substances",
                        "lovedOnes[0].inTreatment",
                        "lovedOnes[0].stageOfChange",
                        "lovedOnes[0].asam[4].rating");
    }

    @Test
    void onlyParticipatingMembersNeedAReadinessRulerAndAPartialRulerDoesNotCount() {
        IntakeForm form = completeFor(1L);
        form.getReadiness().add(new MemberReadiness(2L, 5, null, 5));

        assertThat(form.missingForCompletion(List.of(1L))).isEmpty();
        assertThat(form.missingForCompletion(List.of(1L, 2L)))
                .extracting(IntakeForm.Missing::messageKey)
                .containsExactly("intake.complete.readiness");
    }

    @Test
    void aConsentTickedWithoutItsDateIsStillMissing() {
        IntakeForm form = completeFor(1L);
        form.setTreatmentConsentOn(null);

        assertThat(form.missingForCompletion(List.of(1L)))
                .extracting(IntakeForm.Missing::field)
                .containsExactly("treatmentConsentSigned");
    }

    @Test
    void aLovedOneRowIsBlankOnlyUntilSomethingIsEntered() {
        LovedOneForm untouched = new LovedOneForm();
        LovedOneForm rated = new LovedOneForm();
        rated.getAsam().get(3).setRating(2);
        LovedOneForm named = new LovedOneForm();
        named.setAlias("J.");
        LovedOneForm saved = new LovedOneForm();
        saved.setId(7L);

        assertThat(untouched.isBlank()).isTrue();
        assertThat(rated.isBlank()).isFalse();
        assertThat(named.isBlank()).isFalse();
        assertThat(saved.isBlank())
                .as("a saved loved one is never dropped as blank")
                .isFalse();
    }
}
