package org.hearth.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hearth.testing.ApiClient.json;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
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
 * The outbox's state over the API as the front desk reads it (issue 26): each message with what it is about, when
 * due and how sending went - never a text - filtered by status and days, counted for today, seen by each role as far
 * as its families go; and a member's choice read and changed at their word with the version read.
 */
@ExtendWith({HearthStack.class, ArquillianExtension.class})
@RunAsClient
class OutboxApiIT {

    /** What an entry of the outbox holds: ids, times, how sending went; nothing that could carry a text. */
    private static final Set<String> ENTRY_FIELDS = Set.of(
            "id",
            "kind",
            "status",
            "memberId",
            "familyId",
            "caseNumber",
            "aboutAt",
            "dueAt",
            "attempts",
            "nextAttemptAt",
            "sentAt",
            "lastFailure",
            "closedAt",
            "closedReason");

    private final ApiClient api = new ApiClient();
    private final Sql database = Sql.testDatabase();

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.hearth();
    }

    @Test
    void theFrontDeskReadsWhatIsPendingSentFailedAndWithdrawnAndEachRoleSeesItsOwnFamilies() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String program = "Outbox " + suffix;
        TestData data = new TestData(database);
        long programId = data.program(program);
        data.program("Outbox other " + suffix);
        data.realmStaff("frida", "Frida Moreno", "front-desk", program);
        data.realmStaff("carlos", "Carlos Rivera", "counselor", program);
        data.realmStaff("cora", "Cora Jensen", "counselor", program);
        data.realmStaff("sam", "Sam Okafor", "supervisor", program);
        data.realmStaff("sofia", "Sofia Marin", "supervisor,counselor", "Outbox other " + suffix);
        data.realmStaff("ada", "Ada Kowalski", "admin");
        long familyId = familyWithEmail(programId, "Outbox-" + suffix);
        assertThat(api.send("sam", "PUT", "families/" + familyId + "/assignment", "{\"counselorUsername\": \"carlos\"}")
                        .statusCode())
                .isEqualTo(200);
        String member = memberOf(familyId);
        String caseNumber = json(api.send("frida", "GET", "families/" + familyId, null)
                        .body())
                .getString("caseNumber");

        List<String> readers = List.of("frida", "carlos", "cora", "sam", "sofia");
        Map<String, JsonObject> before = readers.stream().collect(Collectors.toMap(u -> u, this::summary));

        // five messages due on a day of their own, far enough ahead that no other test's are due then
        LocalDate day = LocalDate.now(ClinicTime.zone())
                .plusDays(ThreadLocalRandom.current().nextInt(200, 300));
        String due =
                "(?::date + time '10:00') at time zone '" + ClinicTime.zone().getId() + "'";
        long waiting = message(familyId, member, due, day, "'PENDING', 0, null, null, null, null");
        long retrying = message(
                familyId, member, due, day, "'PENDING', 2, '421 Service not available, try later', null, null, null");
        long sent = message(familyId, member, due, day, "'SENT', 1, null, now(), null, null");
        long failed = message(
                familyId, member, due, day, "'FAILED', 1, '550 No such mailbox', null, now(), '550 No such mailbox'");
        long withdrawn =
                message(familyId, member, due, day, "'WITHDRAWN', 0, null, null, now(), 'the session was cancelled'");

        HttpResponse<String> listed = api.send("frida", "GET", "outbox?from=" + day + "&to=" + day, null);
        assertThat(listed.statusCode()).as(listed.body()).isEqualTo(200);
        JsonObject page = json(listed.body());
        assertThat(page.getInt("page")).isZero();
        assertThat(page.getInt("pageSize")).isEqualTo(50);
        List<JsonObject> mine = ofFamily(page.getJsonArray("messages"), familyId);
        assertThat(mine)
                .extracting(m -> m.getJsonNumber("id").longValue())
                .containsExactlyInAnyOrder(waiting, retrying, sent, failed, withdrawn);
        assertThat(mine).allSatisfy(m -> {
            assertThat(m.keySet()).isSubsetOf(ENTRY_FIELDS);
            assertThat(m.getString("caseNumber")).isEqualTo(caseNumber);
            assertThat(m.getJsonNumber("memberId").longValue()).isEqualTo(Long.parseLong(member));
            assertThat(m.getString("kind")).isEqualTo("SESSION_REMINDER");
        });
        JsonObject retry = byId(mine, retrying);
        assertThat(retry.getInt("attempts")).isEqualTo(2);
        assertThat(retry.getString("lastFailure")).isEqualTo("421 Service not available, try later");
        assertThat(retry.containsKey("nextAttemptAt")).isTrue();
        JsonObject gone = byId(mine, failed);
        assertThat(gone.getString("status")).isEqualTo("FAILED");
        assertThat(gone.getString("closedReason")).isEqualTo("550 No such mailbox");
        assertThat(gone.containsKey("nextAttemptAt"))
                .as("no next attempt for a message closed")
                .isFalse();
        assertThat(byId(mine, sent).containsKey("sentAt")).isTrue();

        JsonArray onlyFailed = json(api.send("frida", "GET", "outbox?status=failed&from=" + day + "&to=" + day, null)
                        .body())
                .getJsonArray("messages");
        assertThat(ofFamily(onlyFailed, familyId))
                .extracting(m -> m.getJsonNumber("id").longValue())
                .containsExactly(failed);

        // who sees them: the front desk, the family's counselor, its program's supervisor; not another counselor of
        // the program, not another program's supervisor, never the administrator
        for (String user : List.of("carlos", "sam")) {
            assertThat(ofFamily(list(user, day), familyId)).as(user).hasSize(5);
        }
        for (String user : List.of("cora", "sofia")) {
            assertThat(ofFamily(list(user, day), familyId)).as(user).isEmpty();
        }
        assertThat(api.send("ada", "GET", "outbox", null).statusCode()).isEqualTo(403);
        assertThat(api.send("ada", "GET", "outbox/summary", null).statusCode()).isEqualTo(403);

        // today's counts, grown by these five for those who see the family
        for (String user : readers) {
            JsonObject after = summary(user);
            boolean sees = Set.of("frida", "carlos", "sam").contains(user);
            assertThat(List.of(
                            delta(before, after, user, "pending"),
                            delta(before, after, user, "retrying"),
                            delta(before, after, user, "sentToday"),
                            delta(before, after, user, "failedToday"),
                            delta(before, after, user, "withdrawnToday")))
                    .as(user + ": pending, retrying, sent, failed, withdrawn today")
                    .isEqualTo(sees ? List.of(2L, 1L, 1L, 1L, 1L) : List.of(0L, 0L, 0L, 0L, 0L));
        }
        assertThat(database.query(
                        "select count(*) from audit_entry where action = 'READ_OUTBOX' and username = 'frida'"
                                + " and reason like ?",
                        "%" + waiting + "%"))
                .as("the listing is audited with the messages' ids")
                .isNotEqualTo(List.of(List.of("0")));
    }

    @Test
    void badFiltersAreNamed() throws Exception {
        new TestData(database).realmStaff("frida", "Frida Moreno", "front-desk");
        LocalDate today = LocalDate.now(ClinicTime.zone());
        assertRefused("outbox?status=LOST", "status", "'status' is one of PENDING, SENT, FAILED, WITHDRAWN.");
        assertRefused("outbox?from=2026-02-30", "from", "'from' is a date as yyyy-mm-dd.");
        assertRefused(
                "outbox?from=" + today + "&to=" + today.minusDays(1),
                "to",
                "The last day (\"to\") cannot be before the first (\"from\").");
        assertRefused("outbox?from=" + today + "&to=" + today.plusDays(92), "to", "List at most 92 days at once.");
        assertRefused("outbox?page=-1", "page", "The page is a number from 0.");
        assertRefused("outbox?page=two", "page", "'page' is a number from 0.");
    }

    @Test
    void aMembersChoiceIsReadAndChangedAtTheirWordWithTheVersionRead() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String program = "Choice " + suffix;
        TestData data = new TestData(database);
        long programId = data.program(program);
        data.realmStaff("frida", "Frida Moreno", "front-desk", program);
        long familyId = familyWithEmail(programId, "Choice-" + suffix);
        String member = memberOf(familyId);
        String path = "families/" + familyId + "/members/" + member + "/message-choice";
        LocalDate day = LocalDate.now(ClinicTime.zone()).plusDays(3);
        long pending = message(
                familyId,
                member,
                "(?::date + time '10:00') at time zone '" + ClinicTime.zone().getId() + "'",
                day,
                "'PENDING', 0, null, null, null, null");

        JsonObject read = json(api.send("frida", "GET", path, null).body());
        assertThat(read.getString("state")).isEqualTo("BY_EMAIL");
        assertThat(read.getBoolean("optedOut")).isFalse();
        assertThat(read.getJsonNumber("version").longValue()).isZero();

        HttpResponse<String> noWord = api.send("frida", "PUT", path, "{\"optedOut\": true, \"version\": 0}");
        assertThat(noWord.statusCode()).isEqualTo(400);
        assertThat(json(noWord.body()).getJsonArray("errors").getJsonObject(0).getString("field"))
                .isEqualTo("memberWord");

        HttpResponse<String> stopped = api.send(
                "frida",
                "PUT",
                path,
                "{\"optedOut\": true, \"memberWord\": \"Called on 7 Dec: no more emails\", \"version\": 0}");
        assertThat(stopped.statusCode()).as(stopped.body()).isEqualTo(200);
        JsonObject now = json(stopped.body());
        assertThat(now.getString("state")).isEqualTo("STOPPED_AT_WORD");
        assertThat(now.getString("changedBy")).isEqualTo("frida");
        assertThat(now.getString("changedOn"))
                .isEqualTo(LocalDate.now(ClinicTime.zone()).toString());
        assertThat(database.query("select status from outbox_message where id = ?::bigint", Long.toString(pending)))
                .as("her pending reminder withdrawn")
                .isEqualTo(List.of(List.of("WITHDRAWN")));

        HttpResponse<String> stale = api.send(
                "frida", "PUT", path, "{\"optedOut\": false, \"memberWord\": \"Wants them again\", \"version\": 0}");
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(json(stale.body()).getString("detail")).contains("message choice");

        JsonArray all =
                ApiClient.jsonArray(api.send("frida", "GET", "families/" + familyId + "/members/message-choices", null)
                        .body());
        assertThat(all).hasSize(1);
        assertThat(all.getJsonObject(0).getString("memberWord")).isEqualTo("Called on 7 Dec: no more emails");
    }

    private void assertRefused(String path, String field, String message) throws Exception {
        HttpResponse<String> answer = api.send("frida", "GET", path, null);
        assertThat(answer.statusCode()).as(path + ": " + answer.body()).isEqualTo(400);
        JsonObject error = json(answer.body()).getJsonArray("errors").getJsonObject(0);
        assertThat(error.getString("field")).as(path).isEqualTo(field);
        assertThat(error.getString("message")).as(path).isEqualTo(message);
    }

    private long familyWithEmail(long programId, String name) throws Exception {
        HttpResponse<String> registered = api.send(
                "frida",
                "POST",
                "families",
                """
                {"familyName": "%s", "programId": %d, "preferredLanguage": "en", "referralSource": "SELF",
                 "members": [{"fullName": "Grace %s", "ageYears": 50, "relationship": "PARENT",
                              "email": "grace@example.org", "safeToLeaveMessage": true, "safeToMail": true,
                              "participates": true}]}
                """
                        .formatted(name, programId, name));
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        return json(registered.body()).getJsonNumber("id").longValue();
    }

    private String memberOf(long familyId) {
        return database.query("select id from family_member where family_id = ?::bigint", Long.toString(familyId))
                .get(0)
                .get(0);
    }

    /** A message to the member due at {@code due} on {@code day}: status, attempts, failure, sent, closed, why. */
    private long message(long familyId, String member, String due, LocalDate day, String state) {
        return Long.parseLong(database.query(
                        "insert into outbox_message (kind, status, attempts, last_failure, sent_at, closed_at,"
                                + " closed_reason, family_id, member_id, subject_type, subject_id, about_at,"
                                + " lead_minutes, due_at, next_attempt_at, created_at)"
                                + " select 'SESSION_REMINDER', " + state + ", ?::bigint, ?::bigint, 'Appointment',"
                                + " ?::bigint, d + interval '2 days', 2880, d, d, now()"
                                + " from (select " + due + " as d) due returning id",
                        Long.toString(familyId),
                        member,
                        Long.toString(ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_000_000_000L)),
                        day.toString())
                .get(0)
                .get(0));
    }

    private JsonObject summary(String user) {
        try {
            HttpResponse<String> answer = api.send(user, "GET", "outbox/summary", null);
            assertThat(answer.statusCode()).as(user + ": " + answer.body()).isEqualTo(200);
            return json(answer.body());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonArray list(String user, LocalDate day) throws Exception {
        HttpResponse<String> answer = api.send(user, "GET", "outbox?from=" + day + "&to=" + day, null);
        assertThat(answer.statusCode()).as(user + ": " + answer.body()).isEqualTo(200);
        return json(answer.body()).getJsonArray("messages");
    }

    private static long delta(Map<String, JsonObject> before, JsonObject after, String user, String count) {
        return after.getJsonNumber(count).longValue()
                - before.get(user).getJsonNumber(count).longValue();
    }

    private static List<JsonObject> ofFamily(JsonArray messages, long familyId) {
        return messages.stream()
                .map(JsonValue::asJsonObject)
                .filter(m -> m.getJsonNumber("familyId").longValue() == familyId)
                .toList();
    }

    private static JsonObject byId(List<JsonObject> messages, long id) {
        return messages.stream()
                .filter(m -> m.getJsonNumber("id").longValue() == id)
                .findFirst()
                .orElseThrow();
    }
}
