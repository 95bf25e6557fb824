package org.hearth.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hearth.testing.ApiClient.json;
import static org.hearth.testing.ApiClient.jsonArray;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.UUID;
import org.hearth.testing.ApiClient;
import org.hearth.testing.Deployments;
import org.hearth.testing.HearthStack;
import org.hearth.testing.Sql;
import org.hearth.testing.TestData;
import org.hearth.time.ClinicTime;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Community resources over the API (issue 25): a supervisor keeps the directory (a counselor gets 403, a stale
 * version 409 naming the resource, bad input named by field); the family's counselor gives two resources and prints
 * the sheet in Spanish; another counselor gets 403. Every answer is checked against the OpenAPI document.
 */
@ExtendWith({HearthStack.class, ArquillianExtension.class})
@RunAsClient
class CommunityResourcesApiIT {

    private final ApiClient api = new ApiClient();
    private final Sql database = Sql.testDatabase();

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.hearth();
    }

    private static String body(String name, String kind, String phone, Long version) {
        return """
                {"name": "%s", "kind": "%s", "description": "A weekly meeting", "address": "12 Elm St, Albany",
                 "phone": "%s", "website": "https://al-anon.org", "hours": "Tuesdays 7 pm", "languages": ["en", "es"],
                 "setting": "IN_PERSON", "confirmedOn": "%s"%s}
                """
                .formatted(
                        name,
                        kind,
                        phone,
                        LocalDate.now(ClinicTime.zone()),
                        version == null ? "" : ", \"version\": " + version);
    }

    @Test
    void aSupervisorKeepsTheDirectoryTheCounselorGivesAndPrintsAndOthersAreKeptOut() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String program = "Resources API " + suffix;
        TestData data = new TestData(database);
        long programId = data.program(program);
        data.realmStaff("frida", "Frida Moreno", "front-desk", program);
        data.realmStaff("sam", "Sam Okafor", "supervisor", program);
        data.realmStaff("carlos", "Carlos Rivera", "counselor", program);
        data.realmStaff("cora", "Cora Jensen", "counselor", program);
        long familyId = api.registerFamilyOfOne(programId, "ResourcesApi-" + suffix);
        assertThat(api.send("sam", "PUT", "families/" + familyId + "/assignment", "{\"counselorUsername\": \"carlos\"}")
                        .statusCode())
                .isEqualTo(200);

        String name = "Al-Anon Hope " + suffix;
        HttpResponse<String> byCounselor =
                api.send("carlos", "POST", "resources", body(name, "FAMILY_MUTUAL_HELP", "(518) 555-0147", null));
        assertThat(byCounselor.statusCode()).as(byCounselor.body()).isEqualTo(403);
        HttpResponse<String> badPhone =
                api.send("sam", "POST", "resources", body(name, "FAMILY_MUTUAL_HELP", "555-01", null));
        assertThat(badPhone.statusCode()).as(badPhone.body()).isEqualTo(400);
        assertThat(json(badPhone.body()).getJsonArray("errors").getJsonObject(0).getString("field"))
                .isEqualTo("phone");

        HttpResponse<String> created =
                api.send("sam", "POST", "resources", body(name, "FAMILY_MUTUAL_HELP", "(518) 555-0147", null));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        long alAnon = json(created.body()).getJsonNumber("id").longValue();
        long version = json(created.body()).getJsonNumber("version").longValue();
        HttpResponse<String> crisis =
                api.send("sam", "POST", "resources", body("988 " + suffix, "CRISIS_LINE", "988", null));
        assertThat(crisis.statusCode()).as(crisis.body()).isEqualTo(201);
        long crisisId = json(crisis.body()).getJsonNumber("id").longValue();

        HttpResponse<String> changed = api.send(
                "sam",
                "PUT",
                "resources/" + alAnon,
                body(name + " Group", "FAMILY_MUTUAL_HELP", "(518) 555-0147", version));
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        HttpResponse<String> stale = api.send(
                "sam",
                "PUT",
                "resources/" + alAnon,
                body(name + " Lost", "FAMILY_MUTUAL_HELP", "(518) 555-0147", version));
        assertThat(stale.statusCode()).as(stale.body()).isEqualTo(409);
        assertThat(json(stale.body()).getString("detail")).contains("resource");
        HttpResponse<String> confirmed = api.send(
                "sam",
                "POST",
                "resources/" + alAnon + "/confirm",
                "{\"version\": " + json(changed.body()).getJsonNumber("version").longValue() + "}");
        assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(200);

        HttpResponse<String> found =
                api.send("frida", "GET", "resources?text=" + suffix + "&kind=FAMILY_MUTUAL_HELP&language=es", null);
        assertThat(found.statusCode()).as(found.body()).isEqualTo(200);
        assertThat(json(found.body()).getJsonNumber("total").longValue()).isEqualTo(1);
        assertThat(json(found.body()).getJsonArray("rows").getJsonObject(0).getString("name"))
                .isEqualTo(name + " Group");
        assertThat(api.send("frida", "GET", "resources?kind=SOUP_KITCHEN", null).statusCode())
                .isEqualTo(400);

        String given = "families/" + familyId + "/resources-given";
        String today = LocalDate.now(ClinicTime.zone()).toString();
        HttpResponse<String> future = api.send(
                "carlos",
                "POST",
                given,
                "{\"resourceIds\": [" + alAnon + "], \"givenOn\": \""
                        + LocalDate.parse(today).plusDays(1) + "\", \"how\": \"EMAIL\"}");
        assertThat(future.statusCode()).as(future.body()).isEqualTo(400);
        assertThat(json(future.body()).getJsonArray("errors").getJsonObject(0).getString("field"))
                .isEqualTo("givenOn");
        HttpResponse<String> gave = api.send(
                "carlos",
                "POST",
                given,
                "{\"resourceIds\": [" + alAnon + ", " + crisisId + "], \"givenOn\": \"" + today
                        + "\", \"how\": \"IN_SESSION\"}");
        assertThat(gave.statusCode()).as(gave.body()).isEqualTo(201);
        assertThat(jsonArray(gave.body())).hasSize(2);

        HttpResponse<String> listed = api.send("carlos", "GET", given, null);
        assertThat(listed.statusCode()).as(listed.body()).isEqualTo(200);
        JsonArray gifts = jsonArray(listed.body());
        assertThat(gifts).hasSize(2);
        JsonObject first = gifts.getJsonObject(0);
        assertThat(first.getString("givenBy")).isEqualTo("carlos");
        assertThat(!first.containsKey("memberId") || first.isNull("memberId"))
                .as("given to the family as a whole")
                .isTrue();

        HttpResponse<String> sheet =
                api.send("carlos", "GET", given + "/sheet.pdf?ids=" + alAnon + "," + crisisId + "&lang=es", null);
        assertThat(sheet.statusCode()).as(sheet.body()).isEqualTo(200);
        assertThat(sheet.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/pdf"));
        assertThat(sheet.body()).startsWith("%PDF-");
        HttpResponse<String> badLanguage =
                api.send("carlos", "GET", given + "/sheet.pdf?ids=" + alAnon + "&lang=fr", null);
        assertThat(badLanguage.statusCode()).as(badLanguage.body()).isEqualTo(400);

        assertThat(api.send("cora", "GET", given, null).statusCode()).isEqualTo(403);
        assertThat(api.send("cora", "GET", given + "/sheet.pdf?ids=" + alAnon, null)
                        .statusCode())
                .isEqualTo(403);
        assertThat(api.send("frida", "GET", given, null).statusCode()).isEqualTo(403);
        assertThat(api.send("sam", "GET", given, null).statusCode()).isEqualTo(200);
        assertThat(api.send(
                                "sam",
                                "POST",
                                given,
                                "{\"resourceIds\": [" + alAnon + "], \"givenOn\": \"" + today
                                        + "\", \"how\": \"PHONE\"}")
                        .statusCode())
                .as("the supervisor reads only")
                .isEqualTo(403);
    }
}
