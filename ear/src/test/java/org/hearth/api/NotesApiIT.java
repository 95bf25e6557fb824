package org.hearth.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hearth.testing.ApiClient.json;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import org.hearth.testing.ApiClient;
import org.hearth.testing.Deployments;
import org.hearth.testing.HearthStack;
import org.hearth.testing.Sql;
import org.hearth.testing.TestData;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Session notes and MITI reviews through the API with real tokens: open, save, sign (400 naming the missing
 * sections), co-sign, the MITI summary with its bands, and the front desk refused with 403.
 */
@ExtendWith({HearthStack.class, ArquillianExtension.class})
@RunAsClient
class NotesApiIT {

    private final ApiClient api = new ApiClient();
    private final Sql database = Sql.testDatabase();

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.hearth();
    }

    @Test
    void aNoteIsWrittenSignedAndCoSignedAndItsSessionCodedWhileTheFrontDeskIsRefused() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String program = "Notes API " + suffix;
        TestData data = new TestData(database);
        long programId = data.program(program);
        data.realmStaff("frida", "Frida Moreno", "front-desk", program);
        data.realmStaff("sam", "Sam Okafor", "supervisor", program);
        data.realmStaff("carlos", "Carlos Rivera", "counselor", program);
        long familyId = api.registerFamilyOfOne(programId, "NotesApi-" + suffix);
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

        HttpResponse<String> opened = api.send("carlos", "POST", "notes", "{\"appointmentId\": " + session + "}");
        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(200);
        JsonObject note = json(opened.body());
        long noteId = note.getJsonNumber("id").longValue();
        assertThat(note.getString("status")).isEqualTo("DRAFT");
        assertThat(api.send("frida", "POST", "notes", "{\"appointmentId\": " + session + "}")
                        .statusCode())
                .isEqualTo(403);
        assertThat(api.send("frida", "GET", "notes/" + noteId, null).statusCode())
                .isEqualTo(403);

        HttpResponse<String> saved = api.send(
                "carlos",
                "PUT",
                "notes/" + noteId,
                """
                {"content": {"data": "<p>Calm week</p>", "rulers": [{"memberId": 1, "readiness": 11}]},
                 "version": 0}
                """);
        assertThat(saved.statusCode()).as("a ruler of 11").isEqualTo(400);
        assertThat(json(saved.body()).getJsonArray("errors").getJsonObject(0).getString("field"))
                .isEqualTo("rulers[0].readiness");
        saved = api.send(
                "carlos", "PUT", "notes/" + noteId, "{\"content\": {\"data\": \"<p>Calm week</p>\"}, \"version\": 0}");
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
        long version = json(saved.body()).getJsonNumber("version").longValue();
        HttpResponse<String> early =
                api.send("carlos", "POST", "notes/" + noteId + "/sign", "{\"version\": " + version + "}");
        assertThat(early.statusCode()).isEqualTo(400);
        assertThat(json(early.body()).getJsonArray("errors").getValuesAs(JsonObject.class).stream()
                        .map(e -> e.getString("field") + ": " + e.getString("message")))
                .containsExactly(
                        "assessment: Write the Assessment section before signing.",
                        "plan: Write the Plan section before signing.");
        saved = api.send(
                "carlos",
                "PUT",
                "notes/" + noteId,
                """
                {"content": {"data": "<p>Calm week</p>", "assessment": "<p>Preparing</p>", "plan": "<p>Invite</p>"},
                 "version": %d}
                """
                        .formatted(version));
        version = json(saved.body()).getJsonNumber("version").longValue();
        HttpResponse<String> signed =
                api.send("carlos", "POST", "notes/" + noteId + "/sign", "{\"version\": " + version + "}");
        assertThat(signed.statusCode()).as(signed.body()).isEqualTo(200);
        assertThat(json(signed.body()).getString("status")).isEqualTo("SIGNED");
        assertThat(api.send(
                                "carlos",
                                "PUT",
                                "notes/" + noteId,
                                "{\"content\": {\"data\": \"x\"}, \"version\": "
                                        + json(signed.body()).getJsonNumber("version") + "}")
                        .statusCode())
                .as("a signed note is final")
                .isEqualTo(409);
        HttpResponse<String> addendum = api.send(
                "carlos",
                "POST",
                "notes/" + noteId + "/addenda",
                "{\"text\": \"Called back.\", \"version\": "
                        + json(signed.body()).getJsonNumber("version") + "}");
        assertThat(addendum.statusCode()).isEqualTo(200);
        HttpResponse<String> cosigned = api.send(
                "sam",
                "POST",
                "notes/" + noteId + "/cosign",
                "{\"version\": " + json(addendum.body()).getJsonNumber("version") + "}");
        assertThat(cosigned.statusCode()).as(cosigned.body()).isEqualTo(200);
        assertThat(json(cosigned.body()).getString("status")).isEqualTo("CO_SIGNED");

        HttpResponse<String> coded = api.send(
                "sam",
                "POST",
                "miti-reviews",
                """
                {"appointmentId": %s,
                 "counts": {"questions": 10, "simpleReflections": 8, "complexReflections": 2, "affirm": 1,
                            "seekingCollaboration": 2, "emphasizingAutonomy": 1, "persuade": 1,
                            "persuadeWithPermission": 2, "confront": 1, "givingInformation": 3},
                 "globals": {"cultivatingChangeTalk": 3, "softeningSustainTalk": 2, "partnership": 4, "empathy": 3}}
                """
                        .formatted(session));
        assertThat(coded.statusCode()).as(coded.body()).isEqualTo(201);
        JsonObject summary = json(coded.body()).getJsonObject("summary");
        assertThat(List.of(
                        summary.getJsonNumber("technical").bigDecimalValue().toPlainString(),
                        summary.getString("technicalBand"),
                        summary.getJsonNumber("relational").bigDecimalValue().toPlainString(),
                        summary.getString("relationalBand"),
                        summary.getJsonNumber("reflectionToQuestion")
                                .bigDecimalValue()
                                .toPlainString(),
                        summary.getString("reflectionToQuestionBand"),
                        summary.getJsonNumber("percentComplexReflections")
                                .bigDecimalValue()
                                .toPlainString(),
                        summary.getString("percentComplexReflectionsBand"),
                        Integer.toString(summary.getInt("totalMiAdherent")),
                        Integer.toString(summary.getInt("totalMiNonAdherent"))))
                .as("(3+2)/2, (4+3)/2, 10/10, 2/10; adherent 2+1+1, non-adherent 1+1")
                .containsExactly("2.5", "BELOW_FAIR", "3.5", "FAIR", "1", "FAIR", "0.2", "BELOW_FAIR", "4", "2");
        HttpResponse<String> outOfRange = api.send(
                "sam",
                "POST",
                "miti-reviews",
                """
                {"appointmentId": %s, "counts": {"questions": -1},
                 "globals": {"cultivatingChangeTalk": 6, "softeningSustainTalk": 2, "partnership": 4, "empathy": 3}}
                """
                        .formatted(session));
        assertThat(outOfRange.statusCode()).isEqualTo(400);
        assertThat(api.send("frida", "GET", "miti-reviews?session=" + session, null)
                        .statusCode())
                .isEqualTo(403);
        HttpResponse<String> carlosOverTime = api.send("carlos", "GET", "miti-reviews?counselor=carlos", null);
        assertThat(carlosOverTime.statusCode()).as(carlosOverTime.body()).isEqualTo(200);
        assertThat(Json.createReader(new StringReader(carlosOverTime.body()))
                        .readArray()
                        .getValuesAs(JsonObject.class)
                        .stream()
                        .filter(r -> r.getJsonNumber("appointmentId").toString().equals(session))
                        .map(r -> r.getString("reviewerName")))
                .containsExactly("Sam Okafor");
    }

    @Test
    void aSupervisorGivesTheNoteOfAFamilyThatLeftItsCounselorToAnotherWithTheVersionReadAndOthersAreRefused()
            throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String program = "Reassign API " + suffix;
        TestData data = new TestData(database);
        long programId = data.program(program);
        data.realmStaff("frida", "Frida Moreno", "front-desk", program);
        data.realmStaff("sam", "Sam Okafor", "supervisor", program);
        data.realmStaff("carlos", "Carlos Rivera", "counselor", program);
        data.realmStaff("cora", "Cora Jensen", "counselor", program);
        long familyId = api.registerFamilyOfOne(programId, "ReassignApi-" + suffix);
        assertThat(api.send("sam", "PUT", "families/" + familyId + "/assignment", "{\"counselorUsername\": \"carlos\"}")
                        .statusCode())
                .isEqualTo(200);
        database.update(
                "insert into appointment (family_id, kind, counselor_id, telehealth, starts_at, ends_at, status,"
                        + " booked_by, booked_at) select cast(? as bigint), 'FAMILY_THERAPY', s.id, true,"
                        + " now() - interval '81 hours', now() - interval '80 hours', 'COMPLETED', 'frida', now()"
                        + " from staff_member s where s.username = 'carlos'",
                Long.toString(familyId));
        long session = Long.parseLong(database.query(
                        "select max(id) from appointment where family_id = cast(? as bigint)", Long.toString(familyId))
                .get(0)
                .get(0));
        HttpResponse<String> opened = api.send("carlos", "POST", "notes", "{\"appointmentId\": " + session + "}");
        long noteId = json(opened.body()).getJsonNumber("id").longValue();
        HttpResponse<String> saved = api.send(
                "carlos", "PUT", "notes/" + noteId, "{\"content\": {\"data\": \"<p>Calm week</p>\"}, \"version\": 0}");
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
        assertThat(api.send(
                                "sam",
                                "PUT",
                                "families/" + familyId + "/assignment",
                                "{\"counselorUsername\": \"cora\", \"reason\": \"Carlos moves to the evening team\","
                                        + " \"version\": " + data.familyVersion(familyId) + "}")
                        .statusCode())
                .isEqualTo(200);

        JsonObject due = ApiClient.jsonArray(
                        api.send("carlos", "GET", "notes/due", null).body())
                .stream()
                .map(JsonObject.class::cast)
                .filter(d -> d.getJsonNumber("appointmentId").longValue() == session)
                .findFirst()
                .orElseThrow();
        assertThat(due.getBoolean("familyOnCaseload")).isFalse();
        assertThat(due.getString("familyNowWith")).isEqualTo("Cora Jensen");

        HttpResponse<String> list = api.send("sam", "GET", "notes/overdue/sessions", null);
        assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
        JsonObject overdue = ApiClient.jsonArray(list.body()).stream()
                .map(JsonObject.class::cast)
                .filter(o -> o.getJsonNumber("appointmentId").longValue() == session)
                .findFirst()
                .orElseThrow();
        assertThat(List.of(
                        overdue.getString("heldByUsername"),
                        overdue.getString("writerUsername"),
                        overdue.getString("familyNowWith"),
                        Long.toString(overdue.getJsonNumber("noteVersion").longValue())))
                .containsExactly("carlos", "carlos", "Cora Jensen", "1");
        assertThat(api.send("cora", "GET", "notes/overdue/sessions", null).statusCode())
                .isEqualTo(403);

        String body = "{\"appointmentId\": %d, \"counselor\": \"cora\", \"reason\": \"Carlos left\"%s}";
        assertThat(api.send("cora", "POST", "notes/reassign", body.formatted(session, ", \"version\": 1"))
                        .statusCode())
                .as("a counselor does not reassign")
                .isEqualTo(403);
        HttpResponse<String> stale =
                api.send("sam", "POST", "notes/reassign", body.formatted(session, ", \"version\": 0"));
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(json(stale.body()).getString("detail")).contains("Someone else changed this note");
        assertThat(api.send("sam", "POST", "notes/reassign", body.formatted(session, ""))
                        .statusCode())
                .as("no version is a stale one")
                .isEqualTo(409);
        HttpResponse<String> given =
                api.send("sam", "POST", "notes/reassign", body.formatted(session, ", \"version\": 1"));
        assertThat(given.statusCode()).as(given.body()).isEqualTo(200);
        JsonObject note = json(given.body());
        assertThat(List.of(
                        note.getString("authorUsername"),
                        note.getString("heldByUsername"),
                        note.getString("reassignReason")))
                .containsExactly("cora", "carlos", "Carlos left");

        assertThat(api.send("carlos", "POST", "notes", "{\"appointmentId\": " + session + "}")
                        .statusCode())
                .isEqualTo(403);
        HttpResponse<String> coras = api.send("cora", "POST", "notes", "{\"appointmentId\": " + session + "}");
        assertThat(coras.statusCode()).as(coras.body()).isEqualTo(200);
        assertThat(json(coras.body()).getJsonObject("content").getString("data"))
                .isEqualTo("<p>Calm week</p>");
        assertThat(database.query(
                        "select count(*) from audit_entry where action = 'REASSIGN_NOTE' and family_id ="
                                + " cast(? as bigint) and username = 'sam'",
                        Long.toString(familyId)))
                .isEqualTo(List.of(List.of("1")));
        assertThat(database.query("select count(*) from audit_entry where outcome = 'DENIED' and username = 'cora'"
                        + " and reason like 'SessionNotes.reassign%'"))
                .as("the refused counselor is in the audit trail")
                .isNotEqualTo(List.of(List.of("0")));
    }
}
