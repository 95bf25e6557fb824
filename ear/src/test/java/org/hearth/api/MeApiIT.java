package org.hearth.api;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.hearth.testing.Deployments;
import org.hearth.testing.HearthStack;
import org.hearth.testing.Keycloak;
import org.hearth.testing.Sql;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code GET /api/v1/me} as an API client sees it (real Keycloak tokens, real server, real database), and
 * what is public without any sign-in: the OpenAPI document and static resources.
 */
@ExtendWith({HearthStack.class, ArquillianExtension.class})
@RunAsClient
class MeApiIT {

    private static final URI ME = URI.create(HearthStack.appUrl() + "api/v1/me");

    private final HttpClient http =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.hearth();
    }

    @Test
    void aTokenOfTheRealmGetsTheCallersProfileWithRolesAndPrograms() throws Exception {
        Sql database = Sql.testDatabase();
        database.update("insert into program (name) values ('Family Recovery Program') on conflict do nothing");
        database.update(
                "insert into staff_member (username, display_name) values ('sofia', 'Sofia') on conflict do nothing");
        database.update("insert into staff_program select s.id, p.id from staff_member s, program p"
                + " where s.username = 'sofia' and p.name = 'Family Recovery Program' on conflict do nothing");

        HttpResponse<String> response = get(Keycloak.accessTokenOf("sofia"));

        assertThat(response.statusCode()).isEqualTo(200);
        // Undertow marks every response of a secured resource as not to be stored
        assertThat(response.headers().firstValue("Cache-Control"))
                .hasValueSatisfying(value -> assertThat(value).contains("no-store"));
        assertThat(response.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp -> assertThat(csp)
                .contains("default-src 'self'")
                .contains("connect-src 'self'")
                .contains("frame-ancestors 'none'")
                .contains("object-src 'none'"));
        assertThat(response.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(response.headers().firstValue("Referrer-Policy")).hasValue("same-origin");
        assertThat(response.headers().firstValue("Strict-Transport-Security"))
                .as("plain HTTP, no proxy saying otherwise")
                .isEmpty();
        JsonObject me = Json.createReader(new StringReader(response.body())).readObject();
        assertThat(me.getString("username")).isEqualTo("sofia");
        assertThat(me.getString("displayName")).isEqualTo("Sofia Marin");
        assertThat(strings(me, "roles")).containsExactly("counselor", "supervisor");
        assertThat(strings(me, "programs"))
                .as("her programs; other tests may have added her to theirs")
                .contains("Family Recovery Program");
        int position = strings(me, "programs").indexOf("Family Recovery Program");
        assertThat(me.getJsonArray("programIds").getJsonNumber(position).longValue())
                .as("each program's id beside its name, to register a family into it")
                .isEqualTo(
                        Long.parseLong(database.query("select id from program where name = 'Family Recovery Program'")
                                .get(0)
                                .get(0)));
        assertThat(me.getJsonArray("programIds")).hasSameSizeAs(me.getJsonArray("programs"));
        assertThat(
                        database.query(
                                "select action, outcome from audit_entry where username = 'sofia' and action = 'VIEW_OWN_PROFILE'"))
                .contains(List.of("VIEW_OWN_PROFILE", "ALLOWED"));
    }

    @Test
    void withoutATokenTheAnswerIs401InJsonAndNotALoginRedirect() throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(ME).header("Accept", "*/*").GET().build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Location")).isEmpty();
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(Json.createReader(new StringReader(response.body()))
                        .readObject()
                        .getInt("status"))
                .isEqualTo(401);
    }

    @Test
    void aForgedTokenIsRefusedWith401() throws Exception {
        String real = Keycloak.accessTokenOf("carlos");
        String forged = real.substring(0, real.lastIndexOf('.') + 1) + "c2lnbmF0dXJl";

        assertThat(get(forged).statusCode()).isEqualTo(401);
    }

    @Test
    void aTokenTheRealmIssuedToAnotherClientIsRefusedWith401AndTellsNothing() throws Exception {
        String notHearths = Keycloak.accessTokenOfAnotherClient("carlos");
        for (String path : List.of("me", "caseload", "families?search=Rivera")) {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(URI.create(HearthStack.appUrl() + "api/v1/" + path))
                            .header("Authorization", "Bearer " + notHearths)
                            .header("Accept", "application/json")
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(401);
            assertThat(response.body()).contains("not issued to Hearth").doesNotContain("carlos", "Carlos");
        }
        HttpResponse<String> hearths = http.send(
                HttpRequest.newBuilder(ME)
                        .header("Authorization", "Bearer " + Keycloak.accessTokenOf("carlos"))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(hearths.statusCode())
                .as("the same user through Hearth's client")
                .isEqualTo(200);
    }

    @Test
    void theOpenApiDocumentIsServedWithoutSignIn() throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(HearthStack.appUrl() + "api-docs/openapi.yaml"))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("openapi: 3.1.0").contains("/me:");
        assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    }

    @Test
    void stylesAndScriptsAreServedWithoutSignIn() throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(
                                URI.create(HearthStack.appUrl() + "jakarta.faces.resource/hearth.css.xhtml?ln=hearth"))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains(".topbar");
    }

    @Test
    void behindAnHttpsProxyTheAnswerAsksBrowsersToKeepToHttps() throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(HearthStack.appUrl() + "api-docs/openapi.yaml"))
                        .header("X-Forwarded-Proto", "https")
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.headers().firstValue("Strict-Transport-Security"))
                .hasValue("max-age=31536000; includeSubDomains");
    }

    private HttpResponse<String> get(String token) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(ME)
                        .header("Authorization", "Bearer " + token)
                        .header("Accept", "application/json")
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static List<String> strings(JsonObject object, String name) {
        return object.getJsonArray(name).getValuesAs(JsonString.class).stream()
                .map(JsonString::getString)
                .toList();
    }
}
