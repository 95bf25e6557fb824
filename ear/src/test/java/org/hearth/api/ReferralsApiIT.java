package org.hearth.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hearth.testing.ApiClient.json;
import static org.hearth.testing.ApiClient.jsonArray;

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
 * Referrals through the API with real tokens (every answer checked against the OpenAPI document): the family's
 * counselor turns an accepted offer into a referral and follows it to arrival; bad steps are named field by field,
 * a stale version is a 409 naming the referral; the supervisor reads but does not change; another counselor and
 * the front desk get 403.
 */
@ExtendWith({HearthStack.class, ArquillianExtension.class})
@RunAsClient
class ReferralsApiIT {

    private final ApiClient api = new ApiClient();
    private final Sql database = Sql.testDatabase();

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.hearth();
    }

    @Test
    void theCounselorFollowsAReferralFromTheAcceptedOfferToArrivalAndOthersAreKeptOut() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String program = "Referrals API " + suffix;
        TestData data = new TestData(database);
        long programId = data.program(program);
        data.realmStaff("frida", "Frida Moreno", "front-desk", program);
        data.realmStaff("sam", "Sam Okafor", "supervisor", program);
        data.realmStaff("carlos", "Carlos Rivera", "counselor", program);
        data.realmStaff("cora", "Cora Jensen", "counselor", program);
        long familyId = api.registerFamilyOfOne(programId, "ReferralsApi-" + suffix);
        assertThat(api.send("sam", "PUT", "families/" + familyId + "/assignment", "{\"counselorUsername\": \"carlos\"}")
                        .statusCode())
                .isEqualTo(200);
        data.episode(familyId)
                .lovedOne("M.", "PARTNER_OR_SPOUSE")
                .openedDaysAgo(10)
                .followUpInDays(4)
                .intakeCompleted()
                .insert();
        String providerName = "Harbor House " + suffix;
        long providerId = Long.parseLong(database.query(
                        "insert into treatment_provider (name, phone, confirmed_on, created_by, created_at, updated_by,"
                                + " updated_at) values (?, '555-0142', current_date, 'test', now(), 'test', now())"
                                + " returning id",
                        providerName)
                .get(0)
                .get(0));
        long episodeId = jsonArray(api.send("carlos", "GET", "episodes?family=" + familyId, null)
                        .body())
                .getJsonObject(0)
                .getJsonNumber("id")
                .longValue();
        String today = LocalDate.now(ClinicTime.zone()).toString();
        HttpResponse<String> offered = api.send(
                "carlos",
                "POST",
                "episodes/" + episodeId + "/events",
                "{\"kind\": \"TREATMENT_OFFERED\", \"on\": \"" + today
                        + "\", \"offeredBy\": \"FAMILY_INVITATION\", \"response\": \"ACCEPTED\"}");
        assertThat(offered.statusCode()).as(offered.body()).isEqualTo(201);

        HttpResponse<String> state = api.send("carlos", "GET", "episodes/" + episodeId + "/referrals", null);
        assertThat(state.statusCode()).as(state.body()).isEqualTo(200);
        long offerId = json(state.body())
                .getJsonArray("offersToRefer")
                .getJsonObject(0)
                .getJsonNumber("eventId")
                .longValue();
        HttpResponse<String> choices = api.send(
                "carlos",
                "GET",
                "episodes/" + episodeId + "/referrals/providers?name=harbor%20house%20" + suffix,
                null);
        assertThat(choices.statusCode()).as(choices.body()).isEqualTo(200);
        assertThat(jsonArray(choices.body()).getJsonObject(0).getString("name")).isEqualTo(providerName);

        HttpResponse<String> noLevel = api.send(
                "carlos",
                "POST",
                "episodes/" + episodeId + "/referrals",
                "{\"offerEventId\": " + offerId + ", \"providerId\": " + providerId + "}");
        assertThat(noLevel.statusCode()).isEqualTo(400);
        assertThat(json(noLevel.body()).getJsonArray("errors").getJsonObject(0).getString("field"))
                .isEqualTo("levelOfCare");

        HttpResponse<String> made = api.send(
                "carlos",
                "POST",
                "episodes/" + episodeId + "/referrals",
                "{\"offerEventId\": " + offerId + ", \"providerId\": " + providerId
                        + ", \"levelOfCare\": \"OPIOID_TREATMENT_PROGRAM\"}");
        assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
        JsonObject referral = json(made.body());
        long referralId = referral.getJsonNumber("id").longValue();
        assertThat(referral.getString("nextStep")).isEqualTo("PROVIDER_CONTACTED");
        assertThat(referral.getString("statusBefore")).isEqualTo("REFUSING");

        HttpResponse<String> twice = api.send(
                "carlos",
                "POST",
                "episodes/" + episodeId + "/referrals",
                "{\"offerEventId\": " + offerId + ", \"providerId\": " + providerId
                        + ", \"levelOfCare\": \"OUTPATIENT\"}");
        assertThat(twice.statusCode()).isEqualTo(409);
        assertThat(twice.body()).contains("already has an open referral");

        HttpResponse<String> bad = api.send(
                "carlos",
                "POST",
                "referrals/" + referralId + "/steps",
                "{\"kind\": \"INTAKE_BOOKED\", \"on\": \"2999-01-01\", \"version\": 0}");
        assertThat(bad.statusCode()).as(bad.body()).isEqualTo(400);
        assertThat(json(bad.body()).getJsonArray("errors").stream()
                        .map(e -> e.asJsonObject().getString("field"))
                        .toList())
                .containsExactlyInAnyOrder("on", "intakeAt");

        HttpResponse<String> booked = api.send(
                "carlos",
                "POST",
                "referrals/" + referralId + "/steps",
                "{\"kind\": \"INTAKE_BOOKED\", \"on\": \"" + today + "\", \"intakeAt\": \"" + today
                        + "T16:30:00\", \"note\": \"Bring ID\", \"version\": 0}");
        assertThat(booked.statusCode()).as(booked.body()).isEqualTo(201);
        long version = json(booked.body()).getJsonNumber("version").longValue();
        assertThat(json(booked.body()).getString("intakeAt")).startsWith(today + "T16:30");

        HttpResponse<String> stale = api.send(
                "carlos",
                "POST",
                "referrals/" + referralId + "/steps",
                "{\"kind\": \"ARRIVED\", \"on\": \"" + today + "\", \"version\": 0}");
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(stale.body()).contains("referral");

        String step = "{\"kind\": \"ARRIVED\", \"on\": \"" + today + "\", \"version\": " + version + "}";
        assertThat(api.send("cora", "POST", "referrals/" + referralId + "/steps", step)
                        .statusCode())
                .as("not Cora's family")
                .isEqualTo(403);
        assertThat(api.send("cora", "GET", "referrals/" + referralId, null).statusCode())
                .isEqualTo(403);
        assertThat(api.send("sam", "POST", "referrals/" + referralId + "/steps", step)
                        .statusCode())
                .as("supervisors read")
                .isEqualTo(403);
        assertThat(api.send("sam", "GET", "referrals/" + referralId, null).statusCode())
                .isEqualTo(200);
        assertThat(api.send("frida", "GET", "episodes/" + episodeId + "/referrals", null)
                        .statusCode())
                .isEqualTo(403);
        assertThat(api.send("cora", "GET", "referrals/987654321", null).statusCode())
                .as("an id of no referral answers as one the caller may not see")
                .isEqualTo(403);

        HttpResponse<String> arrived = api.send("carlos", "POST", "referrals/" + referralId + "/steps", step);
        assertThat(arrived.statusCode()).as(arrived.body()).isEqualTo(201);
        assertThat(json(arrived.body()).getString("outcome")).isEqualTo("ARRIVED");
        JsonObject episode =
                json(api.send("carlos", "GET", "episodes/" + episodeId, null).body());
        assertThat(episode.getString("status")).isEqualTo("ENTERED_TREATMENT");
        JsonObject entry = episode.getJsonArray("events").getJsonObject(0);
        assertThat(entry.getString("levelOfCare")).isEqualTo("OPIOID_TREATMENT_PROGRAM");
        assertThat(entry.getString("provider")).isEqualTo(providerName);
    }
}
