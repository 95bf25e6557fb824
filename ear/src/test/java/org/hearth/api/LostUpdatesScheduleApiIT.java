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
import org.hearth.testing.Keycloak;
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
 * The lost-update sweep of the schedule's API (issue 23): for every call that changes an existing record of the
 * clinic's calendar, sessions, groups, their meetings, enrollments, attendance and feeds, two clients read the same
 * version, the first changes one thing, the second changes another from the version it read and gets 409 naming
 * the record, and reading the record again shows the first change kept (and the second not made).
 */
@ExtendWith({HearthStack.class, ArquillianExtension.class})
@RunAsClient
class LostUpdatesScheduleApiIT {

    private final ApiClient api = new ApiClient();
    private final Sql database = Sql.testDatabase();
    private String suffix;
    private long programId;
    private long roomId;
    private long otherRoomId;
    /** A Thursday far ahead, apart from other tests' days: open 08:00-20:00. */
    private LocalDate thursday;

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.hearth();
    }

    @BeforeEach
    void twoAdministratorsTwoFrontDeskStaffTwoCounselorsAndTwoRooms() {
        suffix = UUID.randomUUID().toString().substring(0, 8);
        String program = "Lost updates " + suffix;
        TestData data = new TestData(database);
        programId = data.program(program);
        Keycloak.ensureUser("alba", "Alba", "Ruiz", "admin");
        Keycloak.ensureUser("fiona", "Fiona", "Lake", "front-desk");
        data.realmStaff("ada", "Ada Kowalski", "admin");
        data.realmStaff("alba", "Alba Ruiz", "admin");
        data.realmStaff("frida", "Frida Moreno", "front-desk", program);
        data.realmStaff("fiona", "Fiona Lake", "front-desk", program);
        data.realmStaff("sam", "Sam Okafor", "supervisor", program);
        data.realmStaff("carlos", "Carlos Rivera", "counselor", program);
        data.realmStaff("cora", "Cora Jensen", "counselor", program);
        roomId = room("Sweep room " + suffix);
        otherRoomId = room("Sweep annex " + suffix);
        thursday = LocalDate.now(ClinicTime.zone())
                .plusWeeks(40 + Math.abs(suffix.hashCode() % 250))
                .with(TemporalAdjusters.next(DayOfWeek.THURSDAY));
    }

    @Test
    void theClinicsHoursClosuresAndRoomsKeepTheFirstChange() throws Exception {
        // hours: Ada opens on Sundays; Alba, from the same week, shortens Mondays
        JsonObject week = json(get("ada", "clinic/hours"));
        long version = week.getJsonNumber("version").longValue();
        try {
            assertThat(put("ada", "clinic/hours", hours(version, "10:00", "14:00", "08:00")))
                    .isEqualTo(200);
            stale(send("alba", "PUT", "clinic/hours", hours(version, null, null, "09:00")), "clinic's hours");
            JsonObject now = json(get("alba", "clinic/hours"));
            assertThat(now.getJsonNumber("version").longValue()).isEqualTo(version + 1);
            assertThat(day(now, "SUNDAY").getString("opensAt"))
                    .as("Ada's Sunday")
                    .startsWith("10:00");
            assertThat(day(now, "MONDAY").getString("opensAt"))
                    .as("not Alba's Monday")
                    .startsWith("08:00");
        } finally {
            database.update("delete from clinic_hours");
            database.update("insert into clinic_hours (day_of_week, opens_at, closes_at) values"
                    + " (1, '08:00', '20:00'), (2, '08:00', '20:00'), (3, '08:00', '20:00'), (4, '08:00', '20:00'),"
                    + " (5, '08:00', '18:00'), (6, '09:00', '13:00')");
        }

        // a closure is never edited, only removed: from a version it never had it stays; once removed it is gone
        HttpResponse<String> added =
                send("ada", "POST", "clinic/closures", "{\"date\": \"" + thursday + "\", \"reason\": \"Training\"}");
        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
        JsonObject closure = json(added.body()).getJsonObject("closure");
        String closurePath = "clinic/closures/" + closure.getJsonNumber("id");
        long closureVersion = closure.getJsonNumber("version").longValue();
        stale(send("alba", "DELETE", closurePath + "?version=" + (closureVersion + 1), null), "closure");
        stale(send("alba", "DELETE", closurePath, null), "closure");
        assertThat(get("ada", "clinic/closures?from=" + thursday)).contains("Training");
        assertThat(send("ada", "DELETE", closurePath + "?version=" + closureVersion, null)
                        .statusCode())
                .isEqualTo(204);
        assertThat(get("alba", "clinic/closures?from=" + thursday)).doesNotContain("Training");

        // a room: Ada takes it out of use; Alba, from the same version, renames nothing but puts it back in use
        long roomVersion = roomOf(get("alba", "clinic/rooms"), roomId)
                .getJsonNumber("version")
                .longValue();
        assertThat(put(
                        "ada",
                        "clinic/rooms/" + roomId + "/in-use",
                        "{\"inUse\": false, \"version\": " + roomVersion + "}"))
                .isEqualTo(200);
        stale(
                send(
                        "alba",
                        "PUT",
                        "clinic/rooms/" + roomId + "/in-use",
                        "{\"inUse\": true, \"version\": " + roomVersion + "}"),
                "room");
        assertThat(roomOf(get("alba", "clinic/rooms"), roomId).getBoolean("active"))
                .as("Ada's change stays")
                .isFalse();
    }

    @Test
    void everyChangeOfASessionFromAnOlderVersionIsRefusedAndTheMoveMadeMeanwhileStays() throws Exception {
        long[] family = familyOfCarlos("Session");
        HttpResponse<String> booked = send("frida", "POST", "appointments", booking(family, thursday, "10:00"));
        assertThat(booked.statusCode()).as(booked.body()).isEqualTo(201);
        String path = "appointments/" + json(booked.body()).getJsonNumber("id");

        // each change Fiona can make, from the version she read before Frida moved the session an hour on
        List<String[]> seconds = List.of(
                new String[] {"PUT", "", move(otherRoomId, "10:00")},
                new String[] {
                    "POST", "/cancellation", "{\"byFamily\": true, \"reason\": \"Called in\", \"version\": %d}"
                },
                new String[] {"POST", "/check-in", "{\"version\": %d}"},
                new String[] {"POST", "/completion", "{\"version\": %d}"},
                new String[] {"POST", "/no-show", "{\"version\": %d}"});
        int hour = 11;
        for (String[] second : seconds) {
            long read = version(get("fiona", path));
            String time = hour + ":00";
            assertThat(put("frida", path, move(roomId, time).formatted(read))).isEqualTo(200);
            stale(send("fiona", second[0], path + second[1], second[2].formatted(read)), "session");
            JsonObject now = json(get("frida", path));
            assertThat(now.getString("startTime"))
                    .as("Frida's move, after Fiona's " + second[1])
                    .isEqualTo(time);
            assertThat(now.getString("status")).isEqualTo("SCHEDULED");
            assertThat(now.getJsonNumber("roomId").longValue()).isEqualTo(roomId);
            hour++;
        }
        stale(send("fiona", "POST", path + "/check-in", "{}"), "session");
    }

    @Test
    void everyChangeOfAGroupItsMeetingsItsFeedItsSeatsAndItsMarksFromAnOlderVersionIsRefused() throws Exception {
        HttpResponse<String> defined = send("frida", "POST", "groups", group("Sweep group", 2, 5));
        assertThat(defined.statusCode()).as(defined.body()).isEqualTo(201);
        long groupId =
                json(defined.body()).getJsonObject("group").getJsonNumber("id").longValue();
        String sessionsPath = "groups/" + groupId + "/sessions";

        // one meeting: Frida moves it; Fiona's move to another room, substitute and cancellation are refused
        long meetingId =
                sessionOf(get("fiona", sessionsPath), 1).getJsonNumber("id").longValue();
        String meeting = "group-sessions/" + meetingId;
        List<String[]> seconds = List.of(
                new String[] {
                    "PUT",
                    "",
                    "{\"start\": \"" + thursday.plusWeeks(1) + "T18:00\", \"roomId\": " + otherRoomId
                            + ", \"version\": %d}"
                },
                new String[] {"PUT", "/substitute", "{\"counselorUsername\": \"cora\", \"version\": %d}"},
                new String[] {"POST", "/cancellation", "{\"reason\": \"Facilitator ill\", \"version\": %d}"});
        int hour = 12;
        for (String[] second : seconds) {
            long read = version(meetingOf(get("fiona", sessionsPath), meetingId));
            String time = hour + ":00";
            assertThat(put(
                            "frida",
                            meeting,
                            "{\"start\": \"" + thursday.plusWeeks(1) + "T" + time + "\", \"version\": " + read + "}"))
                    .isEqualTo(200);
            stale(send("fiona", second[0], meeting + second[1], second[2].formatted(read)), "group meeting");
            JsonObject now = meetingOf(get("frida", sessionsPath), meetingId);
            assertThat(now.getString("startTime"))
                    .as("Frida's move, after Fiona's " + second[1])
                    .isEqualTo(time);
            assertThat(now.getString("status")).isEqualTo("SCHEDULED");
            assertThat(now.getJsonNumber("roomId").longValue()).isEqualTo(roomId);
            assertThat(absent(now, "substituteUsername")).as("no substitute").isTrue();
            hour++;
        }

        // the rule: Frida moves the last meetings to 17:00; Fiona, from the same version, to 19:00
        long groupVersion = version(get("fiona", "groups/" + groupId));
        assertThat(put("frida", "groups/" + groupId + "/meetings", rule(thursday.plusWeeks(3), "17:00", groupVersion)))
                .isEqualTo(200);
        stale(
                send(
                        "fiona",
                        "PUT",
                        "groups/" + groupId + "/meetings",
                        rule(thursday.plusWeeks(3), "19:00", groupVersion)),
                "group");
        assertThat(sessionOf(get("fiona", sessionsPath), 4).getString("startTime"))
                .isEqualTo("17:00");

        // the feed: Carlos makes its address; Frida, from the same page, would have revoked it
        long feedVersion = version(get("frida", "groups/" + groupId + "/calendar-feed"));
        HttpResponse<String> made =
                send("carlos", "POST", "groups/" + groupId + "/calendar-feed", "{\"version\": " + feedVersion + "}");
        assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
        String address = json(made.body()).getString("address");
        stale(
                send("frida", "POST", "groups/" + groupId + "/calendar-feed", "{\"version\": " + feedVersion + "}"),
                "calendar feed");
        stale(
                send("frida", "DELETE", "groups/" + groupId + "/calendar-feed?version=" + feedVersion, null),
                "calendar feed");
        assertThat(fetch(address)).as("Carlos's address still works").isEqualTo(200);
        assertThat(absent(json(get("frida", "groups/" + groupId + "/calendar-feed")), "liveSince"))
                .as("the feed is live")
                .isFalse();

        // seats: Ana and Ben hold the two seats, Cy waits; Frida lets Ana go, Fiona's same change is refused,
        // and taking the seat offered to Cy from the version before the offer too
        long ana = enroll(groupId, family("Ana")[1]);
        long ben = enroll(groupId, family("Ben")[1]);
        long cy = enroll(groupId, family("Cy")[1]);
        String enrollments = get("fiona", "groups/" + groupId + "/enrollments");
        String anasPlace = "enrollments/" + enrollmentOf(enrollments, ana).getJsonNumber("id");
        String cysPlace = "enrollments/" + enrollmentOf(enrollments, cy).getJsonNumber("id");
        long anaVersion = version(enrollmentOf(enrollments, ana));
        long cyVersion = version(enrollmentOf(enrollments, cy));
        assertThat(send("frida", "DELETE", anasPlace + "?version=" + anaVersion, null)
                        .statusCode())
                .isEqualTo(200);
        stale(send("fiona", "DELETE", anasPlace + "?version=" + anaVersion, null), "enrollment");
        stale(send("fiona", "POST", cysPlace + "/acceptance", "{\"version\": " + cyVersion + "}"), "enrollment");
        String afterwards = get("frida", "groups/" + groupId + "/enrollments");
        assertThat(enrollmentOf(afterwards, ana).getString("status")).isEqualTo("LEFT");
        assertThat(enrollmentOf(afterwards, cy).getString("status"))
                .as("still only offered")
                .isEqualTo("OFFERED");
        assertThat(send(
                                "fiona",
                                "POST",
                                cysPlace + "/acceptance",
                                "{\"version\": " + version(enrollmentOf(afterwards, cy)) + "}")
                        .statusCode())
                .as("from the version after the offer")
                .isEqualTo(200);

        // marks: Carlos marks Ben, the front desk marks Cy from the same roster
        long firstMeeting =
                sessionOf(get("frida", sessionsPath), 0).getJsonNumber("id").longValue();
        database.update(
                "update group_session set starts_at = now() - interval '10 minutes',"
                        + " ends_at = now() + interval '80 minutes' where id = cast(? as bigint)",
                Long.toString(firstMeeting));
        String attendance = "group-sessions/" + firstMeeting + "/attendance";
        long marksVersion = version(get("frida", attendance));
        assertThat(put("carlos", attendance, marks(ben, "PRESENT", marksVersion)))
                .isEqualTo(200);
        stale(send("frida", "PUT", attendance, marks(cy, "LATE", marksVersion)), "attendance");
        JsonObject roster = json(get("frida", attendance));
        assertThat(roster.getJsonArray("entries").getValuesAs(JsonObject.class).stream()
                        .map(e -> e.getString("memberName") + " " + (absent(e, "mark") ? "-" : e.getString("mark"))))
                .containsExactlyInAnyOrder("Rosa Ben-" + suffix + " PRESENT", "Rosa Cy-" + suffix + " -");
        stale(send("frida", "PUT", attendance, "{\"marks\": []}"), "attendance");
    }

    /** The answer is the 409 naming the record, as a person would. */
    private static void stale(HttpResponse<String> answer, String record) {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(409);
        assertThat(json(answer.body()).getString("detail"))
                .isEqualTo("Someone else changed this " + record + " meanwhile: load it again and repeat your change.");
    }

    private HttpResponse<String> send(String user, String method, String path, String body) throws Exception {
        return api.send(user, method, path, body);
    }

    private String get(String user, String path) throws Exception {
        HttpResponse<String> answer = api.send(user, "GET", path, null);
        assertThat(answer.statusCode()).as(path + ": " + answer.body()).isEqualTo(200);
        return answer.body();
    }

    private int put(String user, String path, String body) throws Exception {
        HttpResponse<String> answer = api.send(user, "PUT", path, body);
        assertThat(answer.statusCode()).as(path + ": " + answer.body()).isLessThan(300);
        return answer.statusCode();
    }

    /** A null field: JSON-B leaves it out of the answer. */
    private static boolean absent(JsonObject object, String field) {
        return !object.containsKey(field) || object.isNull(field);
    }

    private static long version(String body) {
        return version(json(body));
    }

    private static long version(JsonObject record) {
        return record.getJsonNumber("version").longValue();
    }

    /** The week with Sunday open (or closed when null) and Monday opening at {@code mondayOpens}. */
    private static String hours(long version, String sundayOpens, String sundayCloses, String mondayOpens) {
        String sunday = sundayOpens == null
                ? "{\"day\": \"SUNDAY\"}"
                : "{\"day\": \"SUNDAY\", \"opensAt\": \"" + sundayOpens + "\", \"closesAt\": \"" + sundayCloses + "\"}";
        return """
                {"days": [{"day": "MONDAY", "opensAt": "%s", "closesAt": "20:00"},
                 {"day": "TUESDAY", "opensAt": "08:00", "closesAt": "20:00"},
                 {"day": "WEDNESDAY", "opensAt": "08:00", "closesAt": "20:00"},
                 {"day": "THURSDAY", "opensAt": "08:00", "closesAt": "20:00"},
                 {"day": "FRIDAY", "opensAt": "08:00", "closesAt": "18:00"},
                 {"day": "SATURDAY", "opensAt": "09:00", "closesAt": "13:00"}, %s], "version": %d}
                """
                .formatted(mondayOpens, sunday, version);
    }

    private static JsonObject day(JsonObject week, String day) {
        return week.getJsonArray("days").getValuesAs(JsonObject.class).stream()
                .filter(d -> d.getString("day").equals(day))
                .findFirst()
                .orElseThrow();
    }

    private static JsonObject roomOf(String rooms, long id) {
        return jsonArray(rooms).getValuesAs(JsonObject.class).stream()
                .filter(r -> r.getJsonNumber("id").longValue() == id)
                .findFirst()
                .orElseThrow();
    }

    /** A move to {@code time} on the Thursday, in {@code room}, from the version formatted in later. */
    private String move(long room, String time) {
        return "{\"start\": \"" + thursday + "T" + time + "\", \"minutes\": 60, \"roomId\": " + room
                + ", \"telehealth\": false, \"version\": %d}";
    }

    private String booking(long[] family, LocalDate day, String time) {
        return """
                {"familyId": %d, "kind": "FAMILY_THERAPY", "memberIds": [%d], "counselorUsername": "carlos",
                 "roomId": %d, "telehealth": false, "start": "%sT%s", "minutes": 60}
                """
                .formatted(family[0], family[1], roomId, day, time);
    }

    private String group(String name, int capacity, int count) {
        return """
                {"name": "%s %s", "kind": "PARENTS", "language": "en", "programId": %d,
                 "roomId": %d, "capacity": %d, "openEnrollment": true, "facilitatorUsernames": ["carlos"],
                 "meetings": {"firstDate": "%s", "startTime": "18:00", "minutes": 60, "count": %d}}
                """
                .formatted(name, suffix, programId, roomId, capacity, thursday, count);
    }

    private static String rule(LocalDate from, String time, long version) {
        return """
                {"meetings": {"firstDate": "%s", "startTime": "%s", "minutes": 60, "count": 2}, "version": %d}
                """
                .formatted(from, time, version);
    }

    private static String marks(long enrollmentMember, String mark, long version) {
        return "{\"marks\": [{\"memberId\": " + enrollmentMember + ", \"mark\": \"" + mark + "\"}], \"version\": "
                + version + "}";
    }

    private static JsonObject sessionOf(String sessions, int index) {
        return jsonArray(sessions).getJsonObject(index);
    }

    private static JsonObject meetingOf(String sessions, long id) {
        return jsonArray(sessions).getValuesAs(JsonObject.class).stream()
                .filter(s -> s.getJsonNumber("id").longValue() == id)
                .findFirst()
                .orElseThrow();
    }

    private static JsonObject enrollmentOf(String enrollments, long memberId) {
        return jsonArray(enrollments).getValuesAs(JsonObject.class).stream()
                .filter(e -> e.getJsonNumber("memberId").longValue() == memberId)
                .findFirst()
                .orElseThrow();
    }

    /** Enrolls the member as the front desk; the member's id. */
    private long enroll(long groupId, long memberId) throws Exception {
        HttpResponse<String> enrolled =
                send("frida", "POST", "enrollments", "{\"groupId\": " + groupId + ", \"memberId\": " + memberId + "}");
        assertThat(enrolled.statusCode()).as(enrolled.body()).isEqualTo(200);
        return memberId;
    }

    private static int fetch(String address) throws Exception {
        return HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(URI.create(address)).build(), HttpResponse.BodyHandlers.ofString())
                .statusCode();
    }

    private long[] familyOfCarlos(String name) throws Exception {
        long[] family = family(name);
        assertThat(send("sam", "PUT", "families/" + family[0] + "/assignment", "{\"counselorUsername\": \"carlos\"}")
                        .statusCode())
                .isEqualTo(200);
        return family;
    }

    /** A family of one member ("Rosa " + name), registered by the front desk; its id and the member's. */
    private long[] family(String name) throws Exception {
        long familyId = api.registerFamilyOfOne(programId, name + "-" + suffix);
        long memberId = Long.parseLong(database.query(
                        "select id from family_member where family_id = cast(? as bigint)", Long.toString(familyId))
                .get(0)
                .get(0));
        return new long[] {familyId, memberId};
    }

    private long room(String name) {
        database.update("insert into room (name, capacity) values (?, 12)", name);
        return Long.parseLong(database.query("select id from room where name = ?", name)
                .get(0)
                .get(0));
    }
}
