package org.hearth.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hearth.testing.ApiClient.json;
import static org.hearth.testing.ApiClient.jsonArray;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
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
 * The safety plan and the raised safety flags through the API with real tokens, every JSON answer checked against
 * the OpenAPI document: the counselor saves and signs, reviews and prints; bad input is named field by field, a
 * stale version is a 409 naming the safety plan; the supervisor reads only; another counselor, the front desk and
 * an id of no family get the same 403; a raised flag is lowered with a note.
 */
@ExtendWith({HearthStack.class, ArquillianExtension.class})
@RunAsClient
class SafetyPlanApiIT {

    private final ApiClient api = new ApiClient();
    private final Sql database = Sql.testDatabase();

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.hearth();
    }

    @Test
    void theCounselorWritesReviewsAndPrintsThePlanAndLowersAFlagAndOthersAreKeptOut() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String program = "Safety API " + suffix;
        TestData data = new TestData(database);
        long programId = data.program(program);
        data.realmStaff("frida", "Frida Moreno", "front-desk", program);
        data.realmStaff("sam", "Sam Okafor", "supervisor", program);
        data.realmStaff("carlos", "Carlos Rivera", "counselor", program);
        data.realmStaff("cora", "Cora Jensen", "counselor", program);
        long familyId = api.registerFamilyOfOne(programId, "SafetyApi-" + suffix);
        assertThat(api.send("sam", "PUT", "families/" + familyId + "/assignment", "{\"counselorUsername\": \"carlos\"}")
                        .statusCode())
                .isEqualTo(200);
        database.update(
                "insert into intake (family_id, safety_flag, domestic_violence, started_by, started_at, updated_by,"
                        + " updated_at) values (cast(? as bigint), true, true, 'carlos', now(), 'carlos', now())",
                Long.toString(familyId));
        String member = database.query(
                        "select id from family_member where family_id = cast(? as bigint)", Long.toString(familyId))
                .get(0)
                .get(0);
        String plan = "families/" + familyId + "/safety-plan";

        HttpResponse<String> none = api.send("carlos", "GET", plan, null);
        assertThat(none.statusCode()).as(none.body()).isEqualTo(200);
        JsonObject empty = json(none.body());
        assertThat(!empty.containsKey("number") || empty.isNull("number")).isTrue();
        assertThat(empty.getJsonObject("due").getBoolean("noPlan")).isTrue();

        String body =
                """
                {"content": {"warningSigns": ["Shouting after midnight"],
                  "members": [{"memberId": %s, "part": "Takes the children to Rosa's"}],
                  "contacts": [{"name": "Aunt Rosa", "relation": "aunt", "phone": "%s"}],
                  "naloxoneWhere": "Top kitchen drawer", "naloxoneTrained": [%s],
                  "leaving": {"whereToGo": "Rosa's flat", "codeWord": "sunflower", "leftOffPrint": false}},
                 "version": %s}
                """;
        HttpResponse<String> bad = api.send("carlos", "PUT", plan, body.formatted(member, "call me", member, "null"));
        assertThat(bad.statusCode()).as(bad.body()).isEqualTo(400);
        assertThat(json(bad.body()).getJsonArray("errors").stream()
                        .map(e -> e.asJsonObject().getString("field"))
                        .toList())
                .containsExactly("contacts[0].phone");

        HttpResponse<String> saved =
                api.send("carlos", "PUT", plan, body.formatted(member, "(212) 555-0147", member, "null"));
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
        assertThat(json(saved.body()).getInt("number")).isEqualTo(1);
        assertThat(json(saved.body()).getString("signedByName")).isEqualTo("Carlos Rivera");
        long version = json(saved.body()).getJsonNumber("version").longValue();

        HttpResponse<String> stale =
                api.send("carlos", "PUT", plan, body.formatted(member, "(212) 555-0100", member, version + 1));
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(json(stale.body()).getString("detail")).contains("safety plan");
        HttpResponse<String> second =
                api.send("carlos", "PUT", plan, body.formatted(member, "(212) 555-0100", member, version));
        assertThat(second.statusCode()).as(second.body()).isEqualTo(200);
        assertThat(json(second.body()).getJsonArray("versions")).hasSize(2);
        long latest = json(second.body()).getJsonNumber("version").longValue();

        HttpResponse<String> reviewed = api.send("carlos", "POST", plan + "/reviews", "{\"version\": " + latest + "}");
        assertThat(reviewed.statusCode()).as(reviewed.body()).isEqualTo(201);
        assertThat(json(reviewed.body()).getJsonArray("reviews")).hasSize(1);
        HttpResponse<String> first = api.send("carlos", "GET", plan + "/versions/1", null);
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        assertThat(json(first.body())
                        .getJsonObject("content")
                        .getJsonArray("contacts")
                        .getJsonObject(0)
                        .getString("phone"))
                .isEqualTo("(212) 555-0147");

        HttpResponse<byte[]> pdf = pdf("carlos", plan + "/pdf?language=es");
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(new String(pdf.body(), 0, 5, java.nio.charset.StandardCharsets.US_ASCII))
                .isEqualTo("%PDF-");
        assertThat(pdf.headers().firstValue("Content-Disposition").orElseThrow())
                .contains("nuestro-plan.pdf");

        HttpResponse<String> supervisorReads = api.send("sam", "GET", plan, null);
        assertThat(supervisorReads.statusCode()).isEqualTo(200);
        assertThat(json(supervisorReads.body()).getBoolean("mayChange")).isFalse();
        assertThat(api.send("sam", "POST", plan + "/reviews", "{\"version\": " + latest + "}")
                        .statusCode())
                .isEqualTo(403);
        HttpResponse<String> otherCounselor = api.send("cora", "GET", plan, null);
        assertThat(otherCounselor.statusCode()).isEqualTo(403);
        assertThat(api.send("frida", "GET", plan, null).statusCode()).isEqualTo(403);
        assertThat(pdf("frida", plan + "/pdf").statusCode()).isEqualTo(403);
        HttpResponse<String> noFamily =
                api.send("carlos", "GET", "families/" + (familyId + 1_000_000) + "/safety-plan", null);
        assertThat(noFamily.statusCode()).isEqualTo(403);
        assertThat(noFamily.body())
                .as("the same answer as a record one may not see")
                .isEqualTo(otherCounselor.body());

        String raise = database.query(
                        "insert into safety_flag_raise (family_id, reason, source, raised_by, raised_at) values"
                                + " (cast(? as bigint), 'MEMBER_SELF_HARM', 'PHQ-9 of today', 'carlos', now())"
                                + " returning id",
                        Long.toString(familyId))
                .get(0)
                .get(0);
        String flags = "families/" + familyId + "/safety-flags";
        HttpResponse<String> standing = api.send("carlos", "GET", flags, null);
        assertThat(standing.statusCode()).as(standing.body()).isEqualTo(200);
        assertThat(jsonArray(standing.body())).hasSize(1);
        assertThat(jsonArray(standing.body()).getJsonObject(0).getString("raisedByName"))
                .isEqualTo("Carlos Rivera");
        HttpResponse<String> tooShort =
                api.send("carlos", "POST", flags + "/" + raise + "/lower", "{\"note\": \"ok\", \"version\": 0}");
        assertThat(tooShort.statusCode()).as(tooShort.body()).isEqualTo(400);
        assertThat(json(tooShort.body()).getJsonArray("errors").getJsonObject(0).getString("field"))
                .isEqualTo("note");
        assertThat(api.send(
                                "cora",
                                "POST",
                                flags + "/" + raise + "/lower",
                                "{\"note\": \"Called Rosa; she is safe\", \"version\": 0}")
                        .statusCode())
                .isEqualTo(403);
        HttpResponse<String> lowered = api.send(
                "carlos",
                "POST",
                flags + "/" + raise + "/lower",
                "{\"note\": \"Called Rosa; she is safe\", \"version\": 0}");
        assertThat(lowered.statusCode()).as(lowered.body()).isEqualTo(200);
        assertThat(jsonArray(lowered.body())).isEmpty();
        assertThat(database.query("select lowered_by from safety_flag_raise where id = cast(? as bigint)", raise))
                .isEqualTo(List.of(List.of("carlos")));
    }

    private static HttpResponse<byte[]> pdf(String user, String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(HearthStack.appUrl() + "api/v1/" + path))
                .header("Authorization", "Bearer " + Keycloak.accessTokenOf(user))
                .header("Accept", "application/pdf, application/problem+json")
                .GET()
                .build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());
    }
}
