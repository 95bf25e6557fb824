package org.hearth.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hearth.testing.ApiClient.json;
import static org.hearth.testing.ApiClient.jsonArray;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.Locale;
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
 * Engagement episodes through the API with real tokens: the family's counselor records and voids events, an
 * illegal move answers 400 naming the allowed ones, the supervisor reads but does not record, the front desk
 * gets 403.
 */
@ExtendWith({HearthStack.class, ArquillianExtension.class})
@RunAsClient
class EpisodesApiIT {

    private final ApiClient api = new ApiClient();
    private final Sql database = Sql.testDatabase();

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.hearth();
    }

    @Test
    void theCounselorRecordsAndVoidsEventsAnIllegalMoveIsNamedAndOthersAreKeptOut() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String program = "Episodes API " + suffix;
        TestData data = new TestData(database);
        long programId = data.program(program);
        data.realmStaff("frida", "Frida Moreno", "front-desk", program);
        data.realmStaff("sam", "Sam Okafor", "supervisor", program);
        data.realmStaff("carlos", "Carlos Rivera", "counselor", program);
        long familyId = api.registerFamilyOfOne(programId, "EpisodesApi-" + suffix);
        assertThat(api.send("sam", "PUT", "families/" + familyId + "/assignment", "{\"counselorUsername\": \"carlos\"}")
                        .statusCode())
                .isEqualTo(200);
        String f = Long.toString(familyId);
        new TestData(database)
                .episode(Long.parseLong(f))
                .lovedOne("M.", "PARTNER_OR_SPOUSE")
                .openedDaysAgo(10)
                .followUpInDays(4)
                .intakeCompleted()
                .insert();

        HttpResponse<String> listed = api.send("carlos", "GET", "episodes?family=" + familyId, null);
        assertThat(listed.statusCode()).as(listed.body()).isEqualTo(200);
        long episodeId =
                jsonArray(listed.body()).getJsonObject(0).getJsonNumber("id").longValue();
        String today = LocalDate.now(ClinicTime.zone()).toString();

        HttpResponse<String> illegal = api.send(
                "carlos",
                "POST",
                "episodes/" + episodeId + "/events",
                "{\"kind\": \"STATUS_CHANGE\", \"on\": \"" + today + "\", \"toStatus\": \"RETAINED_30\"}");
        assertThat(illegal.statusCode()).isEqualTo(400);
        JsonObject error = json(illegal.body()).getJsonArray("errors").getJsonObject(0);
        assertThat(error.getString("field")).isEqualTo("toStatus");
        assertThat(error.getString("message"))
                .startsWith("From Refusing the loved one cannot move to Retained 30 days. Allowed moves: Ambivalent,");

        HttpResponse<String> offered = api.send(
                "carlos",
                "POST",
                "episodes/" + episodeId + "/events",
                """
                {"kind": "TREATMENT_OFFERED", "on": "%s", "offeredBy": "COUNSELOR", "response": "REFUSED",
                 "refusalReasons": ["FINANCIAL_OR_INSURANCE"], "note": "No insurance yet"}
                """
                        .formatted(today));
        assertThat(offered.statusCode()).as(offered.body()).isEqualTo(201);
        JsonObject event = json(offered.body()).getJsonArray("events").getJsonObject(0);
        assertThat(event.getJsonArray("refusalReasons").getString(0)).isEqualTo("FINANCIAL_OR_INSURANCE");
        long eventId = event.getJsonNumber("id").longValue();
        long versionRead = json(offered.body()).getJsonNumber("version").longValue();

        HttpResponse<String> voided = api.send(
                "carlos",
                "POST",
                "episodes/" + episodeId + "/events/" + eventId + "/void",
                "{\"reason\": \"Recorded twice\", \"version\": " + versionRead + "}");
        assertThat(voided.statusCode()).as(voided.body()).isEqualTo(200);
        assertThat(json(voided.body()).getJsonArray("events").getJsonObject(0).getBoolean("voided"))
                .isTrue();

        assertThat(api.send("sam", "GET", "episodes/" + episodeId, null).statusCode())
                .isEqualTo(200);
        assertThat(api.send(
                                "sam",
                                "POST",
                                "episodes/" + episodeId + "/events",
                                "{\"kind\": \"STAGE_OBSERVED\", \"on\": \"" + today
                                        + "\", \"stage\": \"CONTEMPLATION\"}")
                        .statusCode())
                .as("supervisors read")
                .isEqualTo(403);
        assertThat(api.send("frida", "GET", "episodes/" + episodeId, null).statusCode())
                .isEqualTo(403);
        assertThat(api.send("frida", "GET", "episodes?family=" + familyId, null).statusCode())
                .isEqualTo(403);

        // the clinic's yesterday, not the database's: around midnight UTC the two differ
        database.update(
                "update engagement_episode set next_follow_up_on = cast(? as date) where family_id = cast(? as bigint)",
                LocalDate.now(ClinicTime.zone()).minusDays(1).toString(),
                f);
        HttpResponse<String> attention =
                api.send("sam", "GET", "episodes/attention?scope=PROGRAMS&sort=FAMILY&descending=true&max=100", null);
        assertThat(attention.statusCode()).as(attention.body()).isEqualTo(200);
        var page = json(attention.body());
        assertThat(page.getJsonArray("rows").size()).isEqualTo(page.getInt("total"));
        var names = page.getJsonArray("rows").stream()
                .map(r -> r.asJsonObject().getString("familyName").toLowerCase(Locale.ROOT))
                .toList();
        assertThat(names)
                .as("this family's overdue follow-up among them, sorted by family, Z to A")
                .contains(("EpisodesApi-" + suffix).toLowerCase(Locale.ROOT));
        assertThat(names.stream().filter(n -> n.startsWith("episodesapi-")).toList())
                .as("(compared among names alike, so the database's collation and Java's agree)")
                .isSortedAccordingTo(Comparator.reverseOrder());
        HttpResponse<String> unknownSort = api.send("sam", "GET", "episodes/attention?scope=PROGRAMS&sort=AGE", null);
        assertThat(unknownSort.statusCode()).isEqualTo(400);
        assertThat(unknownSort.body()).contains("Unknown sort 'AGE'");
        assertThat(api.send("sam", "GET", "episodes/attention?scope=MINE", null).statusCode())
                .as("a caseload is a counselor's")
                .isEqualTo(403);
        assertThat(api.send("frida", "GET", "episodes/attention", null).statusCode())
                .isEqualTo(403);
    }
}
