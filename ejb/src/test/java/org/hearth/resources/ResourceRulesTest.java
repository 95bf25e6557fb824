package org.hearth.resources;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.hearth.security.Invalid;
import org.junit.jupiter.api.Test;

class ResourceRulesTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 7);

    private static ResourceDetails details(String name, String phone, String website, LocalDate confirmedOn) {
        return new ResourceDetails(
                name,
                ResourceKind.FAMILY_MUTUAL_HELP,
                "A weekly meeting for parents",
                "12 Elm St, Dayton",
                phone,
                website,
                "Tuesdays 7 pm",
                Set.of("en", "ES "),
                ResourceSetting.IN_PERSON,
                confirmedOn);
    }

    private static List<String> fieldsAtFault(ResourceDetails details) {
        return ResourceRules.reasons(ResourceRules.normalized(details), TODAY).stream()
                .map(Invalid.Reason::field)
                .toList();
    }

    @Test
    void aCompleteEntryIsKeptWithItsTextStrippedAndLanguagesInLowerCase() {
        ResourceDetails normalized = ResourceRules.normalized(
                details("  Nar-Anon Dayton  ", "(937) 555-0147", "https://nar-anon.org", TODAY));

        assertThat(ResourceRules.reasons(normalized, TODAY)).isEmpty();
        assertThat(normalized.name()).isEqualTo("Nar-Anon Dayton");
        assertThat(normalized.languages()).containsExactlyInAnyOrder("en", "es");
    }

    @Test
    void eachFieldAtFaultIsNamed() {
        ResourceDetails bad = new ResourceDetails(
                " ", null, null, null, "555-01", "nar-anon.org", null, Set.of("klingon"), null, TODAY.plusDays(1));

        assertThat(fieldsAtFault(bad))
                .containsExactlyInAnyOrder("name", "kind", "phone", "website", "languages", "setting", "confirmedOn");
    }

    @Test
    void anEntryWithNoWayToReachItIsRefused() {
        ResourceDetails unreachable = new ResourceDetails(
                "Learn to Cope",
                ResourceKind.FAMILY_MUTUAL_HELP,
                null,
                " ",
                null,
                null,
                null,
                Set.of(),
                ResourceSetting.ONLINE,
                TODAY);

        assertThat(ResourceRules.reasons(ResourceRules.normalized(unreachable), TODAY))
                .extracting(Invalid.Reason::messageKey)
                .containsExactly("resource.reach.required");
    }

    @Test
    void theCrisisLineAndTollFreeNumbersCanBeDialledButNotShortNumbers() {
        assertThat(ResourceRules.isDialable("988")).isTrue();
        assertThat(ResourceRules.isDialable("211")).isTrue();
        assertThat(ResourceRules.isDialable("1-800-662-4357")).isTrue();
        assertThat(ResourceRules.isDialable("(937) 555-0147 ext. 12")).isTrue();
        assertThat(ResourceRules.isDialable("987")).isFalse();
        assertThat(ResourceRules.isDialable("555-0147")).isFalse();
        assertThat(ResourceRules.isDialable("call us")).isFalse();
    }

    @Test
    void anEntryNeedsCheckingFrom180DaysAfterItWasConfirmed() {
        LocalDate confirmed = LocalDate.of(2026, 6, 10);

        assertThat(CommunityResource.needsChecking(confirmed, confirmed.plusDays(179)))
                .isFalse();
        assertThat(CommunityResource.needsChecking(confirmed, confirmed.plusDays(180)))
                .isTrue();
    }

    @Test
    void aGiftNeedsResourcesADayNotInTheFutureAndHowItWasGiven() {
        assertThat(ResourceRules.giftReasons(new NewGift(List.of(), null, TODAY.plusDays(1), null), TODAY))
                .extracting(Invalid.Reason::field)
                .containsExactly("resourceIds", "givenOn", "how");
        assertThat(ResourceRules.giftReasons(new NewGift(List.of(4L, 4L), List.of(), TODAY, GivenHow.EMAIL), TODAY))
                .isEmpty();
    }

    @Test
    void aGiftOfMoreResourcesThanASheetHoldsIsRefused() {
        List<Long> thirteen =
                java.util.stream.LongStream.rangeClosed(1, 13).boxed().toList();

        assertThat(ResourceRules.giftReasons(new NewGift(thirteen, List.of(), TODAY, GivenHow.IN_SESSION), TODAY))
                .extracting(Invalid.Reason::messageKey)
                .containsExactly("resource.gift.resources.tooMany");
    }
}
