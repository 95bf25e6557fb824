package org.hearth.boundaries;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.ResourceBundle;
import org.hearth.security.Invalid;
import org.junit.jupiter.api.Test;

class BoundaryRulesTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 7);

    private static BoundaryDraft draft(LocalDate agreedOn, LocalDate reviewOn) {
        return new BoundaryDraft(
                BoundaryKind.NO_MONEY_GIVEN,
                "We don't give Sam cash, not even for gas",
                "If asked, we offer a meal or a bus pass instead",
                List.of(11L),
                agreedOn,
                reviewOn);
    }

    private static List<String> fields(List<Invalid.Reason> reasons) {
        return reasons.stream().map(Invalid.Reason::field).toList();
    }

    @Test
    void aBoundaryAgreedTodayWithoutAReviewDayIsReviewedFourWeeksLater() {
        assertThat(BoundaryRules.check(draft(TODAY, null), TODAY)).isEmpty();
        assertThat(BoundaryRules.reviewDay(null, TODAY)).isEqualTo(LocalDate.of(2027, 1, 4));
        assertThat(BoundaryRules.reviewDay(LocalDate.of(2026, 12, 20), TODAY)).isEqualTo(LocalDate.of(2026, 12, 20));
    }

    @Test
    void aBoundaryCannotBeAgreedTomorrowNorReviewedOnTheDayItIsAgreed() {
        assertThat(fields(BoundaryRules.check(draft(TODAY.plusDays(1), null), TODAY)))
                .containsExactly("agreedOn");
        assertThat(BoundaryRules.check(draft(TODAY.minusDays(3), TODAY.minusDays(3)), TODAY))
                .extracting(Invalid.Reason::messageKey)
                .containsExactly("boundary.reviewOn.afterAgreed");
        assertThat(BoundaryRules.check(draft(TODAY.minusDays(3), TODAY.minusDays(4)), TODAY))
                .extracting(Invalid.Reason::field)
                .containsExactly("reviewOn");
    }

    @Test
    void everyMissingPartOfABoundaryIsNamedAtOnce() {
        var reasons = BoundaryRules.check(new BoundaryDraft(null, "  ", null, List.of(), null, null), TODAY);
        assertThat(fields(reasons)).containsExactly("kind", "wording", "consequence", "holderIds", "agreedOn");
    }

    @Test
    void aWordingLongerThanFiveHundredCharactersIsRefused() {
        var tooLong = new BoundaryDraft(BoundaryKind.OTHER, "x".repeat(501), "ok", List.of(1L), TODAY, null);
        assertThat(BoundaryRules.check(tooLong, TODAY))
                .extracting(Invalid.Reason::messageKey, Invalid.Reason::field)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("boundary.text.long", "wording"));
        var justFits = new BoundaryDraft(BoundaryKind.OTHER, "x".repeat(500), "ok", List.of(1L), TODAY, null);
        assertThat(BoundaryRules.check(justFits, TODAY)).isEmpty();
    }

    @Test
    void aKeptReviewNeedsNothingMoreAndIsNextReviewedFourWeeksAfterTheSession() {
        var kept = new ReviewEntry(5L, ReviewOutcome.KEPT, null, null, null, null);
        assertThat(BoundaryRules.check(kept, TODAY, "w", "c")).isEmpty();
        assertThat(BoundaryRules.reviewDay(kept.nextReviewOn(), TODAY)).isEqualTo(TODAY.plusDays(28));
    }

    @Test
    void aBrokenBoundaryNeedsWhatHappened() {
        var broken = new ReviewEntry(5L, ReviewOutcome.BROKEN, " ", null, null, null);
        assertThat(BoundaryRules.check(broken, TODAY, "w", "c"))
                .extracting(Invalid.Reason::messageKey)
                .containsExactly("boundary.whatHappened.required");
        var told = new ReviewEntry(5L, ReviewOutcome.BROKEN, "Gave him $20 on Friday", null, null, null);
        assertThat(BoundaryRules.check(told, TODAY, "w", "c")).isEmpty();
    }

    @Test
    void aChangedBoundaryNeedsANewWordingOrConsequenceThatDiffersFromTheCurrentOne() {
        var same = new ReviewEntry(5L, ReviewOutcome.CHANGED, null, "No cash", " No cash ", null);
        assertThat(BoundaryRules.check(same, TODAY, "No cash", "No cash"))
                .extracting(Invalid.Reason::messageKey)
                .containsExactly("boundary.review.change.required");
        var newConsequence = new ReviewEntry(5L, ReviewOutcome.CHANGED, null, null, "A bus pass only", null);
        assertThat(BoundaryRules.check(newConsequence, TODAY, "No cash", "A meal"))
                .isEmpty();
    }

    @Test
    void theNextReviewComesAfterTheSessionAndAnOutcomeIsRequired() {
        var onTheDay = new ReviewEntry(5L, null, null, null, null, TODAY);
        assertThat(fields(BoundaryRules.check(onTheDay, TODAY, "w", "c"))).containsExactly("outcome", "nextReviewOn");
    }

    @Test
    void aRetirementNeedsAReasonAndADayBetweenTheAgreementAndToday() {
        LocalDate agreed = TODAY.minusDays(10);
        assertThat(BoundaryRules.check(new Retirement(null, "Sam moved out"), agreed, TODAY))
                .isEmpty();
        assertThat(fields(BoundaryRules.check(new Retirement(TODAY.plusDays(1), ""), agreed, TODAY)))
                .containsExactly("retiredOn", "reason");
        assertThat(BoundaryRules.check(new Retirement(agreed.minusDays(1), "moved"), agreed, TODAY))
                .extracting(Invalid.Reason::messageKey)
                .containsExactly("boundary.retiredOn.beforeAgreed");
    }

    @Test
    void everyReasonIsSaidInEnglishAndSpanish() {
        var reasons = new java.util.ArrayList<Invalid.Reason>();
        reasons.addAll(
                BoundaryRules.check(new BoundaryDraft(null, "", "", List.of(), TODAY.plusDays(1), TODAY), TODAY));
        reasons.addAll(BoundaryRules.check(
                new BoundaryDraft(BoundaryKind.OTHER, "x".repeat(501), "c", List.of(1L), null, null), TODAY));
        reasons.addAll(BoundaryRules.check(
                new ReviewEntry(null, ReviewOutcome.CHANGED, null, null, null, TODAY), TODAY, "w", "c"));
        reasons.addAll(BoundaryRules.check(
                new ReviewEntry(1L, ReviewOutcome.BROKEN, null, null, null, null), TODAY, "w", "c"));
        reasons.addAll(BoundaryRules.check(new Retirement(TODAY.plusDays(1), null), TODAY, TODAY));
        reasons.addAll(BoundaryRules.check((Retirement) null, TODAY, TODAY));
        reasons.addAll(BoundaryRules.check((ReviewEntry) null, TODAY, "w", "c"));
        reasons.addAll(BoundaryRules.check((BoundaryDraft) null, TODAY));
        ResourceBundle spanish = ResourceBundle.getBundle("ValidationMessages", java.util.Locale.forLanguageTag("es"));
        for (Invalid.Reason reason : reasons) {
            assertThat(reason.englishText()).as(reason.messageKey()).isNotBlank();
            assertThat(reason.text(spanish)).as(reason.messageKey()).isNotEqualTo(reason.englishText());
        }
        assertThat(reasons).hasSizeGreaterThan(12);
    }

    @Test
    void theToDoListShowsTheStartOfALongWording() {
        assertThat(BoundaryReviewTasks.shortened("No use at home")).isEqualTo("No use at home");
        String shown = BoundaryReviewTasks.shortened("a".repeat(200));
        assertThat(shown).hasSize(BoundaryReviewTasks.DETAIL_LENGTH).endsWith("…");
    }
}
