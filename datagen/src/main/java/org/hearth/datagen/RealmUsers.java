package org.hearth.datagen;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes each generated staff member a user of the local Keycloak realm, with the realm role of their staff
 * record and the demo password, through the admin API as an administrator would - so the benchmark signs in as
 * them. A user who exists already is left as they are.
 */
final class RealmUsers {

    static final String PASSWORD = "hearth-demo";

    private static final Pattern TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;
    private String adminToken;
    private int sinceToken;

    RealmUsers(String keycloakUrl) {
        this.base = keycloakUrl.replaceAll("/+$", "");
    }

    /** Whether Keycloak answers at all (the local stack runs). */
    boolean reachable() {
        try {
            return http.send(
                                    HttpRequest.newBuilder(URI.create(base + "/realms/hearth"))
                                            .build(),
                                    HttpResponse.BodyHandlers.discarding())
                            .statusCode()
                    == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Adds each (username, display name, role); returns how many were new. */
    int add(List<Map.Entry<String, String[]>> staff) throws IOException, InterruptedException {
        return added(staff).size();
    }

    /** Adds each (username, display name, role); returns the usernames that were new to the realm. */
    List<String> added(List<Map.Entry<String, String[]>> staff) throws IOException, InterruptedException {
        List<String> added = new ArrayList<>();
        for (Map.Entry<String, String[]> member : staff) {
            if (add(member.getKey(), member.getValue()[0], member.getValue()[1])) {
                added.add(member.getKey());
            }
        }
        return added;
    }

    private boolean add(String username, String displayName, String role) throws IOException, InterruptedException {
        String admin = admin();
        int space = displayName.indexOf(' ');
        String user = "{\"username\": \"" + json(username) + "\", \"enabled\": true, \"firstName\": \""
                + json(space < 0 ? displayName : displayName.substring(0, space)) + "\", \"lastName\": \""
                + json(space < 0 ? "" : displayName.substring(space + 1)) + "\", \"email\": \"" + json(username)
                + "@bench.hearth.example\", \"emailVerified\": true, \"credentials\": [{\"type\": \"password\","
                + " \"value\": \"" + PASSWORD + "\", \"temporary\": false}]}";
        HttpResponse<String> created = http.send(
                request(base + "/admin/realms/hearth/users", admin)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(user))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (created.statusCode() == 409) {
            return false;
        }
        if (created.statusCode() != 201) {
            throw new IOException("Keycloak did not add " + username + ": " + created.body());
        }
        String userUrl = created.headers().firstValue("Location").orElseThrow();
        String roleJson = http.send(
                        request(base + "/admin/realms/hearth/roles/" + role, admin)
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        HttpResponse<String> granted = http.send(
                request(userUrl + "/role-mappings/realm", admin)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("[" + roleJson + "]"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (granted.statusCode() != 204) {
            throw new IOException("Keycloak did not give " + username + " the role " + role + ": " + granted.body());
        }
        return true;
    }

    /** The master realm's admin token (admin/admin on the local stack), renewed every 50 users. */
    private String admin() throws IOException, InterruptedException {
        if (adminToken == null || sinceToken++ >= 50) {
            HttpResponse<String> login = http.send(
                    HttpRequest.newBuilder(URI.create(base + "/realms/master/protocol/openid-connect/token"))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString("grant_type=password&client_id=admin-cli"
                                    + "&username=" + encode(System.getenv().getOrDefault("KEYCLOAK_ADMIN", "admin"))
                                    + "&password="
                                    + encode(System.getenv().getOrDefault("KEYCLOAK_ADMIN_PASSWORD", "admin"))))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            Matcher token = TOKEN.matcher(login.body());
            if (login.statusCode() != 200 || !token.find()) {
                throw new IOException("Keycloak refused the administrator's login: " + login.body());
            }
            adminToken = token.group(1);
            sinceToken = 0;
        }
        return adminToken;
    }

    private static HttpRequest.Builder request(String url, String token) {
        return HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String json(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
