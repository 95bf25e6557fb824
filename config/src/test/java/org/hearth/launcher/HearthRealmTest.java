package org.hearth.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The realm file says what DESIGN.md and the clinic's policies say; Keycloak itself is tried by the ITs. */
class HearthRealmTest {

    private static JsonObject realm;

    @BeforeAll
    static void readRealm() throws IOException {
        try (Reader reader = Files.newBufferedReader(Path.of("src/main/keycloak/hearth-realm.json"))) {
            realm = Json.createReader(reader).readObject();
        }
    }

    @Test
    void theRealmFollowsTheClinicsSessionAndSignInPolicies() {
        assertThat(realm.getString("realm")).isEqualTo("hearth");
        assertThat(realm.getString("sslRequired")).isEqualTo("external");
        assertThat(realm.getInt("ssoSessionIdleTimeout")).as("15 idle minutes").isEqualTo(900);
        assertThat(realm.getInt("accessTokenLifespan")).isEqualTo(300);
        assertThat(realm.getBoolean("registrationAllowed")).isFalse();
        assertThat(realm.getBoolean("bruteForceProtected")).isTrue();
        assertThat(realm.getInt("failureFactor")).as("locked after 5 failures").isEqualTo(5);
        assertThat(realm.getBoolean("permanentLockout"))
                .as("for a while, not for good")
                .isFalse();
        assertThat(realm.getInt("maxFailureWaitSeconds")).isEqualTo(900);
        assertThat(realm.getString("passwordPolicy"))
                .contains("length(10)")
                .contains("notUsername")
                .contains("passwordHistory(5)");
        assertThat(DemoLogin.PASSWORD.length())
                .as("the demo users' password meets the policy")
                .isGreaterThanOrEqualTo(10);
        assertThat(realm.getBoolean("internationalizationEnabled")).isTrue();
        assertThat(strings(realm.getJsonArray("supportedLocales"))).containsExactlyInAnyOrder("en", "es");
        assertThat(realm.getString("defaultLocale")).isEqualTo("en");
    }

    @Test
    void theFourRealmRolesExistWithADescriptionEach() {
        List<JsonObject> roles =
                realm.getJsonObject("roles").getJsonArray("realm").getValuesAs(JsonObject.class);

        assertThat(roles)
                .extracting(role -> role.getString("name"))
                .containsExactlyInAnyOrder("front-desk", "counselor", "supervisor", "admin");
        assertThat(roles)
                .allSatisfy(role -> assertThat(role.getString("description")).isNotBlank());
    }

    @Test
    void theWebClientIsConfidentialWithTheBrowserFlowOnlyAndItsDevSecretMarked() {
        JsonObject web = client("hearth-web");

        assertThat(web.getBoolean("publicClient")).isFalse();
        assertThat(web.getString("secret")).isEqualTo("hearth-web-dev-secret");
        assertThat(web.getString("description")).contains("DEV ONLY").contains("OIDC_CLIENT_SECRET");
        assertThat(web.getBoolean("standardFlowEnabled")).isTrue();
        assertThat(web.getBoolean("directAccessGrantsEnabled")).isFalse();
        assertThat(web.getBoolean("implicitFlowEnabled")).isFalse();
        assertThat(web.getBoolean("serviceAccountsEnabled")).isFalse();
        assertThat(web.getBoolean("frontchannelLogout")).isFalse();
        assertThat(strings(web.getJsonArray("redirectUris"))).containsExactly("http://localhost:8080/hearth/*");
        assertThat(strings(web.getJsonArray("webOrigins"))).containsExactly("http://localhost:8080");
        assertThat(web.getJsonObject("attributes").getString("post.logout.redirect.uris"))
                .isEqualTo("http://localhost:8080/hearth/*");
    }

    @Test
    void bothClientsPutTheRealmRolesIntoTheirTokens() {
        for (String clientId : List.of("hearth-web", "hearth-dev-cli")) {
            assertThat(strings(client(clientId).getJsonArray("defaultClientScopes")))
                    .as(clientId)
                    .contains("roles", "profile", "email", "web-origins", "basic", "acr");
        }
    }

    @Test
    void theScriptClientOnlyGrantsPasswordsAndSaysItIsForDevelopment() {
        JsonObject cli = client("hearth-dev-cli");

        assertThat(cli.getBoolean("publicClient")).isTrue();
        assertThat(cli.getBoolean("directAccessGrantsEnabled")).isTrue();
        assertThat(cli.getBoolean("standardFlowEnabled")).isFalse();
        assertThat(cli.getString("description")).startsWith("DEV ONLY").contains("never enable in production");
    }

    private static JsonObject client(String clientId) {
        return realm.getJsonArray("clients").getValuesAs(JsonObject.class).stream()
                .filter(client -> client.getString("clientId").equals(clientId))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no client " + clientId));
    }

    private static List<String> strings(JsonArray array) {
        return array.getValuesAs(JsonString.class).stream()
                .map(JsonString::getString)
                .toList();
    }
}
