package org.hearth.messages;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.hearth.testing.ApiClient;
import org.hearth.testing.Deployments;
import org.hearth.testing.HearthStack;
import org.hearth.testing.Mailbox;
import org.hearth.testing.Mailbox.Mail;
import org.hearth.testing.Sql;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * "Stop these messages" as a member uses it: from a reminder received by mail, the link's page stops every message to
 * them - the reminder waiting is withdrawn, the next one due is not sent - until the front desk starts them again at
 * the member's word, and then the next one arrives.
 */
@ExtendWith({HearthStack.class, ArquillianExtension.class})
@RunAsClient
class StopLinkIT {

    private static final Duration A_WHILE = Duration.ofSeconds(40);

    private final Sql database = Sql.testDatabase();
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .build(); // as a browser speaks: no upgrade to HTTP/2
    private final ApiClient api = new ApiClient();

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.hearth();
    }

    @Test
    void theStopLinkOfAReceivedReminderStopsTheNextOneUntilTheClinicStartsThemAgainAtTheMembersWord() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        OutboxRows rows = new OutboxRows(database, suffix);
        String email = "stop-" + suffix + "@example.org";
        long[] family = rows.familyWithMember("Stop " + suffix, email, "en");
        long first = rows.reminderDueNow(family, rows.session(family[0], 26), 2880);
        long waiting = rows.reminderDueNow(family, rows.session(family[0], 50), 2880);
        database.update(
                "update outbox_message set due_at = now() + interval '1 day', next_attempt_at = now() + interval '1 day'"
                        + " where id = cast(? as bigint)",
                Long.toString(waiting));

        Mail mail = Mailbox.awaitTo(email, A_WHILE).get(0);
        assertThat(rows.state(first).get(0)).isEqualTo("SENT");
        String stop = mail.links().get(mail.links().size() - 1);
        assertThat(mail.text()).contains("To receive no more messages from the clinic: " + stop);

        HttpResponse<String> page = get(stop);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Stop receiving messages from the clinic?", "<button");
        assertThat(rows.state(waiting).get(0))
                .as("opening the page changes nothing")
                .isEqualTo("PENDING");

        HttpResponse<String> stopped = post(stop);
        assertThat(stopped.statusCode()).isEqualTo(200);
        assertThat(stopped.body())
                .contains("You will receive no more messages from the clinic. To receive them again, tell the clinic.");
        assertThat(rows.state(waiting))
                .as("the reminder waiting is withdrawn at once")
                .containsExactly("WITHDRAWN", "0", "", "the member stopped messages");
        assertThat(database.query(
                        "select opted_out, changed_by from message_choice where member_id = cast(? as bigint)",
                        Long.toString(family[1])))
                .containsExactly(List.of("t", "link"));

        // a reminder due now (written before she stopped them, say) is not sent: the worker asks the same rule
        long next = rows.reminderDueNow(family, rows.session(family[0], 74), 2880);
        awaitNotPending(rows, next);
        assertThat(rows.state(next).get(0)).isEqualTo("WITHDRAWN");
        assertThat(Mailbox.receivedBy(email)).as("only the first reminder").hasSize(1);

        // the record's line, and the clinic starting them again at her word
        String path = "families/" + family[0] + "/members/" + family[1] + "/message-choice";
        JsonObject read = ApiClient.json(api.send("frida", "GET", path, null).body());
        assertThat(read.getString("state")).isEqualTo("STOPPED_BY_LINK");
        HttpResponse<String> started = api.send(
                "frida",
                "PUT",
                path,
                "{\"optedOut\": false, \"memberWord\": \"Said by phone she wants reminders again\", \"version\": "
                        + read.getJsonNumber("version").longValue() + "}");
        assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
        assertThat(ApiClient.json(started.body()).getString("state")).isEqualTo("BY_EMAIL");

        long afterwards = rows.reminderDueNow(family, rows.session(family[0], 98), 2880);
        assertThat(Mailbox.awaitTo(email, 2, A_WHILE)).hasSize(2);
        assertThat(rows.state(afterwards).get(0)).isEqualTo("SENT");
        // the link was single-use: used again, it stops nothing - the clinic's word stands
        assertThat(post(stop).statusCode()).isEqualTo(200);
        assertThat(get(stop).body()).contains("This link was already used on").doesNotContain("<button");
        assertThat(database.query(
                        "select opted_out, changed_by from message_choice where member_id = cast(? as bigint)",
                        Long.toString(family[1])))
                .containsExactly(List.of("f", "frida"));
    }

    private static void awaitNotPending(OutboxRows rows, long message) throws InterruptedException {
        long deadline = System.nanoTime() + A_WHILE.toNanos();
        while (rows.state(message).get(0).equals("PENDING") && System.nanoTime() < deadline) {
            Thread.sleep(500);
        }
    }

    private HttpResponse<String> get(String address) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(address)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String address) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(address))
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
