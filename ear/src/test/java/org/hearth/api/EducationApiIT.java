package org.hearth.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hearth.testing.ApiClient.json;
import static org.hearth.testing.ApiClient.jsonArray;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
 * Education given through the API with real tokens: the note's topics round-trip (typed in the OpenAPI document),
 * the family's record lists them, the front desk is refused, and the handouts are served as PDFs in
 * English and Spanish, an unknown topic being 404.
 */
@ExtendWith({HearthStack.class, ArquillianExtension.class})
@RunAsClient
class EducationApiIT {

    private final ApiClient api = new ApiClient();
    private final Sql database = Sql.testDatabase();

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.hearth();
    }

    @Test
    void theNotesTopicsRoundTripAndTheRecordListsThemWhileTheFrontDeskIsRefused() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String program = "Education API " + suffix;
        TestData data = new TestData(database);
        long programId = data.program(program);
        data.realmStaff("frida", "Frida Moreno", "front-desk", program);
        data.realmStaff("sam", "Sam Okafor", "supervisor", program);
        data.realmStaff("carlos", "Carlos Rivera", "counselor", program);
        long familyId = api.registerFamilyOfOne(programId, "EducationApi-" + suffix);
        assertThat(api.send("sam", "PUT", "families/" + familyId + "/assignment", "{\"counselorUsername\": \"carlos\"}")
                        .statusCode())
                .isEqualTo(200);
        database.update(
                "insert into appointment (family_id, kind, counselor_id, telehealth, starts_at, ends_at, status,"
                        + " booked_by, booked_at) select cast(? as bigint), 'FAMILY_THERAPY', s.id, true,"
                        + " now() - interval '2 hours', now() - interval '1 hour', 'COMPLETED', 'frida', now()"
                        + " from staff_member s where s.username = 'carlos'",
                Long.toString(familyId));
        String session = database.query(
                        "select max(id) from appointment where family_id = cast(? as bigint)", Long.toString(familyId))
                .get(0)
                .get(0);
        JsonObject note = json(api.send("carlos", "POST", "notes", "{\"appointmentId\": " + session + "}")
                .body());
        long noteId = note.getJsonNumber("id").longValue();

        HttpResponse<String> unknown = api.send(
                "carlos",
                "PUT",
                "notes/" + noteId,
                "{\"content\": {\"educationTopics\": [\"ASTROLOGY\"]}, \"version\": 0}");
        assertThat(unknown.statusCode()).as("a topic not on the checklist").isEqualTo(400);

        HttpResponse<String> saved = api.send(
                "carlos",
                "PUT",
                "notes/" + noteId,
                """
                {"content": {"data": "<p>D</p>", "assessment": "<p>A</p>", "plan": "<p>P</p>",
                             "educationTopics": ["SELF_CARE", "OVERDOSE_NALOXONE"]},
                 "version": 0}
                """);
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
        assertThat(json(saved.body())
                        .getJsonObject("content")
                        .getJsonArray("educationTopics")
                        .getValuesAs(jakarta.json.JsonString.class)
                        .stream()
                        .map(jakarta.json.JsonString::getString))
                .containsExactly("OVERDOSE_NALOXONE", "SELF_CARE");
        long version = json(saved.body()).getJsonNumber("version").longValue();
        HttpResponse<String> signed =
                api.send("carlos", "POST", "notes/" + noteId + "/sign", "{\"version\": " + version + "}");
        assertThat(signed.statusCode()).as(signed.body()).isEqualTo(200);
        assertThat(json(signed.body()).getBoolean("intact")).isTrue();

        HttpResponse<String> covered = api.send("sam", "GET", "families/" + familyId + "/education", null);
        assertThat(covered.statusCode()).as(covered.body()).isEqualTo(200);
        JsonObject overdose = json(covered.body()).getJsonArray("topics").getJsonObject(0);
        assertThat(overdose.getString("topic")).isEqualTo("OVERDOSE_NALOXONE");
        assertThat(overdose.getJsonArray("sessions").getJsonObject(0).getString("counselor"))
                .isEqualTo("Carlos Rivera");
        assertThat(overdose.getJsonArray("sessions").getJsonObject(0).getBoolean("draft"))
                .isFalse();
        assertThat(json(covered.body()).getJsonArray("topics").getJsonObject(1).getJsonArray("sessions"))
                .as("withdrawal: not covered")
                .isEmpty();
        assertThat(api.send("frida", "GET", "families/" + familyId + "/education", null)
                        .statusCode())
                .isEqualTo(403);
        assertThat(api.send("carlos", "GET", "families/" + (familyId + 1_000_000) + "/education", null)
                        .statusCode())
                .as("a family that is not there: the same answer as one not one's own")
                .isEqualTo(403);
    }

    @Test
    void theHandoutsAreServedAsOnePagePdfsInBothLanguagesAndAnUnknownTopicIs404() throws Exception {
        HttpResponse<String> list = api.send("frida", "GET", "handouts", null);
        assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
        assertThat(jsonArray(list.body())).hasSize(6);
        assertThat(jsonArray(list.body()).getJsonObject(0).getString("slug")).isEqualTo("overdose-naloxone");

        HttpResponse<String> typed = api.send("carlos", "GET", "handouts/medications.pdf?lang=es", null);
        assertThat(typed.statusCode()).isEqualTo(200);
        assertThat(typed.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/pdf"));

        HttpResponse<byte[]> pdf = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(
                                        URI.create(HearthStack.appUrl() + "api/v1/handouts/medications.pdf?lang=es"))
                                .header("Authorization", "Bearer " + Keycloak.accessTokenOf("frida"))
                                .header("Accept", "application/pdf")
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(new String(pdf.body(), 0, 5, java.nio.charset.StandardCharsets.ISO_8859_1))
                .isEqualTo("%PDF-");
        assertThat(pdf.headers().firstValue("Content-Disposition"))
                .hasValueSatisfying(d -> assertThat(d).contains("handout-medications-es.pdf"));
        // (one page, with its sources, in HandoutsTest)

        assertThat(api.send("carlos", "GET", "handouts/astrology.pdf?lang=en", null)
                        .statusCode())
                .isEqualTo(404);
        HttpResponse<String> french = api.send("carlos", "GET", "handouts/self-care.pdf?lang=fr", null);
        assertThat(french.statusCode()).isEqualTo(400);
        assertThat(json(french.body()).getJsonArray("errors").getJsonObject(0).getString("field"))
                .isEqualTo("lang");
    }
}
