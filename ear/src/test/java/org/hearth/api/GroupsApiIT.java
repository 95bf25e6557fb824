package org.hearth.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hearth.testing.ApiClient.json;
import static org.hearth.testing.ApiClient.jsonArray;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
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

/** Support groups through the API with real tokens: define, enroll to the waitlist, the offered seat, attendance. */
@ExtendWith({HearthStack.class, ArquillianExtension.class})
@RunAsClient
class GroupsApiIT {

    private final ApiClient api = new ApiClient();
    private final Sql database = Sql.testDatabase();
    private String suffix;
    private long programId;
    private long roomId;
    /** A Thursday at least a week ahead: open 08:00-20:00. */
    private final LocalDate thursday =
            LocalDate.now(ClinicTime.zone()).plusWeeks(1).with(TemporalAdjusters.next(DayOfWeek.THURSDAY));

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.hearth();
    }

    @BeforeEach
    void aProgramWhereCarlosFacilitates() {
        suffix = UUID.randomUUID().toString().substring(0, 8);
        String program = "Groups API " + suffix;
        TestData data = new TestData(database);
        programId = data.program(program);
        data.realmStaff("frida", "Frida Moreno", "front-desk", program);
        data.realmStaff("sam", "Sam Okafor", "supervisor", program);
        data.realmStaff("carlos", "Carlos Rivera", "counselor", program);
        data.realmStaff("cora", "Cora Jensen", "counselor", program);
        database.update("insert into room (name, capacity) values (?, 12)", "Group room " + suffix);
        roomId = Long.parseLong(database.query("select id from room where name = ?", "Group room " + suffix)
                .get(0)
                .get(0));
    }

    @Test
    void aGroupFillsItsSeatsThenWaitlistsOffersALeftSeatAndItsAttendanceReachesTheFamily() throws Exception {
        HttpResponse<String> defined = api.send("frida", "POST", "groups", group(2, "\"count\": 4"));
        assertThat(defined.statusCode()).as(defined.body()).isEqualTo(201);
        JsonObject series = json(defined.body());
        assertThat(series.getInt("sessionsCreated")).isEqualTo(4);
        assertThat(series.getJsonArray("skipped")).isEmpty();
        long groupId = series.getJsonObject("group").getJsonNumber("id").longValue();
        HttpResponse<String> sessions = api.send("cora", "GET", "groups/" + groupId + "/sessions", null);
        assertThat(sessions.statusCode()).isEqualTo(200);
        assertThat(jsonArray(sessions.body()).getValuesAs(JsonObject.class).stream()
                        .map(s -> s.getString("date") + " " + s.getString("startTime")))
                .containsExactly(
                        thursday + " 18:00",
                        thursday.plusWeeks(1) + " 18:00",
                        thursday.plusWeeks(2) + " 18:00",
                        thursday.plusWeeks(3) + " 18:00");

        long[] ana = family("Ana");
        long[] ben = family("Ben");
        long[] cy = family("Cy");
        JsonObject first = enroll(groupId, ana[1]);
        JsonObject second = enroll(groupId, ben[1]);
        JsonObject third = enroll(groupId, cy[1]);
        assertThat(List.of(first.getString("status"), second.getString("status"), third.getString("status")))
                .containsExactly("ENROLLED", "ENROLLED", "WAITLISTED");
        HttpResponse<String> again = api.send(
                "frida", "POST", "enrollments", "{\"groupId\": " + groupId + ", \"memberId\": " + ana[1] + "}");
        assertThat(again.statusCode()).isEqualTo(409);

        HttpResponse<String> left = api.send(
                "frida",
                "DELETE",
                "enrollments/" + first.getJsonNumber("id") + "?version=" + first.getJsonNumber("version"),
                null);
        assertThat(left.statusCode()).as(left.body()).isEqualTo(200);
        assertThat(json(left.body()).getJsonObject("offered").getString("memberName"))
                .isEqualTo("Rosa Cy-" + suffix);
        JsonObject offered = json(left.body()).getJsonObject("offered");
        HttpResponse<String> accepted = api.send(
                "carlos",
                "POST",
                "enrollments/" + third.getJsonNumber("id") + "/acceptance",
                "{\"version\": " + offered.getJsonNumber("version") + "}");
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
        assertThat(json(accepted.body()).getString("status")).isEqualTo("ENROLLED");

        long sessionId =
                jsonArray(sessions.body()).getJsonObject(0).getJsonNumber("id").longValue();
        long attendanceVersion = json(api.send("carlos", "GET", "group-sessions/" + sessionId + "/attendance", null)
                        .body())
                .getJsonNumber("version")
                .longValue();
        String marks = "{\"marks\": [{\"memberId\": " + ben[1] + ", \"mark\": \"PRESENT\"}, {\"memberId\": " + cy[1]
                + ", \"mark\": \"LATE\"}], \"version\": " + attendanceVersion + "}";
        HttpResponse<String> tooEarly = api.send("carlos", "PUT", "group-sessions/" + sessionId + "/attendance", marks);
        assertThat(tooEarly.statusCode()).as("the session has not started").isEqualTo(400);
        database.update(
                "update group_session set starts_at = now() - interval '10 minutes',"
                        + " ends_at = now() + interval '80 minutes' where id = cast(? as bigint)",
                Long.toString(sessionId));
        assertThat(api.send("cora", "PUT", "group-sessions/" + sessionId + "/attendance", marks)
                        .statusCode())
                .as("not her group")
                .isEqualTo(403);
        HttpResponse<String> saved = api.send("carlos", "PUT", "group-sessions/" + sessionId + "/attendance", marks);
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);

        HttpResponse<String> benAttended = api.send("frida", "GET", "families/" + ben[0] + "/group-attendance", null);
        assertThat(benAttended.statusCode()).isEqualTo(200);
        JsonObject mark = jsonArray(benAttended.body()).getJsonObject(0);
        assertThat(mark.getString("groupName")).isEqualTo("Parents' evening " + suffix);
        assertThat(mark.getString("mark")).isEqualTo("PRESENT");
        assertThat(benAttended.body()).as("only the family's own members").doesNotContain("Cy-" + suffix);
    }

    @Test
    void aDefinitionWithAnUnreadableDateOrAnImpossibleRuleIsRefusedNamingIt() throws Exception {
        HttpResponse<String> badDate = api.send(
                "frida", "POST", "groups", group(8, "\"count\": 4").replace(thursday.toString(), "next thursday"));
        assertThat(badDate.statusCode()).isEqualTo(400);
        assertThat(json(badDate.body()).getJsonArray("errors").getJsonObject(0).getString("field"))
                .isEqualTo("meetings.firstDate");

        HttpResponse<String> noEnd = api.send("frida", "POST", "groups", group(8, "\"intervalWeeks\": 1"));
        assertThat(noEnd.statusCode()).as(noEnd.body()).isEqualTo(400);

        assertThat(api.send("carlos", "POST", "groups", group(8, "\"count\": 4"))
                        .statusCode())
                .as("counselors do not define groups")
                .isEqualTo(403);
        assertThat(database.query("select count(*) from support_group where name = ?", "Parents' evening " + suffix))
                .isEqualTo(List.of(List.of("0")));
    }

    @Test
    void oneMeetingIsMovedAndLedByASubstituteANewRuleFromALaterDateKeepsTheEarlierOnesAndTheFeedFollows()
            throws Exception {
        // a Tuesday morning weeks ahead, apart from the other tests' groups and sessions
        LocalDate tuesday = LocalDate.now(ClinicTime.zone())
                .plusWeeks(30 + Math.abs(suffix.hashCode() % 200))
                .with(TemporalAdjusters.next(DayOfWeek.TUESDAY));
        String body =
                """
                {"name": "Morning circle %s", "kind": "SELF_CARE", "language": "en", "programId": %d,
                 "roomId": %d, "capacity": 8, "openEnrollment": true, "facilitatorUsernames": ["carlos"],
                 "meetings": {"firstDate": "%s", "startTime": "10:00", "minutes": 60, "count": 6}}
                """
                        .formatted(suffix, programId, roomId, tuesday);
        HttpResponse<String> defined = api.send("frida", "POST", "groups", body);
        assertThat(defined.statusCode()).as(defined.body()).isEqualTo(201);
        JsonObject group = json(defined.body()).getJsonObject("group");
        long groupId = group.getJsonNumber("id").longValue();
        List<JsonObject> sessions = group.getJsonArray("sessions").getValuesAs(JsonObject.class);
        assertThat(sessions).hasSize(6);

        JsonObject second = sessions.get(1);
        HttpResponse<String> moved = api.send(
                "sam",
                "PUT",
                "group-sessions/" + second.getJsonNumber("id"),
                "{\"start\": \"" + tuesday.plusWeeks(1).plusDays(1) + "T11:30\", \"version\": "
                        + second.getJsonNumber("version") + "}");
        assertThat(moved.statusCode()).as(moved.body()).isEqualTo(200);
        assertThat(json(moved.body()).getString("startTime")).isEqualTo("11:30");
        JsonObject third = sessions.get(2);
        HttpResponse<String> substituted = api.send(
                "frida",
                "PUT",
                "group-sessions/" + third.getJsonNumber("id") + "/substitute",
                "{\"counselorUsername\": \"cora\", \"version\": " + third.getJsonNumber("version") + "}");
        assertThat(substituted.statusCode()).as(substituted.body()).isEqualTo(200);
        assertThat(json(substituted.body()).getString("substituteUsername")).isEqualTo("cora");
        HttpResponse<String> notHers = api.send(
                "cora",
                "PUT",
                "group-sessions/" + third.getJsonNumber("id") + "/substitute",
                "{\"counselorUsername\": \"cora\", \"version\": 1}");
        assertThat(notHers.statusCode()).as("counselors do not change groups").isEqualTo(403);

        // from the fourth week on, the group meets at 12:00
        long version = json(api.send("frida", "GET", "groups/" + groupId, null).body())
                .getJsonNumber("version")
                .longValue();
        HttpResponse<String> changed = api.send(
                "frida",
                "PUT",
                "groups/" + groupId + "/meetings",
                """
                {"meetings": {"firstDate": "%s", "startTime": "12:00", "minutes": 60, "count": 3}, "version": %d}
                """
                        .formatted(tuesday.plusWeeks(3), version));
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        assertThat(json(changed.body()).getInt("sessionsRemoved")).isEqualTo(3);
        assertThat(json(changed.body()).getInt("sessionsCreated")).isEqualTo(3);
        List<String> after = jsonArray(api.send("frida", "GET", "groups/" + groupId + "/sessions", null)
                        .body())
                .getValuesAs(JsonObject.class)
                .stream()
                .map(s -> s.getString("date") + " " + s.getString("startTime"))
                .toList();
        assertThat(after)
                .as("the first week untouched, the moved and the substituted meeting kept, the rest at noon")
                .containsExactly(
                        tuesday + " 10:00",
                        tuesday.plusWeeks(1).plusDays(1) + " 11:30",
                        tuesday.plusWeeks(2) + " 10:00",
                        tuesday.plusWeeks(3) + " 12:00",
                        tuesday.plusWeeks(4) + " 12:00",
                        tuesday.plusWeeks(5) + " 12:00");

        long feedVersion = json(api.send("carlos", "GET", "groups/" + groupId + "/calendar-feed", null)
                        .body())
                .getJsonNumber("version")
                .longValue();
        HttpResponse<String> feed = api.send(
                "carlos", "POST", "groups/" + groupId + "/calendar-feed", "{\"version\": " + feedVersion + "}");
        assertThat(feed.statusCode()).as(feed.body()).isEqualTo(201);
        String address = json(feed.body()).getString("address");
        assertThat(address).contains("/hearth/feeds/").endsWith(".ics");
        HttpResponse<String> calendar = HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(URI.create(address)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(calendar.statusCode()).isEqualTo(200);
        String compact = tuesday.plusWeeks(3).toString().replace("-", "");
        assertThat(calendar.body())
                .as("the series is the rule now in force; the earlier meetings are single events")
                .contains("DTSTART;TZID=" + ClinicTime.zone().getId() + ":" + compact + "T120000")
                .contains("RRULE:FREQ=WEEKLY;WKST=MO;COUNT=3;BYDAY=TU")
                .contains("UID:group-" + groupId + "-session-" + sessions.get(0).getJsonNumber("id") + "@hearth")
                .doesNotContain("Morning circle");
        assertThat(api.send(
                                "cora",
                                "POST",
                                "groups/" + groupId + "/calendar-feed",
                                "{\"version\": " + (feedVersion + 1) + "}")
                        .statusCode())
                .as("cora does not facilitate this group")
                .isEqualTo(403);
        assertThat(api.send(
                                "carlos",
                                "DELETE",
                                "groups/" + groupId + "/calendar-feed?version=" + (feedVersion + 1),
                                null)
                        .statusCode())
                .isEqualTo(204);
        assertThat(HttpClient.newHttpClient()
                        .send(HttpRequest.newBuilder(URI.create(address)).build(), HttpResponse.BodyHandlers.ofString())
                        .statusCode())
                .isEqualTo(404);
    }

    private String group(int capacity, String end) {
        return """
                {"name": "Parents' evening %s", "kind": "PARENTS", "language": "en", "programId": %d,
                 "roomId": %d, "capacity": %d, "openEnrollment": true, "facilitatorUsernames": ["carlos"],
                 "meetings": {"firstDate": "%s", "startTime": "18:00", "minutes": 90, %s}}
                """
                .formatted(suffix, programId, roomId, capacity, thursday, end);
    }

    private JsonObject enroll(long groupId, long memberId) throws Exception {
        HttpResponse<String> enrolled = api.send(
                "frida", "POST", "enrollments", "{\"groupId\": " + groupId + ", \"memberId\": " + memberId + "}");
        assertThat(enrolled.statusCode()).as(enrolled.body()).isEqualTo(200);
        return json(enrolled.body());
    }

    /** A family of one member, registered by the front desk; its id and the member's. */
    private long[] family(String name) throws Exception {
        long familyId = api.registerFamilyOfOne(programId, name + "-" + suffix);
        long memberId = Long.parseLong(database.query(
                        "select id from family_member where family_id = cast(? as bigint)", Long.toString(familyId))
                .get(0)
                .get(0));
        return new long[] {familyId, memberId};
    }
}
