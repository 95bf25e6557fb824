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

/** A member is never in two places at once, through the API: enrolling a member who is busy answers 409 naming them. */
@ExtendWith({HearthStack.class, ArquillianExtension.class})
@RunAsClient
class MemberClashApiIT {

    private final ApiClient api = new ApiClient();
    private final Sql database = Sql.testDatabase();
    private String suffix;
    private long programId;
    private long roomId;
    /** A Monday months ahead, apart from the other tests' groups and sessions of the same counselors. */
    private LocalDate monday;

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.hearth();
    }

    @BeforeEach
    void aProgramWhereCoraFacilitatesAndCarlosCounsels() {
        suffix = UUID.randomUUID().toString().substring(0, 8);
        String program = "Member clash API " + suffix;
        TestData data = new TestData(database);
        programId = data.program(program);
        data.realmStaff("frida", "Frida Moreno", "front-desk", program);
        data.realmStaff("carlos", "Carlos Rivera", "counselor", program);
        data.realmStaff("cora", "Cora Jensen", "counselor", program);
        database.update("insert into room (name, capacity) values (?, 12)", "Clash room " + suffix);
        roomId = Long.parseLong(database.query("select id from room where name = ?", "Clash room " + suffix)
                .get(0)
                .get(0));
        monday = LocalDate.now(ClinicTime.zone())
                .plusWeeks(40 + Math.abs(suffix.hashCode() % 200))
                .with(TemporalAdjusters.next(DayOfWeek.MONDAY));
    }

    @Test
    void enrollingAMemberWhoHasAFamilySessionDuringAMeetingAnswers409NamingTheMember() throws Exception {
        HttpResponse<String> defined = api.send(
                "frida",
                "POST",
                "groups",
                """
                {"name": "Afternoon circle %s", "kind": "SELF_CARE", "language": "en", "programId": %d,
                 "roomId": %d, "capacity": 8, "openEnrollment": true, "facilitatorUsernames": ["cora"],
                 "meetings": {"firstDate": "%s", "startTime": "14:00", "minutes": 60, "count": 2}}
                """
                        .formatted(suffix, programId, roomId, monday));
        assertThat(defined.statusCode()).as(defined.body()).isEqualTo(201);
        assertThat(json(defined.body()).getJsonArray("skipped")).isEmpty();
        long groupId =
                json(defined.body()).getJsonObject("group").getJsonNumber("id").longValue();
        long familyId = api.registerFamilyOfOne(programId, "Clash-" + suffix);
        long memberId = Long.parseLong(database.query(
                        "select id from family_member where family_id = cast(? as bigint)", Long.toString(familyId))
                .get(0)
                .get(0));
        LocalDate second = monday.plusWeeks(1);
        HttpResponse<String> booked = api.send(
                "frida",
                "POST",
                "appointments",
                """
                {"familyId": %d, "kind": "FAMILY_THERAPY", "memberIds": [%d], "counselorUsername": "carlos",
                 "roomId": null, "telehealth": true, "start": "%sT14:30", "minutes": 50}
                """
                        .formatted(familyId, memberId, second));
        assertThat(booked.statusCode()).as(booked.body()).isEqualTo(201);

        HttpResponse<String> enrolled = api.send(
                "frida", "POST", "enrollments", "{\"groupId\": " + groupId + ", \"memberId\": " + memberId + "}");

        assertThat(enrolled.statusCode()).as(enrolled.body()).isEqualTo(409);
        JsonObject clash = json(enrolled.body()).getJsonArray("errors").getJsonObject(0);
        assertThat(clash.getString("field")).isEqualTo("memberId");
        assertThat(clash.getString("message"))
                .isEqualTo("Rosa Clash-" + suffix + " has a family session on " + second + " from 14:30 to 15:20.");
        assertThat(database.query(
                        "select count(*) from group_enrollment where group_id = cast(? as bigint)",
                        Long.toString(groupId)))
                .isEqualTo(List.of(List.of("0")));
    }
}
