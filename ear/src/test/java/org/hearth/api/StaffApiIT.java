package org.hearth.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hearth.testing.ApiClient.json;
import static org.hearth.testing.ApiClient.jsonArray;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import org.hearth.testing.ApiClient;
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

/**
 * Who serves where over the API: administrators list staff, give them programs and create and close programs,
 * with version conflicts answered 409; others get 403. A deactivated staff member's still valid token is
 * refused on every endpoint until they are reactivated.
 */
@ExtendWith({HearthStack.class, ArquillianExtension.class})
@RunAsClient
class StaffApiIT {

    /** A realm user only this test deactivates, so that no other test loses a demo user meanwhile. */
    private static final String LEAVER = "leaver-staff-it";

    private final ApiClient api = new ApiClient();
    private final Sql database = Sql.testDatabase();

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.hearth();
    }

    @Test
    void administratorsGiveProgramsAndASecondEditorGetsAConflict() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        TestData data = new TestData(database);
        data.realmStaff("ada", "Ada Kowalski", "admin");
        data.staff("nina-" + suffix, "counselor");

        HttpResponse<String> created = api.send("ada", "POST", "programs", "{\"name\": \"Outreach " + suffix + "\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        long program = json(created.body()).getJsonNumber("id").longValue();

        HttpResponse<String> listed = api.send("ada", "GET", "staff?search=nina-" + suffix, null);
        assertThat(listed.statusCode()).as(listed.body()).isEqualTo(200);
        JsonObject nina = json(listed.body()).getJsonArray("rows").getJsonObject(0);
        long id = nina.getJsonNumber("id").longValue();
        long version = nina.getJsonNumber("version").longValue();
        assertThat(nina.getString("username")).isEqualTo("nina-" + suffix);
        assertThat(nina.getBoolean("active")).isTrue();

        String body = "{\"programIds\": [" + program + "], \"version\": " + version + "}";
        HttpResponse<String> saved = api.send("ada", "PUT", "staff/" + id + "/programs", body);
        HttpResponse<String> again = api.send("ada", "PUT", "staff/" + id + "/programs", body);

        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
        assertThat(json(saved.body()).getJsonArray("programNames").getString(0)).isEqualTo("Outreach " + suffix);
        assertThat(again.statusCode()).as(again.body()).isEqualTo(409);
        assertThat(again.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));

        HttpResponse<String> closed =
                api.send("ada", "PUT", "programs/" + program, "{\"closed\": true, \"version\": 0}");
        assertThat(closed.statusCode()).as(closed.body()).isEqualTo(200);
        assertThat(jsonArray(api.send("ada", "GET", "programs", null).body()).stream()
                        .map(v -> v.asJsonObject())
                        .filter(p -> p.getJsonNumber("id").longValue() == program)
                        .map(p -> p.getBoolean("closed"))
                        .toList())
                .containsExactly(true);
    }

    @Test
    void everyoneListsTheProgramsTheyWorkInSoAnApiClientCanRegisterAFamily() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        TestData data = new TestData(database);
        long theirs = data.program("Theirs " + suffix);
        long other = data.program("Other " + suffix);
        data.realmStaff("frida", "Frida Nilsson", "front-desk", "Theirs " + suffix);
        data.realmStaff("carlos", "Carlos Rivera", "counselor", "Theirs " + suffix);

        for (String user : List.of("frida", "carlos")) {
            HttpResponse<String> listed = api.send(user, "GET", "programs", null);
            assertThat(listed.statusCode()).as(user + ": " + listed.body()).isEqualTo(200);
            List<Long> ids = jsonArray(listed.body()).stream()
                    .map(p -> p.asJsonObject().getJsonNumber("id").longValue())
                    .toList();
            assertThat(ids).as(user).contains(theirs).doesNotContain(other);
            assertThat(jsonArray(listed.body()).stream()
                            .map(p -> p.asJsonObject())
                            .filter(p -> p.getJsonNumber("id").longValue() == theirs)
                            .map(p -> p.getString("name"))
                            .toList())
                    .containsExactly("Theirs " + suffix);
        }
        long family = api.registerFamilyOfOne(theirs, "Programs" + suffix);
        assertThat(family).as("registered into the program the list gave").isPositive();
        data.realmStaff("ada", "Ada Kowalski", "admin");
        assertThat(jsonArray(api.send("ada", "GET", "programs", null).body()).stream()
                        .map(p -> p.asJsonObject().getJsonNumber("id").longValue())
                        .toList())
                .as("an administrator lists every program")
                .contains(theirs, other);
    }

    @Test
    void othersThanAdministratorsAreRefusedAndAudited() throws Exception {
        HttpResponse<String> refused = api.send("carlos", "GET", "staff", null);
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(api.send("sam", "POST", "programs", "{\"name\": \"Not allowed\"}")
                        .statusCode())
                .isEqualTo(403);
        assertThat(database.query("select count(*) from program where name = 'Not allowed'"))
                .containsExactly(List.of("0"));
        assertThat(database.query("select count(*) > 0 from audit_entry where username = 'carlos'"
                        + " and outcome = 'DENIED' and reason like 'StaffAdministration.staff:%'"))
                .containsExactly(List.of("t"));
    }

    @Test
    void aDeactivatedStaffMembersValidTokenIsRefusedEverywhereUntilReactivated() throws Exception {
        Keycloak.ensureUser(LEAVER, "Lee", "Leaver", "counselor");
        new TestData(database).realmStaff("ada", "Ada Kowalski", "admin");
        String token = Keycloak.accessTokenOf(LEAVER);
        assertThat(api.sendWithToken(token, "GET", "me", null).statusCode()).isEqualTo(200);
        JsonObject leaver = json(api.send("ada", "GET", "staff?search=" + LEAVER, null)
                        .body())
                .getJsonArray("rows")
                .getJsonObject(0);
        long id = leaver.getJsonNumber("id").longValue();

        String refusalsBefore = database.query(
                        "select count(*) from audit_entry where username = ? and action = 'SIGN_IN_REFUSED'", LEAVER)
                .get(0)
                .get(0);
        HttpResponse<String> deactivated = api.send(
                "ada",
                "POST",
                "staff/" + id + "/deactivation",
                "{\"version\": " + leaver.getJsonNumber("version").longValue() + "}");
        assertThat(deactivated.statusCode()).as(deactivated.body()).isEqualTo(200);

        for (String path : List.of("me", "caseload", "notes/due")) {
            HttpResponse<String> refused = api.sendWithToken(token, "GET", path, null);
            assertThat(refused.statusCode()).as(path).isEqualTo(403);
            assertThat(refused.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(refused.body()).contains("This account is deactivated in Hearth; ask an administrator.");
        }
        assertThat(database.query(
                        "select count(*) - cast(? as bigint) from audit_entry where username = ?"
                                + " and action = 'SIGN_IN_REFUSED'",
                        refusalsBefore,
                        LEAVER))
                .as("one refusal recorded for each request")
                .containsExactly(List.of("3"));

        long version = json(deactivated.body())
                .getJsonObject("staff")
                .getJsonNumber("version")
                .longValue();
        HttpResponse<String> reactivated =
                api.send("ada", "POST", "staff/" + id + "/reactivation", "{\"version\": " + version + "}");
        assertThat(reactivated.statusCode()).as(reactivated.body()).isEqualTo(200);
        assertThat(api.sendWithToken(token, "GET", "me", null).statusCode()).isEqualTo(200);
    }
}
