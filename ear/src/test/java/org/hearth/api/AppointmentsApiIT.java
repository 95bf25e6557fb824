package org.hearth.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hearth.testing.ApiClient.json;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
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

/** Family sessions through the API with real tokens: booking, clashes named in 409, racing bookings, refusals. */
@ExtendWith({HearthStack.class, ArquillianExtension.class})
@RunAsClient
class AppointmentsApiIT {

    private final ApiClient api = new ApiClient();
    private final Sql database = Sql.testDatabase();
    private long programId;
    private String suffix;
    private long roomId;
    /** A Wednesday at least two weeks ahead: open 08:00-20:00. */
    private final LocalDate wednesday =
            LocalDate.now(ClinicTime.zone()).plusWeeks(2).with(TemporalAdjusters.next(DayOfWeek.WEDNESDAY));

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.hearth();
    }

    @BeforeEach
    void aProgramWhereCarlosAndCoraCounsel() {
        suffix = UUID.randomUUID().toString().substring(0, 8);
        String program = "Appointments API " + suffix;
        TestData data = new TestData(database);
        programId = data.program(program);
        data.realmStaff("sam", "Sam Okafor", "supervisor", program);
        data.realmStaff("carlos", "Carlos Rivera", "counselor", program);
        data.realmStaff("cora", "Cora Jensen", "counselor", program);
        database.update("insert into room (name, capacity) values (?, 6)", "API room " + suffix);
        roomId = Long.parseLong(database.query("select id from room where name = ?", "API room " + suffix)
                .get(0)
                .get(0));
    }

    @Test
    void manyBookingsRacingForTheCounselorsSameHourBookItOnceAndTheOthersAreToldWhy() throws Exception {
        List<long[]> families = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            families.add(familyOfCarlos("Race" + i));
        }
        String frontDesk = Keycloak.accessTokenOf("frida");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<HttpResponse<String>>> answers = new ArrayList<>();
        for (long[] family : families) {
            Callable<HttpResponse<String>> booking = () -> api.sendWithToken(
                    frontDesk, "POST", "appointments", booking(family[0], family[1], "carlos", null, "13:00", 60));
            answers.add(pool.submit(booking));
        }
        List<HttpResponse<String>> responses = new ArrayList<>();
        for (Future<HttpResponse<String>> answer : answers) {
            responses.add(answer.get());
        }
        pool.shutdown();

        Map<Integer, Long> byStatus =
                responses.stream().collect(Collectors.groupingBy(HttpResponse::statusCode, Collectors.counting()));
        assertThat(byStatus).isEqualTo(Map.of(201, 1L, 409, 7L));
        HttpResponse<String> refused = responses.stream()
                .filter(r -> r.statusCode() == 409)
                .findFirst()
                .orElseThrow();
        JsonObject clash = json(refused.body()).getJsonArray("errors").getJsonObject(0);
        assertThat(clash.getString("field")).isEqualTo("counselorUsername");
        assertThat(clash.getString("message"))
                .isEqualTo("Carlos Rivera already has a session on " + wednesday + " from 13:00 to 14:00.");
        assertThat(database.query(
                        "select count(*) from appointment a join staff_member s on s.id = a.counselor_id"
                                + " where s.username = 'carlos' and a.starts_at >= cast(? as date)"
                                + " and a.starts_at < cast(? as date) + 1",
                        wednesday.toString(),
                        wednesday.toString()))
                .isEqualTo(List.of(List.of("1")));
    }

    @Test
    void aBookingReadsBackWithLocalTimesAndRefusalsAnswer400Or403() throws Exception {
        long[] family = familyOfCarlos("Ndlovu");

        HttpResponse<String> booked =
                api.send("frida", "POST", "appointments", booking(family[0], family[1], "carlos", roomId, "09:30", 50));
        assertThat(booked.statusCode()).as(booked.body()).isEqualTo(201);
        JsonObject session = json(booked.body());
        assertThat(session.getString("startTime")).isEqualTo("09:30");
        assertThat(session.getString("endTime")).isEqualTo("10:20");
        assertThat(session.getString("roomName")).isEqualTo("API room " + suffix);
        long id = session.getJsonNumber("id").longValue();
        assertThat(booked.headers().firstValue("Location"))
                .hasValue(HearthStack.appUrl() + "api/v1/appointments/" + id);

        HttpResponse<String> evening =
                api.send("frida", "POST", "appointments", booking(family[0], family[1], "carlos", roomId, "19:45", 30));
        assertThat(evening.statusCode()).isEqualTo(400);
        assertThat(json(evening.body()).getJsonArray("errors").getJsonObject(0).getString("message"))
                .isEqualTo("On " + wednesday + " the clinic is open from 08:00 to 20:00;"
                        + " the session must start and end within those hours.");

        assertThat(api.send("cora", "GET", "appointments/" + id, null).statusCode())
                .as("another counselor")
                .isEqualTo(403);
        assertThat(api.send("carlos", "GET", "appointments/" + id, null).statusCode())
                .isEqualTo(200);
        assertThat(api.send("sam", "POST", "appointments", booking(family[0], family[1], "carlos", roomId, "11:00", 50))
                        .statusCode())
                .as("supervisors read, they do not book")
                .isEqualTo(403);
        HttpResponse<String> day = api.send("carlos", "GET", "appointments?from=" + wednesday, null);
        assertThat(day.statusCode()).isEqualTo(200);
        assertThat(ApiClient.jsonArray(day.body()).getValuesAs(JsonObject.class).stream()
                        .map(o -> o.getJsonNumber("id").longValue()))
                .contains(id);
        assertThat(api.send("frida", "GET", "appointments?from=tomorrow", null).statusCode())
                .isEqualTo(400);
        HttpResponse<String> cancelled = api.send(
                "frida",
                "POST",
                "appointments/" + id + "/cancellation",
                "{\"byFamily\": true, \"reason\": \"\", \"version\": 0}");
        assertThat(cancelled.statusCode()).isEqualTo(400);
        assertThat(json(cancelled.body())
                        .getJsonArray("errors")
                        .getJsonObject(0)
                        .getString("field"))
                .isEqualTo("reason");
    }

    /** Registers a family with one member and gives it to Carlos; returns its id and the member's id. */
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

    private String booking(long familyId, long memberId, String counselor, Long room, String time, int minutes) {
        return """
                {"familyId": %d, "kind": "FAMILY_THERAPY", "memberIds": [%d], "counselorUsername": "%s",
                 "roomId": %s, "telehealth": %s, "start": "%sT%s", "minutes": %d}
                """
                .formatted(familyId, memberId, counselor, room, room == null, wednesday, time, minutes);
    }
}
