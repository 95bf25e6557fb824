package org.hearth.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hearth.testing.ApiClient.json;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hearth.time.ClinicTime;

/**
 * Another program's records, made as its own staff would make them (Bella its counselor, Bert its supervisor,
 * through the API where the API makes them), for the sweeps that send their ids to callers who may not touch
 * them: a family of two members, a held session with its draft note, an episode with an event, a consent, a
 * group with its sessions and an enrollment. {@link #secrets} is what must never reach such a caller: the program's
 * name (a report of it), the family's name and case number, its members, the loved one, texts and the group's name.
 *
 * @param ids the records' ids by kind
 * @param secrets names, case number and texts of the records
 */
public record ForeignRecords(Map<Kind, String> ids, List<String> secrets) {

    /** The kinds of record whose ids the API and the pages take. */
    public enum Kind {
        FAMILY,
        MEMBER,
        APPOINTMENT,
        NOTE,
        GROUP_NOTE,
        EPISODE,
        EVENT,
        /** A referral to treatment (issue 24). */
        REFERRAL,
        /** A provider on an episode's ready plan's shortlist (issue 24). */
        PLAN_ENTRY,
        CONSENT,
        /** A family's boundary (issue 25). */
        BOUNDARY,
        /** A boundary's review in a session note (issue 25). */
        BOUNDARY_REVIEW,
        /** A family member's PHQ-9 or GAD-7 (issue 25, wellbeing). */
        MEASURE,
        /** A safety flag raised after intake, not lowered yet (issue 25). */
        RAISE,
        GROUP,
        GROUP_SESSION,
        ENROLLMENT,
        PROGRAM,
        COUNSELOR,
        /** A staff record: only the administrator manages them. */
        STAFF,
        /** Rooms and closures belong to the whole clinic: nobody's foreign record. */
        CLINIC
    }

    /** Ids of no record, one per kind. */
    public static Map<Kind, String> missing(Sql database, String suffix) {
        Map<Kind, String> missing = new LinkedHashMap<>();
        missing.put(Kind.FAMILY, unusedId(database, "family"));
        missing.put(Kind.MEMBER, unusedId(database, "family_member"));
        missing.put(Kind.APPOINTMENT, unusedId(database, "appointment"));
        missing.put(Kind.NOTE, unusedId(database, "session_note"));
        missing.put(Kind.GROUP_NOTE, unusedId(database, "group_note"));
        missing.put(Kind.EPISODE, unusedId(database, "engagement_episode"));
        missing.put(Kind.EVENT, unusedId(database, "episode_event"));
        missing.put(Kind.REFERRAL, unusedId(database, "referral"));
        missing.put(Kind.PLAN_ENTRY, unusedId(database, "plan_provider"));
        missing.put(Kind.CONSENT, unusedId(database, "consent"));
        missing.put(Kind.BOUNDARY, unusedId(database, "boundary"));
        missing.put(Kind.BOUNDARY_REVIEW, unusedId(database, "boundary_review"));
        missing.put(Kind.MEASURE, unusedId(database, "wellbeing_measure"));
        missing.put(Kind.RAISE, unusedId(database, "safety_flag_raise"));
        missing.put(Kind.GROUP, unusedId(database, "support_group"));
        missing.put(Kind.GROUP_SESSION, unusedId(database, "group_session"));
        missing.put(Kind.ENROLLMENT, unusedId(database, "group_enrollment"));
        missing.put(Kind.PROGRAM, unusedId(database, "program"));
        missing.put(Kind.COUNSELOR, "nobody-" + suffix);
        missing.put(Kind.STAFF, unusedId(database, "staff_member"));
        missing.put(Kind.CLINIC, unusedId(database, "room"));
        return missing;
    }

    /**
     * Two programs: the callers' own, where Frida (front desk, who works in both), Carlos (counselor) and Sam
     * (supervisor) work, and Ada the administrator; and another, whose records this makes.
     */
    public static ForeignRecords inAnotherProgram(ApiClient api, Sql database, String suffix) throws Exception {
        TestData data = new TestData(database);
        String home = "Home program " + suffix;
        String away = "Away program " + suffix;
        data.program(home);
        long awayId = data.program(away);
        data.realmStaff("frida", "Frida Moreno", "front-desk", home, away);
        data.realmStaff("carlos", "Carlos Rivera", "counselor", home);
        data.realmStaff("sam", "Sam Okafor", "supervisor", home);
        data.realmStaff("ada", "Ada Kowalski", "admin");
        Keycloak.ensureUser("bella", "Bella", "Aranda", "counselor");
        Keycloak.ensureUser("bert", "Bert", "Lindqvist", "supervisor");
        data.realmStaff("bella", "Bella Aranda", "counselor", away);
        data.realmStaff("bert", "Bert Lindqvist", "supervisor", away);
        return make(api, database, awayId, suffix);
    }

    /**
     * Makes the records in the program with the given id, whose staff are the realm users {@code bella}
     * (counselor) and {@code bert} (supervisor); {@code frida}, the front desk, registers and enrolls.
     */
    private static ForeignRecords make(ApiClient api, Sql database, long programId, String suffix) throws Exception {
        String familyName = "Quintanilla" + suffix;
        HttpResponse<String> registered = api.send(
                "frida",
                "POST",
                "families",
                """
                {"familyName": "%s", "programId": %d, "preferredLanguage": "en", "referralSource": "SELF",
                 "members": [{"fullName": "Marisol %s", "ageYears": 50, "relationship": "PARENT", "phone": "555 014 %s",
                              "safeToLeaveMessage": true, "safeToMail": true, "participates": true},
                             {"fullName": "Teodoro %s", "ageYears": 52, "relationship": "PARENT",
                              "safeToLeaveMessage": true, "safeToMail": true, "participates": true}]}
                """
                        .formatted(
                                familyName,
                                programId,
                                familyName,
                                String.format("%04d", Math.floorMod(suffix.hashCode(), 10_000)),
                                familyName));
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        JsonObject family = json(registered.body());
        String familyId = Long.toString(family.getJsonNumber("id").longValue());
        String caseNumber = family.getString("caseNumber");
        assertThat(api.send("bert", "PUT", "families/" + familyId + "/assignment", "{\"counselorUsername\": \"bella\"}")
                        .statusCode())
                .isEqualTo(200);
        String member =
                first(database, "select min(id) from family_member where family_id = cast(? as bigint)", familyId);

        // a session held yesterday, with its draft note
        database.update(
                "insert into appointment (family_id, kind, counselor_id, telehealth, starts_at, ends_at, status,"
                        + " booked_by, booked_at) select cast(? as bigint), 'FAMILY_THERAPY', s.id, true,"
                        + " now() - interval '26 hours', now() - interval '25 hours', 'COMPLETED', 'frida', now()"
                        + " from staff_member s where s.username = 'bella'",
                familyId);
        String appointment =
                first(database, "select max(id) from appointment where family_id = cast(? as bigint)", familyId);
        database.update(
                "insert into appointment_member (appointment_id, family_member_id) values (cast(? as bigint),"
                        + " cast(? as bigint))",
                appointment,
                member);
        HttpResponse<String> opened = api.send("bella", "POST", "notes", "{\"appointmentId\": " + appointment + "}");
        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(200);
        JsonObject draft = json(opened.body());
        String note = Long.toString(draft.getJsonNumber("id").longValue());
        String noteText = "Marisol spoke of the overdose in March " + suffix;
        HttpResponse<String> written = api.send(
                "bella",
                "PUT",
                "notes/" + note,
                "{\"content\": {\"data\": \"" + noteText + "\"}, \"version\": "
                        + draft.getJsonNumber("version").longValue() + "}");
        assertThat(written.statusCode()).as(written.body()).isEqualTo(200);

        // a boundary of the family, reviewed as broken in the draft note (issue 25)
        HttpResponse<String> boundary = api.send(
                "bella",
                "POST",
                "families/" + familyId + "/boundaries",
                "{\"kind\": \"NO_MONEY_GIVEN\", \"wording\": \"No cash for Rafa\", \"consequence\": \"A meal instead\","
                        + " \"holderIds\": [" + member + "], \"agreedOn\": \""
                        + LocalDate.now(ClinicTime.zone()).minusDays(10) + "\"}");
        assertThat(boundary.statusCode()).as(boundary.body()).isEqualTo(201);
        String boundaryId =
                Long.toString(json(boundary.body()).getJsonNumber("id").longValue());
        HttpResponse<String> reviewed = api.send(
                "bella",
                "POST",
                "notes/" + note + "/boundary-reviews",
                "{\"boundaryId\": " + boundaryId + ", \"outcome\": \"BROKEN\", \"whatHappened\": \"Marisol gave $20\","
                        + " \"version\": "
                        + json(boundary.body()).getJsonNumber("version").longValue() + "}");
        assertThat(reviewed.statusCode()).as(reviewed.body()).isEqualTo(201);
        String boundaryReview =
                Long.toString(json(reviewed.body()).getJsonNumber("id").longValue());

        // an intake, a loved one and their episode, with one event
        String episode = new TestData(database)
                .episode(Long.parseLong(familyId))
                .by("bella")
                .lovedOne("Rafa", "SON_OR_DAUGHTER")
                .insert();
        LocalDate today = LocalDate.now(ClinicTime.zone());
        HttpResponse<String> event = api.send(
                "bella",
                "POST",
                "episodes/" + episode + "/events",
                """
                {"kind": "TREATMENT_OFFERED", "on": "%s", "offeredBy": "COUNSELOR", "response": "REFUSED",
                 "refusalReasons": ["FINANCIAL_OR_INSURANCE"], "note": "Refused again %s"}
                """
                        .formatted(today, suffix));
        assertThat(event.statusCode()).as(event.body()).isEqualTo(201);
        String eventId = Long.toString(json(event.body())
                .getJsonArray("events")
                .getJsonObject(0)
                .getJsonNumber("id")
                .longValue());

        // a referral of that episode to a provider of the directory (issue 24)
        String provider = first(
                database,
                "insert into treatment_provider (name, confirmed_on, created_by, created_at, updated_by, updated_at)"
                        + " values (?, current_date, 'bella', now(), 'bella', now()) returning id",
                "Away provider " + suffix);
        String planEntry = first(
                database,
                "with plan as (insert into ready_plan (episode_id, created_by, created_at, updated_by, updated_at)"
                        + " values (cast(? as bigint), 'bella', now(), 'bella', now()) returning id)"
                        + " insert into plan_provider (plan_id, provider_id, position) select id, cast(? as bigint), 0"
                        + " from plan returning id",
                episode,
                provider);
        String referral = first(
                database,
                "insert into referral (episode_id, provider_id, offer_event_id, level_of_care, accepted_on, started_at,"
                        + " status_before, plan_ready_at_acceptance, last_step_at, created_by) values (cast(? as bigint),"
                        + " cast(? as bigint), cast(? as bigint), 'OUTPATIENT', current_date, now(), 'REFUSING', false,"
                        + " now(), 'bella') returning id",
                episode,
                provider,
                eventId);

        // a PHQ-9 of the member (issue 25, wellbeing)
        String measure = first(
                database,
                "insert into wellbeing_measure (family_id, member_id, instrument, taken_on, answers, total, band,"
                        + " self_harm, occasion, taken_by, entered_by, entered_at) values (cast(? as bigint),"
                        + " cast(? as bigint), 'PHQ9', current_date, '111111110', 8, 'MILD', false, 'INTAKE',"
                        + " 'WITH_COUNSELOR', 'bella', now()) returning id",
                familyId,
                member);
        String raise = first(
                database,
                "insert into safety_flag_raise (family_id, reason, source, raised_by, raised_at) values"
                        + " (cast(? as bigint), 'MEMBER_SELF_HARM', 'PHQ-9 of today', 'bella', now()) returning id",
                familyId);

        HttpResponse<String> consent = api.send(
                "bella",
                "POST",
                "consents?family=" + familyId,
                "{\"memberId\": " + member + ", \"recipientName\": \"Dr. Lima\", \"purpose\": \"care\","
                        + " \"scope\": \"ATTENDANCE\", \"signedOn\": \"" + today + "\", \"startsOn\": \"" + today
                        + "\", \"expiresOn\": \"" + today.plusMonths(1) + "\"}");
        assertThat(consent.statusCode()).as(consent.body()).isEqualTo(201);
        String consentId =
                Long.toString(json(consent.body()).getJsonNumber("id").longValue());

        // a group of program B, led by Bella, with the member enrolled
        String groupName = "Sunrise circle " + suffix;
        database.update("insert into room (name, capacity) values (?, 12)", "Away room " + suffix);
        String room = first(database, "select id from room where name = ?", "Away room " + suffix);
        // weeks ahead by the suffix, so two sweeps of one run never give Bella two groups at once
        LocalDate firstDate = today.plusWeeks(3 + Math.floorMod(suffix.hashCode(), 200))
                .with(TemporalAdjusters.next(DayOfWeek.TUESDAY));
        HttpResponse<String> defined = api.send(
                "bert",
                "POST",
                "groups",
                """
                {"name": "%s", "kind": "PARENTS", "language": "en", "programId": %d, "roomId": %s, "capacity": 8,
                 "openEnrollment": true, "facilitatorUsernames": ["bella"],
                 "meetings": {"firstDate": "%s", "startTime": "18:30", "minutes": 60, "count": 2}}
                """
                        .formatted(groupName, programId, room, firstDate));
        assertThat(defined.statusCode()).as(defined.body()).isEqualTo(201);
        assertThat(json(defined.body()).getInt("sessionsCreated"))
                .as(defined.body())
                .isEqualTo(2);
        JsonObject group = json(defined.body()).getJsonObject("group");
        String groupId = Long.toString(group.getJsonNumber("id").longValue());
        String groupSession =
                first(database, "select min(id) from group_session where group_id = cast(? as bigint)", groupId);
        HttpResponse<String> enrolled = api.send(
                "frida", "POST", "enrollments", "{\"groupId\": " + groupId + ", \"memberId\": " + member + "}");
        assertThat(enrolled.statusCode()).as(enrolled.body()).isEqualTo(200);
        String enrollment =
                Long.toString(json(enrolled.body()).getJsonNumber("id").longValue());

        // a draft group note of the group's last meeting, with the member's section
        String groupNoteText = "The circle heard from Marisol " + suffix;
        String lastMeeting =
                first(database, "select max(id) from group_session where group_id = cast(? as bigint)", groupId);
        database.update(
                "insert into group_note (group_session_id, author_id, status, body, created_at, updated_at)"
                        + " select cast(? as bigint), s.id, 'DRAFT', ?, now(), now() from staff_member s"
                        + " where s.username = 'bella'",
                lastMeeting,
                groupNoteText);
        String groupNote =
                first(database, "select id from group_note where group_session_id = cast(? as bigint)", lastMeeting);
        database.update(
                "insert into group_note_section (note_id, family_member_id, family_id, text) values"
                        + " (cast(? as bigint), cast(? as bigint), cast(? as bigint), 'Her own part')",
                groupNote,
                member,
                familyId);

        Map<Kind, String> ids = new LinkedHashMap<>();
        ids.put(Kind.GROUP_NOTE, groupNote);
        ids.put(Kind.FAMILY, familyId);
        ids.put(Kind.MEMBER, member);
        ids.put(Kind.APPOINTMENT, appointment);
        ids.put(Kind.NOTE, note);
        ids.put(Kind.EPISODE, episode);
        ids.put(Kind.EVENT, eventId);
        ids.put(Kind.REFERRAL, referral);
        ids.put(Kind.PLAN_ENTRY, planEntry);
        ids.put(Kind.CONSENT, consentId);
        ids.put(Kind.BOUNDARY, boundaryId);
        ids.put(Kind.BOUNDARY_REVIEW, boundaryReview);
        ids.put(Kind.MEASURE, measure);
        ids.put(Kind.RAISE, raise);
        ids.put(Kind.GROUP, groupId);
        ids.put(Kind.GROUP_SESSION, groupSession);
        ids.put(Kind.ENROLLMENT, enrollment);
        ids.put(Kind.PROGRAM, Long.toString(programId));
        ids.put(Kind.COUNSELOR, "bella");
        ids.put(Kind.STAFF, first(database, "select id from staff_member where username = 'bella'"));
        ids.put(Kind.CLINIC, room);
        String programName =
                first(database, "select name from program where id = cast(? as bigint)", Long.toString(programId));
        return new ForeignRecords(
                ids,
                List.of(
                        programName,
                        familyName,
                        caseNumber,
                        "Marisol",
                        "Teodoro",
                        "Rafa",
                        noteText,
                        "Refused again " + suffix,
                        groupName,
                        "Dr. Lima"));
    }

    private static String unusedId(Sql database, String table) {
        return first(database, "select coalesce(max(id), 0) + 1000000 from " + table);
    }

    private static String first(Sql database, String sql, String... parameters) {
        return database.query(sql, parameters).get(0).get(0);
    }
}
