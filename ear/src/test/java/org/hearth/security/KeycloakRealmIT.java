package org.hearth.security;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.hearth.testing.HearthStack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The realm's sign-in rules against the real Keycloak, with a user of its own (locking a demo user would
 * disturb the other tests): a password the policy refuses, and the account locked after five wrong passwords,
 * so that even the right one is refused for a while.
 */
@ExtendWith(HearthStack.class)
class KeycloakRealmIT {

    private final HttpClient http = HttpClient.newHttpClient();
    private final String base = HearthStack.realmUrl().replace("/realms/hearth", "");

    @Test
    void aWeakPasswordIsRefusedAndFiveWrongOnesLockTheAccount() throws Exception {
        String admin = Json.createReader(new StringReader(post(
                                base + "/realms/master/protocol/openid-connect/token",
                                "grant_type=password&client_id=admin-cli&username=admin&password=admin")
                        .body()))
                .readObject()
                .getString("access_token");
        String username = "lockout-" + UUID.randomUUID().toString().substring(0, 8);

        HttpResponse<String> weak = createUser(admin, username, "short1");
        assertThat(weak.statusCode()).as(weak.body()).isEqualTo(400);
        assertThat(weak.body()).contains("invalidPasswordMinLengthMessage");
        HttpResponse<String> asUsername = createUser(admin, username, username);
        assertThat(asUsername.statusCode()).as("the username as password").isEqualTo(400);

        HttpResponse<String> created = createUser(admin, username, "Correct-horse-9");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String location = created.headers().firstValue("Location").orElseThrow();
        try {
            assertThat(token(username, "Correct-horse-9").statusCode())
                    .as("signs in")
                    .isEqualTo(200);
            for (int attempt = 1; attempt <= 5; attempt++) {
                HttpResponse<String> wrong = token(username, "wrong-password-" + attempt);
                assertThat(wrong.statusCode())
                        .as("attempt " + attempt + ": " + wrong.body())
                        .isIn(400, 401);
                assertThat(wrong.body()).contains("invalid_grant");
            }
            HttpResponse<String> locked = token(username, "Correct-horse-9");
            assertThat(locked.statusCode())
                    .as("the right password, refused while the account is locked: " + locked.body())
                    .isNotEqualTo(200);
        } finally {
            http.send(
                    HttpRequest.newBuilder(URI.create(location))
                            .header("Authorization", "Bearer " + admin)
                            .DELETE()
                            .build(),
                    HttpResponse.BodyHandlers.discarding());
        }
    }

    private HttpResponse<String> createUser(String admin, String username, String password) throws Exception {
        String user = Json.createObjectBuilder()
                .add("username", username)
                .add("enabled", true)
                .add("firstName", "Lock")
                .add("lastName", "Out")
                .add("email", username + "@example.org")
                .add("emailVerified", true)
                .add(
                        "credentials",
                        Json.createArrayBuilder()
                                .add(Json.createObjectBuilder()
                                        .add("type", "password")
                                        .add("value", password)
                                        .add("temporary", false)))
                .build()
                .toString();
        return http.send(
                HttpRequest.newBuilder(URI.create(base + "/admin/realms/hearth/users"))
                        .header("Authorization", "Bearer " + admin)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(user))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> token(String username, String password) throws Exception {
        return post(
                HearthStack.realmUrl() + "/protocol/openid-connect/token",
                "grant_type=password&client_id=hearth-dev-cli&username=" + encode(username) + "&password="
                        + encode(password));
    }

    private HttpResponse<String> post(String url, String form) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(url))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
