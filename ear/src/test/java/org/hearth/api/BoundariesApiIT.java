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
 * A family's boundaries through the API with real tokens, every answer checked against the OpenAPI document: the
 * counselor sets one, reviews it as broken in a note, corrects the review on the draft and sees the history; bad
 * input is named field by field, a stale version is a 409 naming the boundary, a signed note's review cannot be
 * changed; the supervisor reads only; the front desk and an id of no boundary get the same 403.
 */
@ExtendWith({HearthStack.class, ArquillianExtension.class})
@RunAsClient
class BoundariesApiIT {

    private final ApiClient api = new ApiClient();
    private final Sql database = Sql.testDatabase();

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.hearth();
    }

    @Test
    void theCounselorSetsAndReviewsABoundaryBadInputIsNamedAndOthersAreKeptOut() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String program = "Boundaries API " + suffix;
        TestData data = new TestData(database);
        long programId = data.program(program);
        data.realmStaff("frida", "Frida Moreno", "front-desk", program);
        data.realmStaff("sam", "Sam Okafor", "supervisor", program);
        data.realmStaff("carlos", "Carlos Rivera", "counselor", program);
        long familyId = api.registerFamilyOfOne(programId, "BoundariesApi-" + suffix);
        assertThat(api.send("sam", "PUT", "families/" + familyId + "/assignment", "{\"counselorUsername\": \"carlos\"}")
                        .statusCode())
                .isEqualTo(200);
        String member = database.query(
                        "select id from family_member where family_id = cast(? as bigint)", Long.toString(familyId))
                .get(0)
                .get(0);
        String path = "families/" + familyId + "/boundaries";
        LocalDate today = LocalDate.now(ClinicTime.zone());

        HttpResponse<String> bad = api.send(
                "carlos",
                "POST",
                path,
                """
                {"kind": "CURFEW", "wording": " ", "holderIds": [], "agreedOn": "%s"}
                """
                        .formatted(today.plusDays(1)));
        assertThat(bad.statusCode()).as(bad.body()).isEqualTo(400);
        assertThat(json(bad.body()).getJsonArray("errors").stream()
                        .map(e -> e.asJsonObject().getString("field"))
                        .toList())
                .containsExactly("wording", "consequence", "holderIds", "agreedOn");

        HttpResponse<String> added = api.send(
                "carlos",
                "POST",
                path,
                """
                {"kind": "CURFEW", "wording": "Home by eleven on weeknights", "consequence": "The door is locked at 11:15",
                 "holderIds": [%s], "agreedOn": "%s"}
                """
                        .formatted(member, today.minusDays(20)));
        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
        JsonObject boundary = json(added.body());
        long boundaryId = boundary.getJsonNumber("id").longValue();
        assertThat(boundary.getString("reviewOn")).isEqualTo(today.plusDays(8).toString());
        assertThat(boundary.getJsonArray("holders").getJsonObject(0).getString("name"))
                .isNotBlank();

        assertThat(api.send("sam", "GET", path, null).statusCode()).isEqualTo(200);
        assertThat(api.send("sam", "POST", path + "/" + boundaryId + "/retire", "{\"reason\": \"x\", \"version\": 0}")
                        .statusCode())
                .as("a supervisor only reads")
                .isEqualTo(403);
        assertThat(api.send("frida", "GET", path, null).statusCode()).isEqualTo(403);
        long notCarlos = api.registerFamilyOfOne(programId, "BoundariesApiOther-" + suffix);
        HttpResponse<String> foreign = api.send("carlos", "GET", "families/" + notCarlos + "/boundaries", null);
        HttpResponse<String> none = api.send("carlos", "PUT", path + "/999999999", "{}");
        assertThat(foreign.statusCode()).isEqualTo(403);
        assertThat(none.statusCode()).isEqualTo(403);
        assertThat(json(none.body()).getString("detail"))
                .as("no word of whether it exists")
                .isEqualTo(json(foreign.body()).getString("detail"));

        HttpResponse<String> stale = api.send(
                "carlos",
                "PUT",
                path + "/" + boundaryId,
                """
                {"kind": "CURFEW", "wording": "Home by midnight", "consequence": "The door is locked",
                 "holderIds": [%s], "agreedOn": "%s", "version": 7}
                """
                        .formatted(member, today.minusDays(20)));
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(json(stale.body()).getString("detail")).contains("boundary");

        // a session held yesterday, its note opened
        database.update(
                "insert into appointment (family_id, kind, counselor_id, telehealth, starts_at, ends_at, status,"
                        + " booked_by, booked_at) select cast(? as bigint), 'FAMILY_THERAPY', s.id, true,"
                        + " now() - interval '26 hours', now() - interval '25 hours', 'COMPLETED', 'frida', now()"
                        + " from staff_member s where s.username = 'carlos'",
                Long.toString(familyId));
        String session = database.query(
                        "select max(id) from appointment where family_id = cast(? as bigint)", Long.toString(familyId))
                .get(0)
                .get(0);
        HttpResponse<String> opened = api.send("carlos", "POST", "notes", "{\"appointmentId\": " + session + "}");
        long noteId = json(opened.body()).getJsonNumber("id").longValue();
        String reviews = "notes/" + noteId + "/boundary-reviews";

        HttpResponse<String> toReview = api.send("carlos", "GET", reviews, null);
        assertThat(toReview.statusCode()).as(toReview.body()).isEqualTo(200);
        assertThat(json(toReview.body()).getBoolean("open")).isTrue();
        assertThat(json(toReview.body()).getJsonArray("active")).hasSize(1);

        HttpResponse<String> noAccount = api.send(
                "carlos",
                "POST",
                reviews,
                "{\"boundaryId\": " + boundaryId + ", \"outcome\": \"BROKEN\", \"version\": 0}");
        assertThat(noAccount.statusCode()).as(noAccount.body()).isEqualTo(400);
        assertThat(json(noAccount.body())
                        .getJsonArray("errors")
                        .getJsonObject(0)
                        .getString("field"))
                .isEqualTo("whatHappened");
        HttpResponse<String> broken = api.send(
                "carlos",
                "POST",
                reviews,
                "{\"boundaryId\": " + boundaryId
                        + ", \"outcome\": \"BROKEN\", \"whatHappened\": \"Came home at 2am twice\", \"version\": 0}");
        assertThat(broken.statusCode()).as(broken.body()).isEqualTo(201);
        JsonObject review = json(broken.body());
        long reviewId = review.getJsonNumber("id").longValue();
        assertThat(review.getBoolean("open")).isTrue();

        HttpResponse<String> changed = api.send(
                "carlos",
                "PUT",
                reviews + "/" + reviewId,
                "{\"outcome\": \"CHANGED\", \"whatHappened\": \"Came home at 2am twice\","
                        + " \"newWording\": \"Home by midnight, text if later\", \"version\": "
                        + review.getJsonNumber("version").longValue() + "}");
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        assertThat(json(changed.body()).getString("wording")).isEqualTo("Home by midnight, text if later");

        HttpResponse<String> listed = api.send("sam", "GET", path, null);
        JsonObject history = jsonArray(listed.body()).getJsonObject(0);
        assertThat(history.getString("wording")).isEqualTo("Home by midnight, text if later");
        assertThat(history.getString("lastOutcome")).isEqualTo("CHANGED");
        assertThat(history.getJsonArray("wordings")).hasSize(2);
        assertThat(history.getJsonArray("wordings").getJsonObject(1).getString("wording"))
                .isEqualTo("Home by eleven on weeknights");

        long noteVersion = json(api.send("carlos", "GET", "notes/" + noteId, null)
                        .body())
                .getJsonNumber("version")
                .longValue();
        HttpResponse<String> saved = api.send(
                "carlos",
                "PUT",
                "notes/" + noteId,
                """
                {"content": {"data": "<p>Curfew talk</p>", "assessment": "<p>Holding</p>", "plan": "<p>Midnight</p>"},
                 "version": %d}
                """
                        .formatted(noteVersion));
        HttpResponse<String> signed = api.send(
                "carlos",
                "POST",
                "notes/" + noteId + "/sign",
                "{\"version\": " + json(saved.body()).getJsonNumber("version").longValue() + "}");
        assertThat(signed.statusCode()).as(signed.body()).isEqualTo(200);
        HttpResponse<String> removed = api.send(
                "carlos",
                "DELETE",
                reviews + "/" + reviewId + "?version="
                        + json(changed.body()).getJsonNumber("version").longValue(),
                null);
        assertThat(removed.statusCode()).as("a signed note's reviews are final").isEqualTo(409);
        HttpResponse<String> read = api.send("sam", "GET", reviews, null);
        assertThat(json(read.body()).getBoolean("open")).isFalse();
        assertThat(json(read.body()).getJsonArray("reviews").getJsonObject(0).getString("outcome"))
                .isEqualTo("CHANGED");
        assertThat(api.send("frida", "GET", reviews, null).statusCode()).isEqualTo(403);
    }
}
