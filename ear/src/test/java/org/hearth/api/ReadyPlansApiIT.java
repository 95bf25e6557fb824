package org.hearth.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hearth.testing.ApiClient.json;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;
import org.hearth.plans.PlanTestData;
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
 * An episode's ready plan through the API with real tokens, every answer checked against the OpenAPI document:
 * the counselor shortlists, records answers and gets the plan ready; bad input is named field by field, a stale
 * version is a 409 naming the plan; the supervisor reads only; another counselor, the front desk and an id of
 * no episode get the same 403.
 */
@ExtendWith({HearthStack.class, ArquillianExtension.class})
@RunAsClient
class ReadyPlansApiIT {

    private final ApiClient api = new ApiClient();
    private final Sql database = Sql.testDatabase();

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.hearth();
    }

    @Test
    void theCounselorGetsThePlanReadyBadInputIsNamedAndOthersAreKeptOut() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String program = "Plans API " + suffix;
        TestData data = new TestData(database);
        long programId = data.program(program);
        data.realmStaff("frida", "Frida Moreno", "front-desk", program);
        data.realmStaff("sam", "Sam Okafor", "supervisor", program);
        data.realmStaff("carlos", "Carlos Rivera", "counselor", program);
        data.realmStaff("cora", "Cora Jensen", "counselor", program);
        long familyId = api.registerFamilyOfOne(programId, "PlansApi-" + suffix);
        assertThat(api.send("sam", "PUT", "families/" + familyId + "/assignment", "{\"counselorUsername\": \"carlos\"}")
                        .statusCode())
                .isEqualTo(200);
        PlanTestData plans = new PlanTestData(database);
        // readiness to change at 2: intensive outpatient
        long episode = plans.episodeOf(familyId, "carlos", 0, 0, 0, 2, 1, 1);
        long provider = plans.provider(
                "Bridge IOP " + suffix,
                "Apitown",
                3,
                true,
                4,
                Set.of("INTENSIVE_OUTPATIENT"),
                Set.of("MEDICAID"),
                Set.of("en"),
                Set.of());
        plans.provider(
                "Far Residential " + suffix,
                "Apitown",
                3,
                true,
                30,
                Set.of("RESIDENTIAL"),
                Set.of(),
                Set.of(),
                Set.of());
        String plan = "episodes/" + episode + "/plan";
        String today = LocalDate.now(ClinicTime.zone()).toString();

        HttpResponse<String> proposed = api.send("carlos", "GET", plan, null);
        assertThat(proposed.statusCode()).as(proposed.body()).isEqualTo(200);
        assertThat(json(proposed.body()).getBoolean("saved")).isFalse();
        assertThat(json(proposed.body()).getJsonObject("suggested").getString("level"))
                .isEqualTo("INTENSIVE_OUTPATIENT");

        HttpResponse<String> found = api.send("carlos", "GET", plan + "/suggestions?search=" + suffix, null);
        assertThat(found.statusCode()).as(found.body()).isEqualTo(200);
        assertThat(json(found.body()).getJsonNumber("total").longValue()).isEqualTo(2);
        JsonObject best = json(found.body()).getJsonArray("rows").getJsonObject(0);
        assertThat(best.getJsonNumber("providerId").longValue()).isEqualTo(provider);
        assertThat(best.getJsonObject("fit").getString("level")).isEqualTo("FITS");

        HttpResponse<String> listed =
                api.send("carlos", "POST", plan + "/shortlist", "{\"providerId\": " + provider + ", \"version\": 0}");
        assertThat(listed.statusCode()).as(listed.body()).isEqualTo(201);
        long entry = json(listed.body())
                .getJsonArray("shortlist")
                .getJsonObject(0)
                .getJsonNumber("id")
                .longValue();
        long version = json(listed.body()).getJsonNumber("version").longValue();

        HttpResponse<String> bad = api.send(
                "carlos",
                "PUT",
                plan + "/shortlist/" + entry,
                """
                {"interview": {"interviewedOn": "%s", "waitDays": 900}, "slotAvailable": true,
                 "preauth": {"state": "NOT_STARTED", "decidedOn": "%s"}, "version": %d}
                """
                        .formatted(today, today, version));
        assertThat(bad.statusCode()).as(bad.body()).isEqualTo(400);
        assertThat(json(bad.body()).getJsonArray("errors").stream()
                        .map(e -> e.asJsonObject().getString("field"))
                        .toList())
                .containsExactly("interview.waitDays", "preauth.decidedOn");
        assertThat(json(bad.body()).getJsonArray("errors").getJsonObject(0).getString("message"))
                .isEqualTo("The wait is between 0 and 365 days.");

        String answers =
                """
                {"interview": {"interviewedOn": "%s", "waitDays": 4, "familyInvolvement": "Family night on Tuesdays"},
                 "slotAvailable": true, "slotNote": "Starts Monday",
                 "preauth": {"state": "NOT_NEEDED"}, "version": %d}
                """;
        HttpResponse<String> stale =
                api.send("carlos", "PUT", plan + "/shortlist/" + entry, answers.formatted(today, version - 1));
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(json(stale.body()).getString("detail")).contains("plan");
        HttpResponse<String> ready =
                api.send("carlos", "PUT", plan + "/shortlist/" + entry, answers.formatted(today, version));
        assertThat(ready.statusCode()).as(ready.body()).isEqualTo(200);
        assertThat(json(ready.body()).getBoolean("ready")).isTrue();
        assertThat(json(ready.body()).getString("readySince")).isNotBlank();
        HttpResponse<String> prepared = api.send(
                "carlos",
                "PUT",
                plan + "/preparations",
                """
                {"transportKind": "PUBLIC_TRANSIT", "companions": "Rosa", "bag": ["PHOTO_ID", "MEDICATION_LIST"],
                 "version": %d}
                """
                        .formatted(json(ready.body()).getJsonNumber("version").longValue()));
        assertThat(prepared.statusCode()).as(prepared.body()).isEqualTo(200);
        assertThat(json(prepared.body()).getJsonArray("notReady")).isEmpty();
        long last = json(prepared.body()).getJsonNumber("version").longValue();

        HttpResponse<String> supervisorReads = api.send("sam", "GET", plan, null);
        assertThat(supervisorReads.statusCode()).isEqualTo(200);
        assertThat(json(supervisorReads.body()).getBoolean("mayChange")).isFalse();
        assertThat(api.send("sam", "PUT", plan + "/needs", "{\"version\": " + last + "}")
                        .statusCode())
                .isEqualTo(403);
        HttpResponse<String> otherCounselor = api.send("cora", "GET", plan, null);
        assertThat(otherCounselor.statusCode()).isEqualTo(403);
        assertThat(api.send("cora", "DELETE", plan + "/shortlist/" + entry + "?version=" + last, null)
                        .statusCode())
                .isEqualTo(403);
        assertThat(api.send("frida", "GET", plan, null).statusCode()).isEqualTo(403);
        HttpResponse<String> noEpisode = api.send("carlos", "GET", "episodes/" + (episode + 1_000_000) + "/plan", null);
        assertThat(noEpisode.statusCode()).isEqualTo(403);
        assertThat(noEpisode.body())
                .as("the same answer as a record one may not see")
                .isEqualTo(otherCounselor.body());
        assertThat(database.query(
                        "select count(*) from plan_provider e join ready_plan p on p.id = e.plan_id"
                                + " where p.episode_id = cast(? as bigint)",
                        Long.toString(episode)))
                .as("still on the shortlist")
                .isEqualTo(java.util.List.of(java.util.List.of("1")));
    }
}
