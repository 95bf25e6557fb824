package org.hearth.groups;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hearth.testing.ApiClient.json;
import static org.hearth.testing.ApiClient.jsonArray;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.hearth.testing.ApiClient;
import org.hearth.testing.Deployments;
import org.hearth.testing.HearthStack;
import org.hearth.testing.Mailbox;
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
 * A freed seat's offer end to end: the front desk takes a member off a full group over the API, the first on the
 * waitlist receives the offer by mail from the test SMTP server - in her language, naming neither the group nor its
 * kind - and takes the seat through the link's page, once.
 */
@ExtendWith({HearthStack.class, ArquillianExtension.class})
@RunAsClient
class SeatOfferMailIT {

    private final ApiClient api = new ApiClient();
    private final Sql database = Sql.testDatabase();
    private final HttpClient browser = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .build(); // as a browser speaks: no upgrade to HTTP/2
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
    void aProgramWithAGroupRoom() {
        suffix = UUID.randomUUID().toString().substring(0, 8);
        String program = "Offers mail " + suffix;
        TestData data = new TestData(database);
        programId = data.program(program);
        data.realmStaff("frida", "Frida Moreno", "front-desk", program);
        data.realmStaff("carlos", "Carlos Rivera", "counselor", program);
        database.update("insert into room (name, capacity) values (?, 12)", "Offers mail room " + suffix);
        roomId = Long.parseLong(database.query("select id from room where name = ?", "Offers mail room " + suffix)
                .get(0)
                .get(0));
    }

    @Test
    void theFirstWaitingReadsTheOfferInHerLanguageAndTakesTheSeatByItsLinkOnce() throws Exception {
        HttpResponse<String> defined = api.send(
                "frida",
                "POST",
                "groups",
                """
                {"name": "Parents' evening %s", "kind": "PARENTS", "language": "en", "programId": %d,
                 "roomId": %d, "capacity": 1, "openEnrollment": true, "facilitatorUsernames": ["carlos"],
                 "meetings": {"firstDate": "%s", "startTime": "18:00", "minutes": 90, "count": 4}}
                """
                        .formatted(suffix, programId, roomId, thursday));
        assertThat(defined.statusCode()).as(defined.body()).isEqualTo(201);
        long groupId =
                json(defined.body()).getJsonObject("group").getJsonNumber("id").longValue();
        long seated = member("Ana");
        long waiting = member("Ben");
        String address = "ben-" + suffix + "@example.org";
        database.update(
                "update family_member set email = ?, preferred_language = 'es', safe_to_mail = true"
                        + " where id = cast(? as bigint)",
                address,
                Long.toString(waiting));
        JsonObject ana = enroll(groupId, seated);
        JsonObject ben = enroll(groupId, waiting);
        assertThat(ben.getString("status")).isEqualTo("WAITLISTED");

        HttpResponse<String> left = api.send(
                "frida",
                "DELETE",
                "enrollments/" + ana.getJsonNumber("id") + "?version=" + ana.getJsonNumber("version"),
                null);
        assertThat(left.statusCode()).as(left.body()).isEqualTo(200);
        JsonObject offered = json(left.body()).getJsonObject("offered");
        assertThat(offered.getString("status")).isEqualTo("OFFERED");
        Instant deadline = Instant.parse(offered.getString("offerExpiresAt"));
        assertThat(Duration.between(Instant.parse(offered.getString("offeredAt")), deadline))
                .isEqualTo(Duration.ofHours(48));

        List<Mailbox.Mail> mails = Mailbox.awaitTo(address, Duration.ofSeconds(60));
        assertThat(mails).hasSize(1);
        Mailbox.Mail offer = mails.get(0);
        Locale spanish = Locale.forLanguageTag("es");
        String firstDay =
                DateTimeFormatter.ofPattern("EEEE d 'de' MMMM", spanish).format(thursday);
        String answerBy = DateTimeFormatter.ofPattern("EEEE d 'de' MMMM 'a las' HH:mm", spanish)
                .format(deadline.atZone(ClinicTime.zone()));
        assertThat(offer.subject()).isEqualTo("Hay un lugar para usted en la clínica");
        assertThat(offer.text())
                .contains("Hay un lugar para usted en la clínica los jueves a las 18:00, a partir del " + firstDay
                        + ". Por favor, responda antes del " + answerBy + ".")
                .doesNotContainIgnoringCase("evening")
                .doesNotContainIgnoringCase(suffix)
                .doesNotContainIgnoringCase("PARENTS")
                .doesNotContainIgnoringCase("grupo");
        String takeSeat = linkAfter(offer.text(), "Acepto el lugar: ");
        String noThanks = linkAfter(offer.text(), "No, gracias: ");

        HttpResponse<String> opened = browser.send(
                HttpRequest.newBuilder(URI.create(takeSeat)).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(opened.statusCode()).isEqualTo(200);
        assertThat(status(groupId, waiting))
                .as("opening the link changes nothing")
                .isEqualTo("OFFERED");

        HttpResponse<String> taken = post(takeSeat);
        assertThat(taken.statusCode()).isEqualTo(200);
        assertThat(taken.body()).contains("el lugar es suyo");
        assertThat(status(groupId, waiting)).isEqualTo("ENROLLED");

        HttpResponse<String> again = post(takeSeat);
        assertThat(again.statusCode()).as("a used link shows what it did").isEqualTo(200);
        assertThat(database.query(
                        "select count(*) from audit_entry where action = 'TAKE_GROUP_SEAT_BY_LINK'"
                                + " and entity_id = ? and username = 'message-link'",
                        ben.getJsonNumber("id").toString()))
                .as("the seat taken once")
                .containsExactly(List.of("1"));
        HttpResponse<String> changedMind = post(noThanks);
        assertThat(changedMind.body()).contains("Este lugar ya no se le ofrece");
        assertThat(status(groupId, waiting)).as("neither changed anything").isEqualTo("ENROLLED");
        JsonObject row = enrollmentOf(groupId, waiting);
        assertThat(row.getString("offerMessage")).isEqualTo("SENT");
        assertThat(Instant.parse(row.getString("offerExpiresAt"))).isEqualTo(deadline);
    }

    private static String linkAfter(String text, String label) {
        return text.lines()
                .filter(line -> line.startsWith(label))
                .map(line -> line.substring(label.length()).strip())
                .findFirst()
                .orElseThrow(() -> new AssertionError("no line starting " + label + " in " + text));
    }

    private HttpResponse<String> post(String link) throws Exception {
        return browser.send(
                HttpRequest.newBuilder(URI.create(link))
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private String status(long groupId, long memberId) throws Exception {
        return enrollmentOf(groupId, memberId).getString("status");
    }

    private JsonObject enrollmentOf(long groupId, long memberId) throws Exception {
        HttpResponse<String> enrollments = api.send("frida", "GET", "groups/" + groupId + "/enrollments", null);
        assertThat(enrollments.statusCode()).isEqualTo(200);
        return jsonArray(enrollments.body()).getValuesAs(JsonObject.class).stream()
                .filter(e -> e.getJsonNumber("memberId").longValue() == memberId)
                .findFirst()
                .orElseThrow();
    }

    private JsonObject enroll(long groupId, long memberId) throws Exception {
        HttpResponse<String> enrolled = api.send(
                "frida", "POST", "enrollments", "{\"groupId\": " + groupId + ", \"memberId\": " + memberId + "}");
        assertThat(enrolled.statusCode()).as(enrolled.body()).isEqualTo(200);
        return json(enrolled.body());
    }

    private long member(String name) throws Exception {
        long familyId = api.registerFamilyOfOne(programId, name + "-" + suffix);
        return Long.parseLong(database.query(
                        "select id from family_member where family_id = cast(? as bigint)", Long.toString(familyId))
                .get(0)
                .get(0));
    }
}
