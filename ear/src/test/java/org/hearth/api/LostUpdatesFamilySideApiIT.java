package org.hearth.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hearth.testing.ApiClient.json;
import static org.hearth.testing.ApiClient.jsonArray;
import static org.hearth.testing.TwoEditors.accepted;
import static org.hearth.testing.TwoEditors.refusedAsStale;
import static org.hearth.testing.TwoEditors.saved;
import static org.hearth.testing.TwoEditors.versionOf;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
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
 * The sweep of issue 23 for the family side: for every endpoint of the families, consents, episodes, staff and
 * programs resources that changes an existing record, two clients read the same version and change different
 * things; the second is answered 409 naming the record, and a fresh read shows the first one's change kept.
 */
@ExtendWith({HearthStack.class, ArquillianExtension.class})
@RunAsClient
class LostUpdatesFamilySideApiIT {

    private final ApiClient api = new ApiClient();
    private final Sql database = Sql.testDatabase();

    private String suffix;
    private String program;
    private long familyId;
    private String today;

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.hearth();
    }

    @BeforeEach
    void aFamilyOfTwoOnCarlosCaseload() throws Exception {
        suffix = UUID.randomUUID().toString().substring(0, 8);
        program = "Lost updates " + suffix;
        TestData data = new TestData(database);
        long programId = data.program(program);
        data.realmStaff("frida", "Frida Moreno", "front-desk", program);
        data.realmStaff("sam", "Sam Okafor", "supervisor", program);
        data.realmStaff("carlos", "Carlos Rivera", "counselor", program);
        data.realmStaff("ada", "Ada Kowalski", "admin");
        HttpResponse<String> registered = api.send(
                "frida",
                "POST",
                "families",
                """
                {"familyName": "Ibarra %s", "programId": %d, "preferredLanguage": "es", "referralSource": "SELF",
                 "members": [%s, %s]}
                """
                        .formatted(
                                suffix,
                                programId,
                                member("Elena", "PARENT", "+1 555 010 1000"),
                                member("Tomas", "SIBLING", "+1 555 010 2000")));
        familyId = saved(registered).getJsonNumber("id").longValue();
        accepted(api.send("sam", "PUT", "families/" + familyId + "/assignment", "{\"counselorUsername\": \"carlos\"}"));
        today = LocalDate.now(ClinicTime.zone()).toString();
    }

    @Test
    void twoEditorsOfDifferentMembersFromTheSameVersion() throws Exception {
        long read = versionOf(api.send("frida", "GET", family(), null));

        JsonObject first = saved(api.send("frida", "PUT", family(), familyUpdate("+1 555 777 0001", null, null, read)));
        HttpResponse<String> second =
                api.send("sam", "PUT", family(), familyUpdate(null, "+1 555 777 0002", null, read));

        refusedAsStale(second, "family");
        assertThat(first.getJsonNumber("version").longValue()).isGreaterThan(read);
        assertThat(phones()).containsExactly("+1 555 777 0001", "+1 555 010 2000");
    }

    @Test
    void twoEditorsOfDifferentMembersAtTheSameMomentOneWinsWhole() throws Exception {
        long read = versionOf(api.send("frida", "GET", family(), null));

        CompletableFuture<HttpResponse<String>> byFrida = CompletableFuture.supplyAsync(
                () -> send("frida", "PUT", family(), familyUpdate("+1 555 777 0011", null, null, read)));
        CompletableFuture<HttpResponse<String>> bySam = CompletableFuture.supplyAsync(
                () -> send("sam", "PUT", family(), familyUpdate(null, "+1 555 777 0012", null, read)));
        List<Integer> answers = List.of(byFrida.get().statusCode(), bySam.get().statusCode());

        assertThat(answers)
                .as(byFrida.get().body() + " / " + bySam.get().body())
                .containsExactlyInAnyOrder(200, 409);
        HttpResponse<String> loser = byFrida.get().statusCode() == 409 ? byFrida.get() : bySam.get();
        refusedAsStale(loser, "family");
        assertThat(phones())
                .as("exactly the winner's change is there")
                .isIn(List.of("+1 555 777 0011", "+1 555 010 2000"), List.of("+1 555 010 1000", "+1 555 777 0012"));
    }

    @Test
    void aChangeThatNamesNoVersionIsStaleNotBadInput() throws Exception {
        String noVersion = familyUpdate("+1 555 777 0021", null, null, 0).replace(", \"version\": 0", "");

        refusedAsStale(api.send("frida", "PUT", family(), noVersion), "family");
        refusedAsStale(api.send("carlos", "POST", family() + "/closure", "{\"reason\": \"Moved away\"}"), "family");
        assertThat(phones()).containsExactly("+1 555 010 1000", "+1 555 010 2000");
    }

    @Test
    void reassigningThePrimaryCounselorFromTheSameVersion() throws Exception {
        new TestData(database).realmStaff("cora", "Cora Jensen", "counselor", program);
        long read = versionOf(api.send("sam", "GET", family(), null));

        accepted(api.send(
                "sam",
                "PUT",
                family() + "/assignment",
                "{\"counselorUsername\": \"cora\", \"reason\": \"Carlos is on leave\", \"version\": " + read + "}"));
        HttpResponse<String> second = api.send(
                "sam",
                "PUT",
                family() + "/assignment",
                "{\"counselorUsername\": \"carlos\", \"reason\": \"Keep Carlos\", \"version\": " + read + "}");

        refusedAsStale(second, "family");
        assertThat(json(api.send("sam", "GET", family(), null).body()).getString("primaryCounselor"))
                .startsWith("Cora");
    }

    @Test
    void closingFromAnOlderVersionThanADetailsChange() throws Exception {
        long read = versionOf(api.send("carlos", "GET", family(), null));

        saved(api.send("sam", "PUT", family(), familyUpdate(null, null, "Sent by the clinic nurse", read)));
        HttpResponse<String> second = api.send(
                "carlos", "POST", family() + "/closure", "{\"reason\": \"Moved away\", \"version\": " + read + "}");

        refusedAsStale(second, "family");
        JsonObject now = json(api.send("carlos", "GET", family(), null).body());
        assertThat(now.getString("status")).isNotEqualTo("CLOSED");
        assertThat(now.getString("referralNote")).isEqualTo("Sent by the clinic nurse");
    }

    @Test
    void reopeningTwiceFromTheSameVersion() throws Exception {
        long open = versionOf(api.send("carlos", "GET", family(), null));
        saved(api.send(
                "carlos", "POST", family() + "/closure", "{\"reason\": \"Moved away\", \"version\": " + open + "}"));
        long read = versionOf(api.send("sam", "GET", family(), null));

        saved(api.send("sam", "POST", family() + "/reopening", "{\"version\": " + read + "}"));
        HttpResponse<String> second = api.send("sam", "POST", family() + "/reopening", "{\"version\": " + read + "}");

        refusedAsStale(second, "family");
        assertThat(json(api.send("sam", "GET", family(), null).body()).getString("status"))
                .isEqualTo("INTAKE");
    }

    @Test
    void twoCounselorsSaveDifferentAnswersOfTheIntakeFromTheSameVersion() throws Exception {
        long read =
                intakeVersion(saved(api.send("carlos", "PUT", intake(), intakeDraft(null, "Daughter drinks", null))));

        saved(api.send("carlos", "PUT", intake(), intakeDraft(read, "Daughter drinks", "Keep her safe")));
        HttpResponse<String> second =
                api.send("carlos", "PUT", intake(), intakeDraft(read, "Daughter drinks and drives", null));

        refusedAsStale(second, "intake");
        JsonObject form = json(api.send("carlos", "GET", intake(), null).body()).getJsonObject("form");
        assertThat(form.getString("familyGoals")).isEqualTo("Keep her safe");
        assertThat(form.getString("presentingConcern")).isEqualTo("Daughter drinks");
    }

    @Test
    void twoCounselorsChangeDifferentLovedOnesFromTheSameVersion() throws Exception {
        JsonObject begun = saved(api.send(
                "carlos",
                "PUT",
                intake(),
                "{\"presentingConcern\": \"Two sons use\", \"lovedOnes\": [%s, %s]}"
                        .formatted(lovedOne("J.", "PRECONTEMPLATION"), lovedOne("M.", "PRECONTEMPLATION"))));
        JsonObject form = begun.getJsonObject("form");

        saved(api.send("carlos", "PUT", intake(), withStage(form, 0, "CONTEMPLATION")));
        HttpResponse<String> second = api.send("carlos", "PUT", intake(), withStage(form, 1, "PREPARATION"));

        refusedAsStale(second, "intake");
        assertThat(json(api.send("carlos", "GET", intake(), null).body())
                        .getJsonObject("form")
                        .getJsonArray("lovedOnes")
                        .getValuesAs(JsonObject.class)
                        .stream()
                        .map(l -> l.getString("stageOfChange"))
                        .toList())
                .containsExactly("CONTEMPLATION", "PRECONTEMPLATION");
    }

    @Test
    void completingTheIntakeFromAnOlderVersionThanADraft() throws Exception {
        long read = intakeVersion(saved(api.send("carlos", "PUT", intake(), intakeDraft(null, "Son uses", null))));

        saved(api.send("carlos", "PUT", intake(), intakeDraft(read, "Son uses", "Stay connected")));
        HttpResponse<String> second = api.send("carlos", "POST", intake() + "/complete", "{\"version\": " + read + "}");

        refusedAsStale(second, "intake");
        JsonObject now = json(api.send("carlos", "GET", intake(), null).body());
        assertThat(now.getString("state")).isEqualTo("DRAFT");
        assertThat(now.getJsonObject("form").getString("familyGoals")).isEqualTo("Stay connected");
    }

    @Test
    void revokingAConsentTwiceFromTheSameVersion() throws Exception {
        long memberId = json(api.send("carlos", "GET", family(), null).body())
                .getJsonArray("members")
                .getJsonObject(0)
                .getJsonNumber("id")
                .longValue();
        JsonObject consent = saved(api.send(
                "carlos",
                "POST",
                "consents?family=" + familyId,
                "{\"memberId\": " + memberId + ", \"recipientName\": \"Dr. Lima\", \"purpose\": \"care\","
                        + " \"scope\": \"SUMMARY\", \"signedOn\": \"" + yesterday() + "\", \"startsOn\": \""
                        + yesterday() + "\", \"expiresOn\": \""
                        + LocalDate.parse(today).plusMonths(3) + "\"}"));
        long id = consent.getJsonNumber("id").longValue();
        long read = consent.getJsonNumber("version").longValue();

        saved(api.send(
                "carlos",
                "POST",
                "consents/" + id + "/revoke",
                "{\"revokedOn\": \"" + today + "\", \"version\": " + read + "}"));
        HttpResponse<String> second = api.send(
                "carlos",
                "POST",
                "consents/" + id + "/revoke",
                "{\"revokedOn\": \"" + yesterday() + "\", \"version\": " + read + "}");

        refusedAsStale(second, "consent");
        JsonObject now = jsonArray(api.send("carlos", "GET", "consents?family=" + familyId, null)
                        .body())
                .getJsonObject(0);
        assertThat(now.getString("revokedOn")).isEqualTo(today);
    }

    @Test
    void voidingDifferentEventsOfAnEpisodeFromTheSameVersion() throws Exception {
        new TestData(database)
                .episode(familyId)
                .lovedOne("M.", "PARTNER_OR_SPOUSE")
                .openedDaysAgo(10)
                .followUpInDays(4)
                .intakeCompleted()
                .insert();
        long episodeId = jsonArray(api.send("carlos", "GET", "episodes?family=" + familyId, null)
                        .body())
                .getJsonObject(0)
                .getJsonNumber("id")
                .longValue();
        saved(api.send("carlos", "POST", "episodes/" + episodeId + "/events", stageObserved("CONTEMPLATION")));
        JsonObject read =
                saved(api.send("carlos", "POST", "episodes/" + episodeId + "/events", stageObserved("PREPARATION")));
        long version = read.getJsonNumber("version").longValue();
        long newer =
                read.getJsonArray("events").getJsonObject(0).getJsonNumber("id").longValue();
        long older =
                read.getJsonArray("events").getJsonObject(1).getJsonNumber("id").longValue();

        saved(api.send(
                "carlos", "POST", voiding(episodeId, newer), "{\"reason\": \"Twice\", \"version\": " + version + "}"));
        HttpResponse<String> second = api.send(
                "carlos", "POST", voiding(episodeId, older), "{\"reason\": \"Wrong\", \"version\": " + version + "}");

        refusedAsStale(second, "episode");
        List<JsonObject> events = json(api.send("carlos", "GET", "episodes/" + episodeId, null)
                        .body())
                .getJsonArray("events")
                .getValuesAs(JsonObject.class);
        assertThat(events.stream().filter(e -> e.getJsonNumber("id").longValue() == newer))
                .allMatch(e -> e.getBoolean("voided"));
        assertThat(events.stream().filter(e -> e.getJsonNumber("id").longValue() == older))
                .noneMatch(e -> e.getBoolean("voided"));
    }

    @Test
    void givingProgramsAndDeactivatingAStaffMemberFromTheSameVersion() throws Exception {
        long staffId = newStaffMember();
        long programId = programIdOf(program);
        long read = versionOf(api.send("ada", "GET", "staff/" + staffId, null));

        saved(api.send(
                "ada",
                "PUT",
                "staff/" + staffId + "/programs",
                "{\"programIds\": [" + programId + "], \"version\": " + read + "}"));
        HttpResponse<String> second =
                api.send("ada", "POST", "staff/" + staffId + "/deactivation", "{\"version\": " + read + "}");

        refusedAsStale(second, "staff member");
        JsonObject now = json(api.send("ada", "GET", "staff/" + staffId, null).body());
        assertThat(now.getBoolean("active")).isTrue();
        assertThat(now.getJsonArray("programIds").getJsonNumber(0).longValue()).isEqualTo(programId);
    }

    @Test
    void deactivatingAndGivingProgramsToAStaffMemberFromTheSameVersion() throws Exception {
        long staffId = newStaffMember();
        long read = versionOf(api.send("ada", "GET", "staff/" + staffId, null));

        saved(api.send("ada", "POST", "staff/" + staffId + "/deactivation", "{\"version\": " + read + "}"));
        HttpResponse<String> second = api.send(
                "ada",
                "PUT",
                "staff/" + staffId + "/programs",
                "{\"programIds\": [" + programIdOf(program) + "], \"version\": " + read + "}");

        refusedAsStale(second, "staff member");
        JsonObject now = json(api.send("ada", "GET", "staff/" + staffId, null).body());
        assertThat(now.getBoolean("active")).isFalse();
        assertThat(now.getJsonArray("programIds")).isEmpty();
    }

    @Test
    void reactivatingAStaffMemberTwiceFromTheSameVersion() throws Exception {
        long staffId = newStaffMember();
        saved(api.send(
                "ada",
                "POST",
                "staff/" + staffId + "/deactivation",
                "{\"version\": " + versionOf(api.send("ada", "GET", "staff/" + staffId, null)) + "}"));
        long read = versionOf(api.send("ada", "GET", "staff/" + staffId, null));

        saved(api.send("ada", "POST", "staff/" + staffId + "/reactivation", "{\"version\": " + read + "}"));
        HttpResponse<String> second =
                api.send("ada", "POST", "staff/" + staffId + "/reactivation", "{\"version\": " + read + "}");

        refusedAsStale(second, "staff member");
        assertThat(json(api.send("ada", "GET", "staff/" + staffId, null).body()).getBoolean("active"))
                .isTrue();
    }

    @Test
    void renamingAndClosingAProgramFromTheSameVersion() throws Exception {
        JsonObject created = saved(api.send("ada", "POST", "programs", "{\"name\": \"Outreach " + suffix + "\"}"));
        long id = created.getJsonNumber("id").longValue();
        long read = created.getJsonNumber("version").longValue();

        saved(api.send(
                "ada",
                "PUT",
                "programs/" + id,
                "{\"name\": \"Street outreach " + suffix + "\", \"version\": " + read + "}"));
        HttpResponse<String> second =
                api.send("ada", "PUT", "programs/" + id, "{\"closed\": true, \"version\": " + read + "}");

        refusedAsStale(second, "program");
        JsonObject now =
                jsonArray(api.send("ada", "GET", "programs", null).body()).getValuesAs(JsonObject.class).stream()
                        .filter(p -> p.getJsonNumber("id").longValue() == id)
                        .findFirst()
                        .orElseThrow();
        assertThat(now.getString("name")).isEqualTo("Street outreach " + suffix);
        assertThat(now.getBoolean("closed")).isFalse();
    }

    private String family() {
        return "families/" + familyId;
    }

    private String intake() {
        return family() + "/intake";
    }

    private String yesterday() {
        return LocalDate.parse(today).minusDays(1).toString();
    }

    private List<String> phones() throws Exception {
        return json(api.send("frida", "GET", family(), null).body())
                .getJsonArray("members")
                .getValuesAs(JsonObject.class)
                .stream()
                .map(m -> m.getString("phone"))
                .toList();
    }

    private HttpResponse<String> send(String user, String method, String path, String body) {
        try {
            return api.send(user, method, path, body);
        } catch (Exception failed) {
            throw new IllegalStateException(failed);
        }
    }

    /** The family as registered with the changes given (null keeps what was registered). */
    private String familyUpdate(String elenaPhone, String tomasPhone, String referralNote, long version) {
        return """
                {"familyName": "Ibarra %s", "preferredLanguage": "es", "referralSource": "SELF", "referralNote": %s,
                 "members": [%s, %s], "version": %d}
                """
                .formatted(
                        suffix,
                        referralNote == null ? "null" : "\"" + referralNote + "\"",
                        member("Elena", "PARENT", elenaPhone == null ? "+1 555 010 1000" : elenaPhone),
                        member("Tomas", "SIBLING", tomasPhone == null ? "+1 555 010 2000" : tomasPhone),
                        version);
    }

    private static String member(String name, String relationship, String phone) {
        return """
                {"fullName": "%s Ibarra", "ageYears": 40, "relationship": "%s", "phone": "%s", "preferredLanguage": "es",
                 "safeToLeaveMessage": true, "safeToMail": false, "participates": true}"""
                .formatted(name, relationship, phone);
    }

    private static String intakeDraft(Long version, String presentingConcern, String familyGoals) {
        return "{\"version\": %s, \"presentingConcern\": \"%s\", \"familyGoals\": %s}"
                .formatted(version, presentingConcern, familyGoals == null ? "null" : "\"" + familyGoals + "\"");
    }

    private static long intakeVersion(JsonObject intake) {
        return intake.getJsonObject("form").getJsonNumber("version").longValue();
    }

    private static String lovedOne(String alias, String stage) {
        return """
                {"alias": "%s", "ageYears": 24, "relationship": "SON_OR_DAUGHTER", "substances": ["ALCOHOL"],
                 "inTreatment": false, "stageOfChange": "%s"}"""
                .formatted(alias, stage);
    }

    /** The intake's form as read, with one loved one's stage changed: what a second tab would send. */
    private static String withStage(JsonObject form, int index, String stage) {
        JsonArrayBuilder lovedOnes = Json.createArrayBuilder();
        List<JsonObject> read = form.getJsonArray("lovedOnes").getValuesAs(JsonObject.class);
        for (int i = 0; i < read.size(); i++) {
            JsonObject lovedOne = read.get(i);
            lovedOnes.add(
                    i == index
                            ? Json.createObjectBuilder(lovedOne)
                                    .add("stageOfChange", stage)
                                    .build()
                            : lovedOne);
        }
        return Json.createObjectBuilder()
                .add("version", form.getJsonNumber("version"))
                .add("presentingConcern", form.getString("presentingConcern"))
                .add("lovedOnes", lovedOnes)
                .build()
                .toString();
    }

    private String stageObserved(String stage) {
        return "{\"kind\": \"STAGE_OBSERVED\", \"on\": \"" + today + "\", \"stage\": \"" + stage + "\"}";
    }

    private static String voiding(long episodeId, long eventId) {
        return "episodes/" + episodeId + "/events/" + eventId + "/void";
    }

    private long newStaffMember() throws Exception {
        String username = "nina-" + suffix;
        new TestData(database).staff(username, "counselor");
        return json(api.send("ada", "GET", "staff?search=" + username, null).body())
                .getJsonArray("rows")
                .getJsonObject(0)
                .getJsonNumber("id")
                .longValue();
    }

    private long programIdOf(String name) {
        return Long.parseLong(database.query("select id from program where name = ?", name)
                .get(0)
                .get(0));
    }
}
