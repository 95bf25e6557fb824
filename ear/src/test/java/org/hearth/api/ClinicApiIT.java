package org.hearth.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hearth.testing.ApiClient.json;

import jakarta.json.JsonObject;
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

/**
 * The administrator keeps the clinic's calendar through the API: a closure refuses new bookings that day
 * and counts what was booked before it; opening hours are refused as a whole when one day is wrong; a room
 * out of use is no longer offered. Others are refused and audited.
 */
@ExtendWith({HearthStack.class, ArquillianExtension.class})
@RunAsClient
class ClinicApiIT {

    private final ApiClient api = new ApiClient();
    private final Sql database = Sql.testDatabase();
    private String suffix;
    private long programId;
    private long roomId;

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.hearth();
    }

    @BeforeEach
    void anAdministratorAndAProgramWhereCarlosCounsels() {
        suffix = UUID.randomUUID().toString().substring(0, 8);
        String program = "Clinic API " + suffix;
        TestData data = new TestData(database);
        programId = data.program(program);
        data.realmStaff("ada", "Ada Kowalski", "admin");
        data.realmStaff("frida", "Frida Moreno", "front-desk", program);
        data.realmStaff("sam", "Sam Okafor", "supervisor", program);
        data.realmStaff("carlos", "Carlos Rivera", "counselor", program);
        database.update("insert into room (name, capacity) values (?, 6)", "Clinic room " + suffix);
        roomId = Long.parseLong(database.query("select id from room where name = ?", "Clinic room " + suffix)
                .get(0)
                .get(0));
    }

    @Test
    void aClosureRefusesNewBookingsThatDayCountsTheOnesBeforeAndCanBeTakenBack() throws Exception {
        // a Monday far ahead, apart from other tests' days
        LocalDate monday = LocalDate.now(ClinicTime.zone())
                .plusWeeks(60 + Math.abs(suffix.hashCode() % 300))
                .with(TemporalAdjusters.next(DayOfWeek.MONDAY));
        long[] family = familyOfCarlos("Closure");
        HttpResponse<String> before = api.send("frida", "POST", "appointments", booking(family, monday, "10:00"));
        assertThat(before.statusCode()).as(before.body()).isEqualTo(201);

        HttpResponse<String> closed =
                api.send("ada", "POST", "clinic/closures", "{\"date\": \"" + monday + "\", \"reason\": \"Snow day\"}");
        assertThat(closed.statusCode()).as(closed.body()).isEqualTo(201);
        JsonObject added = json(closed.body());
        assertThat(added.getJsonNumber("sessionsThatDay").longValue())
                .as("the session booked before stays booked, and is counted")
                .isEqualTo(1);
        long closureId = added.getJsonObject("closure").getJsonNumber("id").longValue();
        long closureVersion =
                added.getJsonObject("closure").getJsonNumber("version").longValue();

        HttpResponse<String> refused = api.send("frida", "POST", "appointments", booking(family, monday, "14:00"));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(json(refused.body()).getJsonArray("errors").getJsonObject(0).getString("message"))
                .isEqualTo("The clinic is closed on " + monday + " (Snow day).");
        HttpResponse<String> twice =
                api.send("ada", "POST", "clinic/closures", "{\"date\": \"" + monday + "\", \"reason\": \"Again\"}");
        assertThat(twice.statusCode()).isEqualTo(400);
        assertThat(json(twice.body()).getJsonArray("errors").getJsonObject(0).getString("message"))
                .isEqualTo("The clinic is already closed on " + monday + " (Snow day).");
        HttpResponse<String> past =
                api.send("ada", "POST", "clinic/closures", "{\"date\": \"2020-01-06\", \"reason\": \"Too late\"}");
        assertThat(past.statusCode()).isEqualTo(400);
        HttpResponse<String> noReason =
                api.send("ada", "POST", "clinic/closures", "{\"date\": \"" + monday.plusDays(1) + "\"}");
        assertThat(noReason.statusCode()).isEqualTo(400);
        assertThat(json(noReason.body()).getJsonArray("errors").getJsonObject(0).getString("field"))
                .isEqualTo("reason");
        assertThat(database.query(
                        "select count(*) from clinic_closure where closed_on = cast(? as date)",
                        monday.plusDays(1).toString()))
                .isEqualTo(List.of(List.of("0")));

        assertThat(api.send(
                                "frida",
                                "POST",
                                "clinic/closures",
                                "{\"date\": \"" + monday.plusDays(2) + "\", \"reason\": \"Mine\"}")
                        .statusCode())
                .as("the front desk does not close the clinic")
                .isEqualTo(403);
        assertThat(database.query("select count(*) from audit_entry where outcome = 'DENIED' and username = 'frida'"
                        + " and reason like 'ClinicCalendar.addClosure%'"))
                .isNotEqualTo(List.of(List.of("0")));

        assertThat(api.send("ada", "DELETE", "clinic/closures/" + closureId + "?version=" + closureVersion, null)
                        .statusCode())
                .isEqualTo(204);
        assertThat(api.send("frida", "POST", "appointments", booking(family, monday, "14:00"))
                        .statusCode())
                .as("open again")
                .isEqualTo(201);
    }

    @Test
    void openingHoursAreSavedAsAWeekOrNotAtAllAndARoomOutOfUseIsNoLongerOffered() throws Exception {
        HttpResponse<String> hours = api.send("ada", "GET", "clinic/hours", null);
        assertThat(hours.statusCode()).isEqualTo(200);
        String original = hours.body();
        assertThat(json(original).getJsonArray("days")).hasSize(7);
        long version = json(original).getJsonNumber("version").longValue();
        try {
            HttpResponse<String> wrong = api.send(
                    "ada",
                    "PUT",
                    "clinic/hours",
                    """
                    {"days": [{"day": "MONDAY", "opensAt": "09:00", "closesAt": "17:00"},
                     {"day": "SATURDAY", "opensAt": "13:00", "closesAt": "09:00"},
                     {"day": "SUNDAY", "opensAt": "10:00"}], "version": %d}
                    """
                            .formatted(version));
            assertThat(wrong.statusCode()).as(wrong.body()).isEqualTo(400);
            assertThat(json(wrong.body()).getJsonArray("errors").getValuesAs(JsonObject.class).stream()
                            .map(e -> e.getString("message")))
                    .containsExactly(
                            "On Saturday, the clinic must close after it opens.",
                            "On Sunday, give both the opening and the closing time, or neither if the clinic is closed.");
            assertThat(api.send("ada", "GET", "clinic/hours", null).body())
                    .as("nothing saved")
                    .isEqualTo(original);

            HttpResponse<String> sunday = api.send(
                    "ada",
                    "PUT",
                    "clinic/hours",
                    """
                    {"days": [{"day": "MONDAY", "opensAt": "08:00", "closesAt": "20:00"},
                     {"day": "TUESDAY", "opensAt": "08:00", "closesAt": "20:00"},
                     {"day": "WEDNESDAY", "opensAt": "08:00", "closesAt": "20:00"},
                     {"day": "THURSDAY", "opensAt": "08:00", "closesAt": "20:00"},
                     {"day": "FRIDAY", "opensAt": "08:00", "closesAt": "18:00"},
                     {"day": "SATURDAY", "opensAt": "09:00", "closesAt": "13:00"},
                     {"day": "SUNDAY", "opensAt": "10:00", "closesAt": "14:00"}], "version": %d}
                    """
                            .formatted(version));
            assertThat(sunday.statusCode()).as(sunday.body()).isEqualTo(200);
            assertThat(json(sunday.body()).getJsonNumber("version").longValue())
                    .as("the week's version moves on")
                    .isEqualTo(version + 1);
            LocalDate aSunday = LocalDate.now(ClinicTime.zone())
                    .plusWeeks(70 + Math.abs(suffix.hashCode() % 300))
                    .with(TemporalAdjusters.next(DayOfWeek.SUNDAY));
            HttpResponse<String> onSunday =
                    api.send("frida", "POST", "appointments", booking(familyOfCarlos("Sunday"), aSunday, "11:00"));
            assertThat(onSunday.statusCode())
                    .as("open on Sundays now: " + onSunday.body())
                    .isEqualTo(201);
        } finally {
            database.update("delete from clinic_hours");
            database.update("insert into clinic_hours (day_of_week, opens_at, closes_at) values"
                    + " (1, '08:00', '20:00'), (2, '08:00', '20:00'), (3, '08:00', '20:00'), (4, '08:00', '20:00'),"
                    + " (5, '08:00', '18:00'), (6, '09:00', '13:00')");
        }

        HttpResponse<String> room =
                api.send("ada", "POST", "clinic/rooms", "{\"name\": \"Quiet room " + suffix + "\", \"capacity\": 4}");
        assertThat(room.statusCode()).as(room.body()).isEqualTo(201);
        long quietId = json(room.body()).getJsonNumber("id").longValue();
        long quietVersion = json(room.body()).getJsonNumber("version").longValue();
        HttpResponse<String> again =
                api.send("ada", "POST", "clinic/rooms", "{\"name\": \"quiet ROOM " + suffix + "\", \"capacity\": 4}");
        assertThat(again.statusCode()).isEqualTo(400);
        assertThat(api.send("frida", "GET", "appointments/rooms", null).body()).contains("Quiet room " + suffix);
        assertThat(api.send(
                                "ada",
                                "PUT",
                                "clinic/rooms/" + quietId + "/in-use",
                                "{\"inUse\": false, \"version\": " + quietVersion + "}")
                        .statusCode())
                .isEqualTo(200);
        assertThat(api.send("frida", "GET", "appointments/rooms", null).body()).doesNotContain("Quiet room " + suffix);
        assertThat(api.send("carlos", "GET", "clinic/rooms", null).statusCode()).isEqualTo(403);
    }

    private long[] familyOfCarlos(String name) throws Exception {
        long familyId = api.registerFamilyOfOne(programId, name + "-" + suffix);
        assertThat(api.send("sam", "PUT", "families/" + familyId + "/assignment", "{\"counselorUsername\": \"carlos\"}")
                        .statusCode())
                .isEqualTo(200);
        long memberId = Long.parseLong(database.query(
                        "select id from family_member where family_id = cast(? as bigint)", Long.toString(familyId))
                .get(0)
                .get(0));
        return new long[] {familyId, memberId};
    }

    private String booking(long[] family, LocalDate day, String time) {
        return """
                {"familyId": %d, "kind": "FAMILY_THERAPY", "memberIds": [%d], "counselorUsername": "carlos",
                 "roomId": %d, "telehealth": false, "start": "%sT%s", "minutes": 60}
                """
                .formatted(family[0], family[1], roomId, day, time);
    }
}
