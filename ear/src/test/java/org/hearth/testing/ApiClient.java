package org.hearth.testing;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

/**
 * The REST API as a script calls it: as a user of the test realm with a real token, JSON in and out. Every answer
 * must fit the server's OpenAPI document ({@link ApiConformance}): one that does not fails the test that got it.
 */
public final class ApiClient {

    private final HttpClient http;

    public ApiClient() {
        this(HttpClient.newHttpClient());
    }

    private ApiClient(HttpClient http) {
        this.http = http;
    }

    /**
     * A client speaking plain HTTP/1.1, as browsers and most scripts do over {@code http:}; Java's default
     * first asks to upgrade to HTTP/2, whose stricter limits end an oversized request with the whole
     * connection rather than an answer.
     */
    public static ApiClient overHttp11() {
        return new ApiClient(
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build());
    }

    /**
     * Calls {@code api/v1/} + path as the user, with a fresh token of theirs; a null body sends none.
     */
    public HttpResponse<String> send(String user, String method, String path, String body)
            throws IOException, InterruptedException {
        return sendWithToken(Keycloak.accessTokenOf(user), method, path, body);
    }

    /**
     * Calls {@code api/v1/} + path with a token already obtained, as a client sending many requests at
     * once does (Keycloak treats a burst of password logins for one user as an attack).
     */
    public HttpResponse<String> sendWithToken(String token, String method, String path, String body)
            throws IOException, InterruptedException {
        return sendWithToken(token, method, path, body, "application/json");
    }

    /** Calls {@code api/v1/} + path as the user with a body of another type ({@code text/csv}). */
    public HttpResponse<String> sendTyped(String user, String method, String path, String body, String contentType)
            throws IOException, InterruptedException {
        return sendWithToken(Keycloak.accessTokenOf(user), method, path, body, contentType);
    }

    private HttpResponse<String> sendWithToken(
            String token, String method, String path, String body, String contentType)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(HearthStack.appUrl() + "api/v1/" + path))
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/json");
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", contentType).method(method, HttpRequest.BodyPublishers.ofString(body));
        }
        HttpResponse<String> answer = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        List<String> misfits = ApiConformance.ofServer().check(method, "api/v1/" + path, answer);
        if (!misfits.isEmpty()) {
            throw new AssertionError("The answer does not fit the OpenAPI document:\n" + String.join("\n", misfits));
        }
        return answer;
    }

    /**
     * Registers, as the front desk (frida), a family of one participating member named "Rosa " + the family
     * name, and returns the family's id.
     */
    public long registerFamilyOfOne(long programId, String familyName) throws IOException, InterruptedException {
        HttpResponse<String> registered = send(
                "frida",
                "POST",
                "families",
                """
                {"familyName": "%s", "programId": %d, "preferredLanguage": "en", "referralSource": "SELF",
                 "members": [{"fullName": "Rosa %s", "ageYears": 50, "relationship": "PARENT",
                              "safeToLeaveMessage": true, "safeToMail": true, "participates": true}]}
                """
                        .formatted(familyName, programId, familyName));
        if (registered.statusCode() != 201) {
            throw new AssertionError(
                    "registering " + familyName + " gave " + registered.statusCode() + ": " + registered.body());
        }
        return json(registered.body()).getJsonNumber("id").longValue();
    }

    public static JsonObject json(String body) {
        return Json.createReader(new StringReader(body)).readObject();
    }

    public static JsonArray jsonArray(String body) {
        return Json.createReader(new StringReader(body)).readArray();
    }
}
