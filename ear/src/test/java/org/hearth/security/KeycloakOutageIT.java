package org.hearth.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hearth.testing.ApiClient.json;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.hearth.testing.ApiClient;
import org.hearth.testing.Browser;
import org.hearth.testing.Deployments;
import org.hearth.testing.HearthStack;
import org.hearth.testing.Keycloak;
import org.hearth.testing.Sql;
import org.hearth.testing.TestData;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/**
 * Keycloak stopped while staff work: the signed-in front desk keeps working, an API client's valid token keeps
 * working, and someone signing in anew is told "Sign-in is unavailable right now" on Hearth's own page (503),
 * not sent to a sign-in page the browser cannot load. Keycloak is started again, with its realm, whatever happens,
 * and a new sign-in then works.
 */
@ExtendWith({HearthStack.class, ArquillianExtension.class})
@RunAsClient
class KeycloakOutageIT {

    /** How long Hearth keeps Keycloak's last answer to whether it is reachable (SignInAvailability), and a bit. */
    private static final long REACHABILITY_KEPT_MILLIS = 5_500;

    private final ApiClient api = new ApiClient();
    private final Sql database = Sql.testDatabase();

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.hearth();
    }

    @Test
    void signedInStaffAndValidTokensKeepWorkingAndANewSignInIsToldSignInIsUnavailable() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String program = "Sign-in outage " + suffix;
        TestData data = new TestData(database);
        long programId = data.program(program);
        data.realmStaff("frida", "Frida Moreno", "front-desk", program);
        long familyId = api.registerFamilyOfOne(programId, "Outage " + suffix);
        String token = Keycloak.accessTokenOf("frida");
        assertThat(api.sendWithToken(token, "GET", "families/" + familyId, null).statusCode())
                .isEqualTo(200);

        try (Browser signedIn = Browser.open();
                Browser newcomer = Browser.open()) {
            signedIn.signIn("frida");

            HearthStack.stopKeycloakForAWhile();
            try {
                Thread.sleep(REACHABILITY_KEPT_MILLIS);

                signedIn.open("families/record.xhtml?id=" + familyId);
                assertThat(signedIn.driver().getPageSource())
                        .as("the signed-in front desk keeps working")
                        .contains("Outage " + suffix);

                HttpResponse<String> withToken = api.sendWithToken(token, "GET", "families/" + familyId, null);
                assertThat(withToken.statusCode()).as(withToken.body()).isEqualTo(200);
                assertThat(json(withToken.body()).getString("familyName")).isEqualTo("Outage " + suffix);

                newcomer.open("");
                assertThat(newcomer.driver().getCurrentUrl()).endsWith("/hearth/sign-in-unavailable");
                assertThat(newcomer.driver().findElement(By.id("page-heading")).getText())
                        .isEqualTo("Sign-in is unavailable right now");
                assertThat(newcomer.text("sign-in-unavailable"))
                        .contains("Sign-in is unavailable right now; if you are signed in, keep working.");

                HttpClient http = HttpClient.newHttpClient();
                HttpResponse<String> home = http.send(
                        HttpRequest.newBuilder(URI.create(HearthStack.appUrl() + "home"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(home.statusCode()).isEqualTo(302);
                assertThat(home.headers().firstValue("Location")).hasValue("/hearth/sign-in-unavailable");
                HttpResponse<String> page = http.send(
                        HttpRequest.newBuilder(URI.create(HearthStack.appUrl() + "sign-in-unavailable"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(page.statusCode()).isEqualTo(503);
                assertThat(page.body()).doesNotContain("Caused by:");
            } finally {
                HearthStack.startKeycloakAgain();
            }

            Thread.sleep(REACHABILITY_KEPT_MILLIS);
            newcomer.signIn("frida");
            assertThat(newcomer.driver().getCurrentUrl()).startsWith(HearthStack.appUrl());
            assertThat(newcomer.driver().getCurrentUrl()).doesNotContain("sign-in-unavailable");
        }
    }
}
