package org.hearth.testing;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/** Asks the test Keycloak for tokens, as an API script would, through the dev-only password-grant client. */
public final class Keycloak {

    /** Every demo user's password (see the README). */
    public static final String DEMO_PASSWORD = "hearth-demo";

    private Keycloak() {}

    public static String accessTokenOf(String username) {
        return passwordGrant("hearth-dev-cli", username);
    }

    private static String passwordGrant(String clientId, String username) {
        String form = "grant_type=password&client_id=" + clientId + "&username=" + encode(username) + "&password="
                + encode(DEMO_PASSWORD);
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create(HearthStack.realmUrl() + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        try {
            HttpResponse<String> response =
                    HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("Keycloak refused a token for " + username + ": " + response.body());
            }
            JsonObject body =
                    Json.createReader(new StringReader(response.body())).readObject();
            return body.getString("access_token");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * A token of the user issued to another client of the same realm (a public client with password grants,
     * as a reporting tool or another clinic application might have), added to the realm the first time: it
     * carries a valid signature, issuer and lifetime, but it is not Hearth's.
     */
    public static String accessTokenOfAnotherClient(String username) {
        String base = HearthStack.realmUrl().replace("/realms/hearth", "");
        HttpClient http = HttpClient.newHttpClient();
        try {
            String client = Json.createObjectBuilder()
                    .add("clientId", OTHER_CLIENT)
                    .add("enabled", true)
                    .add("publicClient", true)
                    .add("directAccessGrantsEnabled", true)
                    .add("standardFlowEnabled", false)
                    .build()
                    .toString();
            HttpResponse<String> created = http.send(
                    adminRequest(base + "/admin/realms/hearth/clients", adminToken(http, base))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(client))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (created.statusCode() != 201 && created.statusCode() != 409) {
                throw new IllegalStateException("Keycloak did not add the client: " + created.body());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return passwordGrant(OTHER_CLIENT, username);
    }

    /** A client of the test realm that is not Hearth's. */
    public static final String OTHER_CLIENT = "reporting-tool";

    private static String adminToken(HttpClient http, String base) throws IOException, InterruptedException {
        HttpResponse<String> adminLogin = http.send(
                HttpRequest.newBuilder(URI.create(base + "/realms/master/protocol/openid-connect/token"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "grant_type=password&client_id=admin-cli&username=admin&password=admin"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        return Json.createReader(new StringReader(adminLogin.body()))
                .readObject()
                .getString("access_token");
    }

    /**
     * Makes sure the test realm has this user, with the demo password and the realm role, as an administrator
     * would add a new staff member in Keycloak's console; for tests that need more people than the demo's six.
     */
    public static void ensureUser(String username, String firstName, String lastName, String realmRole) {
        String base = HearthStack.realmUrl().replace("/realms/hearth", "");
        HttpClient http = HttpClient.newHttpClient();
        try {
            String admin = adminToken(http, base);
            String user = Json.createObjectBuilder()
                    .add("username", username)
                    .add("enabled", true)
                    .add("firstName", firstName)
                    .add("lastName", lastName)
                    .add("email", username + "@example.org")
                    .add("emailVerified", true)
                    .add(
                            "credentials",
                            Json.createArrayBuilder()
                                    .add(Json.createObjectBuilder()
                                            .add("type", "password")
                                            .add("value", DEMO_PASSWORD)
                                            .add("temporary", false)))
                    .build()
                    .toString();
            HttpResponse<String> created = http.send(
                    adminRequest(base + "/admin/realms/hearth/users", admin)
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(user))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (created.statusCode() == 409) {
                return; // made by an earlier test of this run, with its role
            }
            if (created.statusCode() != 201) {
                throw new IllegalStateException("Keycloak did not add " + username + ": " + created.body());
            }
            String userUrl = created.headers().firstValue("Location").orElseThrow();
            String role = http.send(
                            adminRequest(base + "/admin/realms/hearth/roles/" + realmRole, admin)
                                    .GET()
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body();
            HttpResponse<String> granted = http.send(
                    adminRequest(userUrl + "/role-mappings/realm", admin)
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString("[" + role + "]"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (granted.statusCode() != 204) {
                throw new IllegalStateException(
                        "Keycloak did not give " + username + " the role " + realmRole + ": " + granted.body());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static HttpRequest.Builder adminRequest(String url, String adminToken) {
        return HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + adminToken);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
