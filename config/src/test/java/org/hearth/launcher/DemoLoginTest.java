package org.hearth.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The logins the run command prints are the realm's users, with the realm's roles and password. */
class DemoLoginTest {

    private static final Path REALM = Path.of("src/main/keycloak/hearth-realm.json");

    @Test
    void thePrintedLoginsAreExactlyTheRealmsUsersWithTheirRoles() throws IOException {
        Map<String, JsonObject> users = realmUsers();

        assertThat(users.keySet())
                .containsExactlyInAnyOrderElementsOf(
                        DemoLogin.ALL.stream().map(DemoLogin::username).toList());
        for (DemoLogin login : DemoLogin.ALL) {
            JsonObject user = users.get(login.username());
            assertThat(strings(user, "realmRoles")).containsExactlyInAnyOrderElementsOf(login.roles());
            assertThat(user.getString("firstName") + " " + user.getString("lastName"))
                    .isEqualTo(login.name());
            JsonObject credential = user.getJsonArray("credentials").getJsonObject(0);
            assertThat(credential.getString("value")).isEqualTo(DemoLogin.PASSWORD);
            assertThat(credential.getBoolean("temporary")).isFalse();
            assertThat(user.getJsonArray("requiredActions"))
                    .as("no form before the first login")
                    .isEmpty();
            assertThat(user.getBoolean("enabled")).isTrue();
            assertThat(user.getBoolean("emailVerified")).isTrue();
            assertThat(user.getString("email")).isEqualTo(login.username() + "@hearth.example");
        }
    }

    @Test
    void eachLoginLandsOnTheHomeOfItsFirstRoleInSupervisorCounselorFrontDeskAdminOrder() {
        Map<String, String> homes = new LinkedHashMap<>();
        homes.put("supervisor", "Program overview");
        homes.put("counselor", "My caseload");
        homes.put("front-desk", "Today's schedule");
        homes.put("admin", "Administration");

        for (DemoLogin login : DemoLogin.ALL) {
            String expected = homes.entrySet().stream()
                    .filter(home -> login.roles().contains(home.getKey()))
                    .map(Map.Entry::getValue)
                    .findFirst()
                    .orElseThrow();
            assertThat(login.home()).as(login.username()).isEqualTo(expected);
        }
        assertThat(DemoLogin.ALL)
                .filteredOn(login -> login.username().equals("sofia"))
                .singleElement()
                .extracting(DemoLogin::home)
                .isEqualTo("Program overview");
    }

    @Test
    void everyRoleHasADemoUserAndOneSupervisorAlsoCounsels() {
        assertThat(DemoLogin.ALL.stream().flatMap(l -> l.roles().stream()).distinct())
                .containsExactlyInAnyOrder("front-desk", "counselor", "supervisor", "admin");
        assertThat(DemoLogin.ALL).anyMatch(l -> l.roles().containsAll(List.of("supervisor", "counselor")));
    }

    @Test
    void theDevOnlyClientIsMarkedAsSuch() throws IOException {
        JsonObject realm = realm();
        JsonObject cli = realm.getJsonArray("clients").getValuesAs(JsonObject.class).stream()
                .filter(c -> c.getString("clientId").equals("hearth-dev-cli"))
                .findFirst()
                .orElseThrow();
        assertThat(cli.getBoolean("publicClient")).isTrue();
        assertThat(cli.getBoolean("directAccessGrantsEnabled")).isTrue();
        assertThat(cli.getString("description")).startsWith("DEV ONLY");
    }

    private static Map<String, JsonObject> realmUsers() throws IOException {
        return realm().getJsonArray("users").getValuesAs(JsonObject.class).stream()
                .collect(Collectors.toMap(u -> u.getString("username"), Function.identity()));
    }

    private static JsonObject realm() throws IOException {
        try (Reader reader = Files.newBufferedReader(REALM)) {
            return Json.createReader(reader).readObject();
        }
    }

    private static List<String> strings(JsonObject object, String name) {
        return object.getJsonArray(name).getValuesAs(JsonString.class).stream()
                .map(JsonString::getString)
                .toList();
    }
}
