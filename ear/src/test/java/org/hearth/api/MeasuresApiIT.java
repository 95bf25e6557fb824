package org.hearth.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hearth.testing.ApiClient.json;
import static org.hearth.testing.ApiClient.jsonArray;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
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
 * Family members' PHQ-9 and GAD-7 through the API with real tokens, every answer checked against the OpenAPI
 * document: the counselor records a measure Hearth scores, item 9 raises the flag, bad answers are named question by
 * question; the supervisor reads only; another counselor, the front desk and an id of no measure get the same 403.
 */
@ExtendWith({HearthStack.class, ArquillianExtension.class})
@RunAsClient
class MeasuresApiIT {

    private final ApiClient api = new ApiClient();
    private final Sql database = Sql.testDatabase();

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.hearth();
    }

    @Test
    void theCounselorRecordsMeasuresHearthScoresThemAndOthersAreKeptOut() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String program = "Wellbeing API " + suffix;
        TestData data = new TestData(database);
        long programId = data.program(program);
        data.realmStaff("frida", "Frida Moreno", "front-desk", program);
        data.realmStaff("sam", "Sam Okafor", "supervisor", program);
        data.realmStaff("carlos", "Carlos Rivera", "counselor", program);
        data.realmStaff("cora", "Cora Jensen", "counselor", program);
        long familyId = api.registerFamilyOfOne(programId, "WellbeingApi-" + suffix);
        assertThat(api.send("sam", "PUT", "families/" + familyId + "/assignment", "{\"counselorUsername\": \"carlos\"}")
                        .statusCode())
                .isEqualTo(200);
        long member = Long.parseLong(database.query(
                        "select id from family_member where family_id = cast(? as bigint)", Long.toString(familyId))
                .get(0)
                .get(0));
        String measures = "families/" + familyId + "/measures";
        String today = LocalDate.now(ClinicTime.zone()).toString();

        HttpResponse<String> due = api.send("carlos", "GET", measures + "/due", null);
        assertThat(due.statusCode()).as(due.body()).isEqualTo(200);
        assertThat(jsonArray(due.body()).getValuesAs(JsonObject.class))
                .extracting(d -> d.getString("instrument") + " " + d.getString("dueOn") + " " + d.getBoolean("due"))
                .containsExactly("PHQ9 " + today + " true", "GAD7 " + today + " true");

        HttpResponse<String> bad = api.send(
                "carlos",
                "POST",
                measures,
                "{\"memberId\": " + member + ", \"instrument\": \"GAD7\", \"answers\": [0, 1, 5, 0, null, 1, 0]}");
        assertThat(bad.statusCode()).as(bad.body()).isEqualTo(400);
        assertThat(json(bad.body()).getJsonArray("errors").stream()
                        .map(e -> e.asJsonObject().getString("field") + ": "
                                + e.asJsonObject().getString("message"))
                        .toList())
                .containsExactly(
                        "answers[2]: Question 3: choose one of the four answers (0 to 3).",
                        "answers[4]: Question 5 needs an answer.");

        // hand-scored: 2+2+2+2+2+2+2+2+1 = 17, moderately severe, item 9 at 1
        HttpResponse<String> recorded = api.send(
                "carlos",
                "POST",
                measures,
                "{\"memberId\": " + member + ", \"instrument\": \"PHQ9\", \"answers\": [2, 2, 2, 2, 2, 2, 2, 2, 1],"
                        + " \"difficulty\": 2}");
        assertThat(recorded.statusCode()).as(recorded.body()).isEqualTo(201);
        JsonObject saved = json(recorded.body());
        assertThat(saved.getBoolean("flagRaised")).isTrue();
        assertThat(saved.getJsonObject("measure").getInt("total")).isEqualTo(17);
        assertThat(saved.getJsonObject("measure").getString("band")).isEqualTo("MODERATELY_SEVERE");
        assertThat(saved.getJsonObject("measure").getString("occasion")).isEqualTo("INTAKE");
        long measureId = saved.getJsonObject("measure").getJsonNumber("id").longValue();
        assertThat(database.query(
                        "select reason, source from safety_flag_raise where family_id = cast(? as bigint)"
                                + " and lowered_at is null",
                        Long.toString(familyId)))
                .containsExactly(List.of("MEMBER_SELF_HARM", "PHQ-9 of " + today));

        HttpResponse<String> listed = api.send("sam", "GET", measures, null);
        assertThat(listed.statusCode()).as(listed.body()).isEqualTo(200);
        assertThat(jsonArray(listed.body()).getJsonObject(0).getBoolean("selfHarm"))
                .isTrue();
        HttpResponse<String> one = api.send("sam", "GET", "measures/" + measureId, null);
        assertThat(one.statusCode()).as(one.body()).isEqualTo(200);
        assertThat(json(one.body()).getJsonArray("answers").size()).isEqualTo(9);
        assertThat(api.send(
                                "sam",
                                "POST",
                                measures,
                                "{\"memberId\": " + member
                                        + ", \"instrument\": \"GAD7\", \"answers\": [0,0,0,0,0,0,0]}")
                        .statusCode())
                .as("supervisors read only")
                .isEqualTo(403);

        HttpResponse<String> otherCounselor = api.send("cora", "GET", "measures/" + measureId, null);
        assertThat(otherCounselor.statusCode()).isEqualTo(403);
        assertThat(api.send("cora", "GET", measures, null).statusCode()).isEqualTo(403);
        assertThat(api.send("frida", "GET", measures + "/due", null).statusCode())
                .isEqualTo(403);
        HttpResponse<String> noMeasure = api.send("carlos", "GET", "measures/" + (measureId + 1_000_000), null);
        assertThat(noMeasure.statusCode()).isEqualTo(403);
        assertThat(noMeasure.body())
                .as("the same answer as a record one may not see")
                .isEqualTo(otherCounselor.body());
        assertThat(database.query(
                        "select count(*) from wellbeing_measure where family_id = cast(? as bigint)",
                        Long.toString(familyId)))
                .isEqualTo(List.of(List.of("1")));
    }
}
