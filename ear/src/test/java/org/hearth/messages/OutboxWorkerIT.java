package org.hearth.messages;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.hearth.testing.Browser;
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
import org.openqa.selenium.By;

/**
 * The outbox worker sends a due reminder once, neutral, with single-use links whose page works without sign-in; a
 * forged or expired link changes nothing; a cancelled session's reminder is withdrawn rather than sent.
 */
@ExtendWith({HearthStack.class, ArquillianExtension.class})
@RunAsClient
class OutboxWorkerIT {

    private static final Duration A_WHILE = Duration.ofSeconds(40);

    private final Sql database = Sql.testDatabase();
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .build(); // as a browser speaks: no upgrade to HTTP/2

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.hearth();
    }

    @Test
    void aDueReminderArrivesOnceNeutralWithLinksWhoseTokensAreKeptOnlyAsHashes() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        OutboxRows rows = new OutboxRows(database, suffix);
        String email = "rosa-" + suffix + "@example.org";
        long[] family = rows.familyWithMember("Worker " + suffix, email, "en");
        long session = rows.session(family[0], 26);
        long message = rows.reminderDueNow(family, session, 2880);

        List<Mail> mails = Mailbox.awaitTo(email, A_WHILE);
        Thread.sleep(6_000); // a round of the worker more: still once
        mails = Mailbox.receivedBy(email);
        assertThat(mails).hasSize(1);
        Mail mail = mails.get(0);

        Instant startsAt = Instant.parse(rows.one(
                "select to_char(starts_at at time zone 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"') from appointment"
                        + " where id = cast(? as bigint)",
                Long.toString(session)));
        var local = startsAt.atZone(ZoneId.of("America/New_York"));
        String day = DateTimeFormatter.ofPattern("EEEE, MMMM d", Locale.ENGLISH).format(local);
        String time = DateTimeFormatter.ofPattern("h:mm a", Locale.ENGLISH).format(local);
        assertThat(mail.subject()).isEqualTo("Reminder: your appointment on " + day);
        assertThat(mail.text())
                // the session is by telehealth (OutboxRows): a video appointment, no address to come to
                .startsWith("You have a video appointment with the clinic on " + day + " at " + time + ".")
                .doesNotContain("Address")
                .contains("I'll be there: ", "I can't come: ", "To receive no more messages from the clinic: ")
                .doesNotContainIgnoringCase("therapy")
                .doesNotContain("Worker " + suffix);
        assertThat(mail.links()).hasSize(3).allSatisfy(link -> assertThat(link)
                .startsWith(HearthStack.appUrl() + "m/"));
        assertThat(mail.messageId()).isEqualTo("<outbox-" + message + "@localhost>");

        assertThat(rows.state(message)).containsExactly("SENT", "1", "", "");
        List<List<String>> kept = database.query(
                "select purpose, token_hash from message_link where message_id = cast(? as bigint) order by id",
                Long.toString(message));
        assertThat(kept).extracting(row -> row.get(0)).containsExactly("CONFIRM", "CANT_COME", "OPT_OUT");
        for (int i = 0; i < 3; i++) {
            String token = mail.links().get(i).substring(mail.links().get(i).lastIndexOf('/') + 1);
            assertThat(kept.get(i).get(1)).as("only the hash is kept").isEqualTo(sha256(token));
        }
        assertThat(database.query(
                        "select username, entity_type, family_id, coalesce(reason, '') from audit_entry"
                                + " where action = 'SEND_MESSAGE' and entity_id = ?",
                        Long.toString(message)))
                .containsExactly(List.of("hearth-mail", "OutboxMessage", Long.toString(family[0]), ""));

        // the page of "I'll be there": opening it changes nothing, its button uses it once
        String confirm = mail.links().get(0);
        HttpResponse<String> page = get(confirm);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains("Confirm: you&#39;ll be there on " + day + " at " + time + "?", "<button")
                .doesNotContain("Worker " + suffix);
        assertThat(page.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
        assertThat(usedAt(confirm)).as("opening the page uses nothing").isEmpty();

        HttpResponse<String> used = post(confirm);
        assertThat(used.statusCode()).isEqualTo(200);
        if (usedAt(confirm).isEmpty()) {
            // nothing in this build answers "I'll be there" yet: the link stays usable
            assertThat(used.body()).contains("This link cannot be used just now.");
        } else {
            assertThat(used.body()).doesNotContain("not valid", "expired", "already used");
            String outcome = rows.one("select outcome from message_link where token_hash = ?", sha256(token(confirm)));
            HttpResponse<String> again = post(confirm);
            assertThat(again.body()).contains("This link was already used on");
            assertThat(get(confirm).body())
                    .contains("This link was already used on")
                    .doesNotContain("<button");
            assertThat(rows.one("select outcome from message_link where token_hash = ?", sha256(token(confirm))))
                    .as("a second use changes nothing")
                    .isEqualTo(outcome);
            assertThat(database.query(
                            "select count(*) from audit_entry where action = 'USE_MESSAGE_LINK' and entity_id = ?",
                            Long.toString(message)))
                    .containsExactly(List.of("1"));
        }
    }

    @Test
    void aForgedOrUnknownTokenGetsTheSameNotValidPageAndAnExpiredLinkChangesNothing() throws Exception {
        String forged = HearthStack.appUrl() + "m/" + "A".repeat(43);
        for (String address : List.of(forged, HearthStack.appUrl() + "m/short", HearthStack.appUrl() + "m/")) {
            HttpResponse<String> page = get(address);
            assertThat(page.statusCode()).as(address).isEqualTo(404);
            assertThat(page.body()).contains("This link is not valid.").doesNotContain("<button");
        }
        assertThat(post(forged).statusCode()).isEqualTo(404);
        assertThat(get(forged).body())
                .isEqualTo(get(HearthStack.appUrl() + "m/short").body());

        String suffix = UUID.randomUUID().toString().substring(0, 8);
        OutboxRows rows = new OutboxRows(database, suffix);
        long[] family = rows.familyWithMember("Expired " + suffix, "exp-" + suffix + "@example.org", "es");
        long message = rows.reminderDueNow(family, rows.session(family[0], 30), 120);
        String token = UUID.randomUUID().toString().replace("-", "") + "abcdefghijk";
        database.update(
                "insert into message_link (message_id, purpose, token_hash, created_at, expires_at)"
                        + " values (cast(? as bigint), 'CANT_COME', ?, now() - interval '2 days', now() - interval '1 hour')",
                Long.toString(message),
                sha256(token));
        String expired = HearthStack.appUrl() + "m/" + token;

        HttpResponse<String> page = get(expired);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains("Este enlace ha caducado.", "lang=\"es\"")
                .doesNotContain("<button");
        assertThat(post(expired).body()).contains("Este enlace ha caducado.");
        assertThat(usedAt(expired)).isEmpty();
    }

    @Test
    void aCancelledSessionsReminderIsWithdrawnNotSent() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        OutboxRows rows = new OutboxRows(database, suffix);
        String email = "cancel-" + suffix + "@example.org";
        long[] family = rows.familyWithMember("Cancelled " + suffix, email, "en");
        long session = rows.session(family[0], 28);
        database.update(
                "update appointment set status = 'CANCELLED_BY_CLINIC', cancel_reason = 'test', cancelled_at = now()"
                        + " where id = cast(? as bigint)",
                Long.toString(session));
        long message = rows.reminderDueNow(family, session, 2880);

        long deadline = System.nanoTime() + A_WHILE.toNanos();
        while (rows.state(message).get(0).equals("PENDING") && System.nanoTime() < deadline) {
            Thread.sleep(500);
        }
        assertThat(rows.state(message)).containsExactly("WITHDRAWN", "0", "", "no longer relevant when it was due");
        assertThat(Mailbox.receivedBy(email)).isEmpty();
        assertThat(database.query(
                        "select count(*) from message_link where message_id = cast(? as bigint)",
                        Long.toString(message)))
                .as("no link of a message never sent")
                .containsExactly(List.of("0"));
    }

    @Test
    void theLinkPageIsPlainAccessibleAndWorksUnderThePolicyInTheBrowser() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        OutboxRows rows = new OutboxRows(database, suffix);
        long[] family = rows.familyWithMember("Browser " + suffix, "page-" + suffix + "@example.org", "en");
        long message = rows.reminderDueNow(family, rows.session(family[0], 27), 2880);
        String token = UUID.randomUUID().toString().replace("-", "") + "ABCDEFGHIJK";
        database.update(
                "insert into message_link (message_id, purpose, token_hash, created_at, expires_at)"
                        + " values (cast(? as bigint), 'CANT_COME', ?, now(), now() + interval '1 day')",
                Long.toString(message),
                sha256(token));

        try (Browser browser = Browser.open()) {
            browser.driver().get(HearthStack.appUrl() + "m/" + token);
            browser.waitForPage();
            screenshot(browser, "link-page.png");
            assertThat(browser.driver().findElement(By.id("page-heading")).getText())
                    .isEqualTo("A message from the clinic");
            assertThat(browser.text("link-question")).startsWith("Tell the clinic you can't come on ");
            assertThat(browser.text("link-use")).isEqualTo("I can't come");
            assertThat(browser.driver().findElements(By.cssSelector("nav, .topbar")))
                    .as("no staff menu")
                    .isEmpty();
            browser.click(By.id("link-use"));
            browser.waitForPage();
            screenshot(browser, "link-used.png");
            assertThat(browser.driver().findElement(By.cssSelector("p.lead")).getText())
                    .isNotBlank()
                    .doesNotContain("not valid");

            browser.driver().get(HearthStack.appUrl() + "m/" + "B".repeat(43));
            browser.waitForPage();
            screenshot(browser, "link-invalid.png");
            assertThat(browser.text("link-invalid")).isEqualTo("This link is not valid.");
        }
    }

    private static void screenshot(Browser browser, String name) throws java.io.IOException {
        java.nio.file.Path folder = java.nio.file.Path.of(System.getProperty("hearth.test.work", "target/it-work"));
        java.nio.file.Files.createDirectories(folder);
        java.nio.file.Files.write(
                folder.resolve(name), browser.chrome().getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
    }

    private List<List<String>> usedAt(String link) {
        return database.query(
                "select used_at from message_link where token_hash = ? and used_at is not null", sha256(token(link)));
    }

    private static String token(String link) {
        return link.substring(link.lastIndexOf('/') + 1);
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

    static String sha256(String token) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
