package org.hearth.testing;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
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
        String form = "grant_type=password&client_id=hearth-dev-cli&username=" + encode(username) + "&password="
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
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
