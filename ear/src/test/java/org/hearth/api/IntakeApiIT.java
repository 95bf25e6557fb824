package org.hearth.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hearth.testing.ApiClient.json;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The intake and the family record through the API with real tokens: drafts, completion and what it
 * needs, the safety flag, conflicts, bad input, and who may see what.
 */
@ExtendWith({HearthStack.class, ArquillianExtension.class})
@RunAsClient
class IntakeApiIT {

    private final ApiClient api = new ApiClient();

    private final Sql database = Sql.testDatabase();

    private long familyId;

    private String familyName;

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.hearth();
    }

    /** A program where sam supervises and carlos and cora counsel; frida registers a family, sam gives it to carlos. */
    @BeforeEach
    void frontDeskRegistersAFamilyAndSamAssignsCarlos() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String program = "Intake API " + suffix;
        TestData data = new TestData(database);
        long programId = data.program(program);
        data.realmStaff("sam", "Sam Okafor", "supervisor", program);
        data.realmStaff("carlos", "Carlos Rivera", "counselor", program);
        data.realmStaff("cora", "Cora Jensen", "counselor", program);
        familyName = "Mbeki-" + suffix;

        HttpResponse<String> registered = api.send("frida", "POST", "families", familyJson(programId, familyName));
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        familyId = json(registered.body()).getJsonNumber("id").longValue();
        HttpResponse<String> assigned =
                api.send("sam", "PUT", "families/" + familyId + "/assignment", "{\"counselorUsername\": \"carlos\"}");
        assertThat(assigned.statusCode()).as(assigned.body()).isEqualTo(200);
    }

    @Test
    void completingAPartialDraftGets400NamingEveryMissingAnswerAndChangesNothing() throws Exception {
        HttpResponse<String> notBegun = api.send("carlos", "GET", intake(), null);
        assertThat(notBegun.statusCode()).as(notBegun.body()).isEqualTo(200);
        JsonObject empty = json(notBegun.body());
        assertThat(empty.getString("state")).isEqualTo("NOT_STARTED");
        assertThat(empty.getJsonObject("form").containsKey("version")).isFalse();
        long graceId = participantId(empty);

        HttpResponse<String> first = api.send("carlos", "PUT", intake(), partialIntake(null, null));
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        long firstVersion = versionOf(json(first.body()));
        HttpResponse<String> resumed =
                api.send("carlos", "PUT", intake(), partialIntake(firstVersion, "Keep her safe on the road"));
        assertThat(resumed.statusCode()).as(resumed.body()).isEqualTo(200);
        JsonObject draft = json(resumed.body());
        assertThat(draft.getString("state")).isEqualTo("DRAFT");
        assertThat(draft.getJsonObject("form").getString("familyGoals")).isEqualTo("Keep her safe on the road");
        assertThat(versionOf(draft)).isNotEqualTo(firstVersion);

        HttpResponse<String> completion = api.send("carlos", "POST", intake() + "/complete", version(versionOf(draft)));

        assertThat(completion.statusCode()).as(completion.body()).isEqualTo(400);
        assertThat(completion.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(errorsOf(json(completion.body())))
                .containsExactlyInAnyOrder(
                        "lovedOnes: Add at least one loved one.",
                        "safety.domesticViolence: Answer every safety question.",
                        "safety.childrenInHome: Answer every safety question.",
                        "safety.suicideRisk: Answer every safety question.",
                        "safety.lostTolerance: Answer every safety question.",
                        "safety.usingAlone: Answer every safety question.",
                        "safety.mixingWithDepressants: Answer every safety question.",
                        "safety.naloxoneInHome: Answer every safety question.",
                        "readiness[memberId=" + graceId
                                + "]: Record the readiness ruler of every participating member.",
                        "treatmentConsentSigned: Record the signed treatment consent and its date.");
        assertThat(database.query("select status from family where id = cast(? as bigint)", id()))
                .containsExactly(List.of("INTAKE"));
        assertThat(database.query("select completed_at from intake where family_id = cast(? as bigint)", id())
                        .get(0)
                        .get(0))
                .isNull();
        assertThat(database.query("select id from engagement_episode where family_id = cast(? as bigint)", id()))
                .isEmpty();
    }

    @Test
    void aCompletedIntakeWithAnOverdoseRiskMakesTheFamilyActiveFlaggedAndOpensARefusingEpisode() throws Exception {
        JsonObject notBegun = json(api.send("carlos", "GET", intake(), null).body());

        HttpResponse<String> saved = api.send("carlos", "PUT", intake(), completeIntake(participantId(notBegun), null));
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
        JsonObject draft = json(saved.body());
        assertThat(draft.getBoolean("safetyFlag")).isTrue();
        assertThat(strings(draft, "flagReasons")).containsExactly("OVERDOSE_RISK");
        assertThat(draft.getBoolean("offerNaloxone")).isTrue();

        HttpResponse<String> completion = api.send("carlos", "POST", intake() + "/complete", version(versionOf(draft)));

        assertThat(completion.statusCode()).as(completion.body()).isEqualTo(200);
        JsonObject completed = json(completion.body());
        assertThat(completed.getString("state")).isEqualTo("COMPLETED");
        assertThat(completed.getString("completedBy")).isEqualTo("carlos");
        HttpResponse<String> read = api.send("carlos", "GET", family(), null);
        assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
        JsonObject record = json(read.body());
        assertThat(record.getString("status")).isEqualTo("ACTIVE");
        JsonObject clinical = record.getJsonObject("clinical");
        assertThat(clinical.getString("intakeState")).isEqualTo("COMPLETED");
        assertThat(clinical.getBoolean("safetyFlag")).isTrue();
        assertThat(strings(clinical, "flagReasons")).containsExactly("OVERDOSE_RISK");
        assertThat(clinical.getBoolean("offerNaloxone")).isTrue();
        assertThat(clinical.getJsonArray("lovedOnes").getValuesAs(JsonObject.class).stream()
                        .map(l -> l.getString("alias") + ": " + l.getString("episodeStatus", "no episode")))
                .containsExactly("J.: REFUSING", "Uncle M.: no episode");
        assertThat(database.query(
                        "select l.alias, e.status, e.opened_by from engagement_episode e"
                                + " join loved_one l on l.id = e.loved_one_id where e.family_id = cast(? as bigint)",
                        id()))
                .containsExactly(List.of("J.", "REFUSING", "carlos"));
    }

    @Test
    void savingFromAStaleVersionOrAfterCompletionIsAConflictAndSavesNothing() throws Exception {
        JsonObject notBegun = json(api.send("carlos", "GET", intake(), null).body());
        long graceId = participantId(notBegun);
        long first = versionOf(json(
                api.send("carlos", "PUT", intake(), partialIntake(null, null)).body()));
        HttpResponse<String> newer = api.send("carlos", "PUT", intake(), completeIntake(graceId, first));
        assertThat(newer.statusCode()).as(newer.body()).isEqualTo(200);

        HttpResponse<String> stale = api.send("carlos", "PUT", intake(), partialIntake(first, "Stale goals"));

        assertThat(stale.statusCode()).as(stale.body()).isEqualTo(409);
        assertThat(json(stale.body()).getString("detail")).contains("Someone else changed this intake");
        JsonObject kept = json(api.send("carlos", "GET", intake(), null).body());
        assertThat(kept.getJsonObject("form").getString("familyGoals")).isEqualTo("Stay connected, keep him alive");

        HttpResponse<String> completion = api.send("carlos", "POST", intake() + "/complete", version(versionOf(kept)));
        assertThat(completion.statusCode()).as(completion.body()).isEqualTo(200);
        long current = versionOf(json(api.send("carlos", "GET", intake(), null).body()));

        HttpResponse<String> afterCompletion =
                api.send("carlos", "PUT", intake(), partialIntake(current, "Changed afterwards"));
        HttpResponse<String> completedTwice = api.send("carlos", "POST", intake() + "/complete", version(current));

        assertThat(afterCompletion.statusCode()).as(afterCompletion.body()).isEqualTo(409);
        assertThat(json(afterCompletion.body()).getString("detail")).contains("completed");
        assertThat(completedTwice.statusCode()).as(completedTwice.body()).isEqualTo(409);
        JsonObject unchanged = json(api.send("carlos", "GET", intake(), null).body());
        assertThat(unchanged.getString("state")).isEqualTo("COMPLETED");
        assertThat(unchanged.getJsonObject("form").getString("familyGoals"))
                .isEqualTo("Stay connected, keep him alive");
    }

    @Test
    void theFrontDeskReadsTheRecordWithoutClinicalContentAndIsRefusedTheIntake() throws Exception {
        JsonObject notBegun = json(api.send("carlos", "GET", intake(), null).body());
        assertThat(api.send("carlos", "PUT", intake(), completeIntake(participantId(notBegun), null))
                        .statusCode())
                .isEqualTo(200);
        long familyVersion = json(api.send("sam", "GET", family(), null).body())
                .getJsonNumber("version")
                .longValue();
        assertThat(api.send(
                                "sam",
                                "PUT",
                                family() + "/assignment",
                                "{\"counselorUsername\":\"cora\",\"reason\":\"disclosed a relapse; needs Cora\","
                                        + " \"version\": " + familyVersion + "}")
                        .statusCode())
                .isEqualTo(200);
        long before = lastAuditEntry();

        HttpResponse<String> record = api.send("frida", "GET", family(), null);
        HttpResponse<String> theIntake = api.send("frida", "GET", intake(), null);

        assertThat(record.statusCode()).as(record.body()).isEqualTo(200);
        JsonObject contacts = json(record.body());
        assertThat(contacts.getString("familyName")).isEqualTo(familyName);
        assertThat(contacts.getJsonArray("members").getJsonObject(0).getString("phone"))
                .isEqualTo("+1 555 010 4477");
        assertThat(contacts.get("clinical"))
                .as("no clinical summary for the front desk")
                .isIn(null, JsonValue.NULL);
        assertThat(record.body())
                .doesNotContain("OVERDOSE_RISK")
                .doesNotContain("fentanyl")
                .as("why the counselor changed may be clinical: not for the front desk")
                .doesNotContain("relapse");
        assertThat(contacts.getJsonArray("assignments")).hasSize(2);
        assertThat(theIntake.statusCode()).isEqualTo(403);
        assertThat(theIntake.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(theIntake.body()).doesNotContain("fentanyl");
        assertThat(database.query(
                        "select action, outcome, reason from audit_entry where username = 'frida'"
                                + " and id > cast(? as bigint) and (family_id = cast(? as bigint) or reason like 'Intakes.%')"
                                + " order by id",
                        String.valueOf(before), id()))
                .containsExactly(
                        List.of("READ_FAMILY", "ALLOWED", "demographics and contacts only"),
                        List.of(
                                "SERVICE_CALL",
                                "DENIED",
                                "Intakes.read: requires one of the roles [counselor, supervisor]"));
    }

    @Test
    void aCounselorOfTheProgramWithoutTheFamilyOnTheirCaseloadIsRefusedAndAudited() throws Exception {
        JsonObject notBegun = json(api.send("carlos", "GET", intake(), null).body());
        assertThat(api.send("carlos", "PUT", intake(), completeIntake(participantId(notBegun), null))
                        .statusCode())
                .isEqualTo(200);
        long before = lastAuditEntry();

        HttpResponse<String> record = api.send("cora", "GET", family(), null);
        HttpResponse<String> theIntake = api.send("cora", "GET", intake(), null);

        assertThat(record.statusCode()).isEqualTo(403);
        assertThat(theIntake.statusCode()).isEqualTo(403);
        assertThat(record.body()).doesNotContain(familyName);
        assertThat(theIntake.body()).doesNotContain(familyName).doesNotContain("fentanyl");
        assertThat(database.query(
                        "select outcome, reason, family_id from audit_entry where username = 'cora'"
                                + " and id > cast(? as bigint)"
                                + " and (reason like 'FamilyRecords.open:%' or reason like 'Intakes.read:%') order by id",
                        String.valueOf(before)))
                .as("each refusal names the family asked for")
                .extracting(row ->
                        row.get(0) + " " + row.get(1).substring(0, row.get(1).indexOf(':')) + " " + row.get(2))
                .containsExactly("DENIED FamilyRecords.open " + familyId, "DENIED Intakes.read " + familyId);
    }

    @Test
    void aCompletionOrClosureThatNamesNoVersionIsStaleAndChangesNothing() throws Exception {
        JsonObject notBegun = json(api.send("carlos", "GET", intake(), null).body());
        assertThat(api.send("carlos", "PUT", intake(), completeIntake(participantId(notBegun), null))
                        .statusCode())
                .isEqualTo(200);

        HttpResponse<String> complete = api.send("carlos", "POST", intake() + "/complete", "{}");
        HttpResponse<String> close = api.send("carlos", "POST", family() + "/closure", "{\"reason\":\"moved away\"}");

        // issue 23: a change that names no version is answered as a stale one, 409 naming the record
        assertThat(complete.statusCode()).as(complete.body()).isEqualTo(409);
        assertThat(json(complete.body()).getString("detail"))
                .isEqualTo("Someone else changed this intake meanwhile: load it again and repeat your change.");
        assertThat(close.statusCode()).as(close.body()).isEqualTo(409);
        assertThat(json(close.body()).getString("detail"))
                .isEqualTo("Someone else changed this family meanwhile: load it again and repeat your change.");
        assertThat(database.query("select status from family where id = cast(? as bigint)", String.valueOf(familyId)))
                .isEqualTo(List.of(List.of("INTAKE")));
    }

    @Test
    void anUnknownFamilyIsRefusedWithTheWordsOfAFamilyThatIsNotTheCallers() throws Exception {
        HttpResponse<String> record = api.send("carlos", "GET", "families/999999999", null);
        HttpResponse<String> theIntake = api.send("carlos", "GET", "families/999999999/intake", null);

        assertThat(record.statusCode()).isEqualTo(403);
        assertThat(theIntake.statusCode()).isEqualTo(403);
        assertThat(json(theIntake.body()).getString("detail"))
                .isEqualTo("This record does not exist, or it is not part of your work.");
        assertThat(theIntake.body()).doesNotContain("999999999");
    }

    @Test
    void anAsamRatingOf7OrAReadinessOf11Gets400NamingTheFieldAndSavesNothing() throws Exception {
        long graceId =
                participantId(json(api.send("carlos", "GET", intake(), null).body()));

        HttpResponse<String> asam =
                api.send("carlos", "PUT", intake(), intakeWith(lovedOne("J.", false, 7), graceId, 5));
        HttpResponse<String> ruler =
                api.send("carlos", "PUT", intake(), intakeWith(lovedOne("J.", false, 4), graceId, 11));

        assertThat(asam.statusCode()).as(asam.body()).isEqualTo(400);
        assertThat(errorsOf(json(asam.body())))
                .containsExactly("lovedOnes[0].asam[3].rating: An ASAM rating is from 0 to 4.");
        assertThat(ruler.statusCode()).as(ruler.body()).isEqualTo(400);
        assertThat(errorsOf(json(ruler.body()))).containsExactly("readiness[0].readiness: A ruler is from 0 to 10.");
        assertThat(json(api.send("carlos", "GET", intake(), null).body()).getString("state"))
                .isEqualTo("NOT_STARTED");
    }

    private String family() {
        return "families/" + familyId;
    }

    private String intake() {
        return family() + "/intake";
    }

    private String id() {
        return String.valueOf(familyId);
    }

    private long lastAuditEntry() {
        return Long.parseLong(database.query("select coalesce(max(id), 0) from audit_entry")
                .get(0)
                .get(0));
    }

    /** The one participating member (the aunt does not take part, so she needs no readiness ruler). */
    private static long participantId(JsonObject intake) {
        assertThat(intake.getJsonArray("participants")).hasSize(1);
        return intake.getJsonArray("participants")
                .getJsonObject(0)
                .getJsonNumber("memberId")
                .longValue();
    }

    private static long versionOf(JsonObject intake) {
        return intake.getJsonObject("form").getJsonNumber("version").longValue();
    }

    private static List<String> errorsOf(JsonObject problem) {
        return problem.getJsonArray("errors").getValuesAs(JsonObject.class).stream()
                .map(e -> e.getString("field") + ": " + e.getString("message"))
                .toList();
    }

    private static List<String> strings(JsonObject object, String name) {
        return object.getJsonArray(name).getValuesAs(JsonString.class).stream()
                .map(JsonString::getString)
                .toList();
    }

    private static String version(long version) {
        return "{\"version\": " + version + "}";
    }

    private static String familyJson(long programId, String name) {
        return """
                {"familyName": "%s", "programId": %d, "preferredLanguage": "en", "referralSource": "SELF",
                 "members": [{"fullName": "Grace %s", "ageYears": 52, "relationship": "PARENT",
                              "phone": "+1 555 010 4477", "safeToLeaveMessage": true, "safeToMail": true,
                              "participates": true},
                             {"fullName": "Aunt %s", "ageYears": 60, "relationship": "OTHER",
                              "safeToLeaveMessage": false, "safeToMail": false, "participates": false}]}
                """
                .formatted(name, programId, name, name);
    }

    /** A draft as a counselor leaves it after the first call: the concern, perhaps goals, one safety answer. */
    private static String partialIntake(Long version, String familyGoals) {
        return """
                {"version": %s, "presentingConcern": "Daughter drinks and drives", "familyGoals": %s,
                 "safety": {"fentanyl": false}}
                """
                .formatted(version, familyGoals == null ? "null" : "\"" + familyGoals + "\"");
    }

    /** Everything completion needs; the son uses fentanyl alone and there is no naloxone at home. */
    private static String completeIntake(long participantId, Long version) {
        return """
                {"version": %s,
                 "presentingConcern": "Son uses fentanyl alone, refuses treatment",
                 "familyGoals": "Stay connected, keep him alive",
                 "safety": {"domesticViolence": false, "childrenInHome": true, "suicideRisk": false,
                            "lostTolerance": false, "usingAlone": true, "fentanyl": true,
                            "mixingWithDepressants": false, "naloxoneInHome": false},
                 "lovedOnes": [%s, %s],
                 "readiness": [{"memberId": %d, "importance": 9, "confidence": 4, "readiness": 7}],
                 "treatmentConsentSigned": true, "treatmentConsentOn": "%s"}
                """
                .formatted(
                        version,
                        lovedOne("J.", false, 4),
                        lovedOne("Uncle M.", true, 2),
                        participantId,
                        LocalDate.now(ClinicTime.zone()).minusDays(1));
    }

    /** A first draft with one loved one and one readiness ruler, to try values out of range. */
    private static String intakeWith(String lovedOne, long participantId, int readiness) {
        return """
                {"presentingConcern": "Son uses fentanyl", "lovedOnes": [%s],
                 "readiness": [{"memberId": %d, "importance": 5, "confidence": 5, "readiness": %d}]}
                """
                .formatted(lovedOne, participantId, readiness);
    }

    /** A son, described in full; {@code readinessToChange} is his rating on the fourth ASAM dimension. */
    private static String lovedOne(String alias, boolean inTreatment, int readinessToChange) {
        return """
                {"alias": "%s", "ageYears": 24, "relationship": "SON_OR_DAUGHTER",
                 "substances": ["FENTANYL", "BENZODIAZEPINES"], "routes": ["SMOKING"],
                 "inTreatment": %b, "medication": "%s", "stageOfChange": "PRECONTEMPLATION",
                 "asam": [{"rating": 2}, {"rating": 1}, {"rating": 2, "note": "anxious"},
                          {"rating": %d, "note": "refuses any help"}, {"rating": 4}, {"rating": 3}]}
                """
                .formatted(alias, inTreatment, inTreatment ? "BUPRENORPHINE" : "NONE", readinessToChange);
    }
}
