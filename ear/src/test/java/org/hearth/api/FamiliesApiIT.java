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

/** Families through the API with real tokens: register, bad input, refusals, assignment, caseload. */
@ExtendWith({HearthStack.class, ArquillianExtension.class})
@RunAsClient
class FamiliesApiIT {

    private final ApiClient api = new ApiClient();

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.hearth();
    }

    @Test
    void frontDeskRegistersSupervisorAssignsAndTheCounselorFindsTheFamilyOnTheCaseload() throws Exception {
        String program = "API program " + UUID.randomUUID().toString().substring(0, 8);
        long programId = programWithStaff(program);
        String name = "Okonkwo-" + UUID.randomUUID().toString().substring(0, 6);

        HttpResponse<String> registered =
                api.send("frida", "POST", "families", familyJson(programId, name, "1970-05-01"));

        assertThat(registered.statusCode()).isEqualTo(201);
        JsonObject family = json(registered.body());
        assertThat(family.getString("caseNumber"))
                .matches("F-" + LocalDate.now(ClinicTime.zone()).getYear() + "-\\d{5}");
        assertThat(family.getString("status")).isEqualTo("INTAKE");
        assertThat(registered.headers().firstValue("Location"))
                .hasValue(HearthStack.appUrl() + "api/v1/families/"
                        + family.getJsonNumber("id").longValue());

        HttpResponse<String> found = api.send("frida", "GET", "families?search=" + name.toLowerCase(), null);
        assertThat(found.statusCode()).isEqualTo(200);
        assertThat(jsonArray(found.body()).getJsonObject(0).getString("caseNumber"))
                .isEqualTo(family.getString("caseNumber"));
        HttpResponse<String> tooShort = api.send("frida", "GET", "families?search=x", null);
        assertThat(tooShort.statusCode()).isEqualTo(400);
        assertThat(json(tooShort.body()).getJsonArray("errors").getJsonObject(0).getString("message"))
                .startsWith("Type 2 to 100 characters");

        long id = family.getJsonNumber("id").longValue();
        HttpResponse<String> assigned = api.send(
                "sam", "PUT", "families/" + id + "/assignment", "{\"counselorUsername\":\"carlos\",\"reason\":null}");
        assertThat(assigned.statusCode()).as(assigned.body()).isEqualTo(200);
        assertThat(jsonArray(assigned.body()).getJsonObject(0).getString("counselorUsername"))
                .isEqualTo("carlos");

        HttpResponse<String> caseload = api.send("carlos", "GET", "caseload?search=" + name.toLowerCase(), null);
        assertThat(caseload.statusCode()).isEqualTo(200);
        JsonArray rows = json(caseload.body()).getJsonArray("rows");
        assertThat(rows).hasSize(1);
        assertThat(rows.getJsonObject(0).getString("caseNumber")).isEqualTo(family.getString("caseNumber"));
    }

    @Test
    void badInputGets400NamingEachFieldAndSavesNothing() throws Exception {
        long programId =
                programWithStaff("API bad input " + UUID.randomUUID().toString().substring(0, 8));
        String before = count();

        HttpResponse<String> future =
                api.send("frida", "POST", "families", familyJson(programId, "Future", "2999-01-01"));
        HttpResponse<String> malformed = api.send("frida", "POST", "families", "{\"familyName\": ");
        HttpResponse<String> empty = api.send("frida", "POST", "families", "{}");

        assertThat(future.statusCode()).isEqualTo(400);
        JsonObject problem = json(future.body());
        assertThat(problem.getJsonArray("errors").getJsonObject(0).getString("field"))
                .isEqualTo("members[0].dateOfBirth");
        assertThat(problem.getJsonArray("errors").getJsonObject(0).getString("message"))
                .isEqualTo("A date of birth cannot be in the future.");
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(json(malformed.body()).getString("detail")).contains("not valid JSON");
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(json(empty.body()).getJsonArray("errors").getValuesAs(JsonObject.class).stream()
                        .map(e -> e.getString("field")))
                .contains("familyName", "members", "programId", "referralSource");
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void aCounselorCannotRegisterAndFrontDeskCannotAssign() throws Exception {
        long programId =
                programWithStaff("API refusals " + UUID.randomUUID().toString().substring(0, 8));

        HttpResponse<String> byCounselor =
                api.send("carlos", "POST", "families", familyJson(programId, "Refused", "1980-01-01"));
        HttpResponse<String> byFrontDesk =
                api.send("frida", "PUT", "families/1/assignment", "{\"counselorUsername\":\"carlos\"}");
        HttpResponse<String> unknownFamily =
                api.send("sam", "PUT", "families/999999999/assignment", "{\"counselorUsername\":\"carlos\"}");

        assertThat(byCounselor.statusCode()).isEqualTo(403);
        assertThat(byCounselor.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(byFrontDesk.statusCode()).isEqualTo(403);
        assertThat(unknownFamily.statusCode())
                .as("an unknown family is refused as one the caller may not touch")
                .isEqualTo(403);
    }

    /** A program with sam supervising and carlos counselling in it, as an administrator will set it up. */
    private static long programWithStaff(String program) {
        TestData data = new TestData(Sql.testDatabase());
        long programId = data.program(program);
        data.realmStaff("sam", "Sam Okafor", "supervisor", program);
        data.realmStaff("carlos", "Carlos Rivera", "counselor", program);
        return programId;
    }

    private static String count() {
        return Sql.testDatabase().query("select count(*) from family").get(0).get(0);
    }

    private static String familyJson(long programId, String name, String parentBirthDate) {
        return """
                {"familyName": "%s", "programId": %d, "preferredLanguage": "es", "referralSource": "HOSPITAL_OR_EMERGENCY",
                 "members": [{"fullName": "Ngozi %s", "dateOfBirth": "%s", "relationship": "PARENT",
                              "phone": "+1 555 010 2030", "email": "ngozi@example.org", "preferredLanguage": "en",
                              "safeToLeaveMessage": true, "safeToMail": false, "participates": true}]}
                """
                .formatted(name, programId, name, parentBirthDate);
    }
}
