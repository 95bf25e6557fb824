package org.hearth.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ApiTokenClientFilterTest {

    private final Set<String> hearth = ApiTokenClientFilter.acceptedClients("hearth-web", "hearth-dev-cli, ");

    @Test
    void theWebClientAndTheConfiguredApiClientsAreHearths() {
        assertThat(hearth).containsExactlyInAnyOrder("hearth-web", "hearth-dev-cli");
    }

    @Test
    void aTokenIssuedToHearthsClientIsAccepted() {
        assertThat(ApiTokenClientFilter.issuedToHearth("hearth-dev-cli", List.of("account"), hearth))
                .isTrue();
        assertThat(ApiTokenClientFilter.issuedToHearth("hearth-web", null, hearth))
                .isTrue();
    }

    @Test
    void aTokenIssuedToAnotherClientOfTheRealmIsRefusedWhateverItsAudience() {
        assertThat(ApiTokenClientFilter.issuedToHearth("reporting-tool", List.of("hearth-web"), hearth))
                .isFalse();
        assertThat(ApiTokenClientFilter.issuedToHearth("reporting-tool", List.of("account"), hearth))
                .isFalse();
    }

    @Test
    void withoutAnAuthorizedPartyTheAudienceDecides() {
        assertThat(ApiTokenClientFilter.issuedToHearth(null, List.of("hearth-web"), hearth))
                .isTrue();
        assertThat(ApiTokenClientFilter.issuedToHearth(null, List.of("account"), hearth))
                .isFalse();
        assertThat(ApiTokenClientFilter.issuedToHearth(null, null, hearth)).isFalse();
    }
}
