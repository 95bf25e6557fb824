package org.hearth.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalStackTest {

    private static final String REALM_URL = "http://localhost:8180/realms/hearth";

    @Test
    void runTakesOnlyTheDemoDataOption() {
        assertThat(LocalStack.demoDataOption("run")).contains(false);
        assertThat(LocalStack.demoDataOption("run", "--demo-data")).contains(true);
        assertThat(LocalStack.demoDataOption()).isEmpty();
        assertThat(LocalStack.demoDataOption("start")).isEmpty();
        assertThat(LocalStack.demoDataOption("run", "--demo")).isEmpty();
        assertThat(LocalStack.demoDataOption("run", "--demo-data", "extra")).isEmpty();
    }

    @Test
    void theWelcomeBoxNamesTheUrlsEveryDemoLoginAndHowToStop() {
        String welcome = LocalStack.welcome(REALM_URL, true);

        assertThat(welcome).contains("http://localhost:8080/hearth/", REALM_URL, "Press Ctrl-C to stop");
        for (DemoLogin login : DemoLogin.ALL) {
            assertThat(welcome)
                    .containsPattern("\\| +" + login.username() + " +" + DemoLogin.PASSWORD + " +"
                            + String.join(", ", login.roles()) + " +" + login.home() + " +\\|");
        }
        assertThat(welcome).doesNotContain("--demo-data");
        assertThat(welcome).as("where to read what Hearth sent").contains(".hearth/mail/<n>.eml", "localhost:3025");
    }

    @Test
    void theWelcomeBoxIsClosedOnEverySide() {
        List<String> lines = LocalStack.welcome(REALM_URL, false).lines().toList();

        assertThat(lines.get(0)).matches("\\+-+\\+");
        assertThat(lines.get(lines.size() - 1)).isEqualTo(lines.get(0));
        assertThat(lines.subList(1, lines.size() - 1))
                .allSatisfy(line -> assertThat(line).startsWith("|").endsWith("|"))
                .allSatisfy(line -> assertThat(line).hasSameSizeAs(lines.get(0)))
                .anySatisfy(line -> assertThat(line).contains("without --demo-data"));
    }

    @Test
    void wildFlyGetsTheDatabaseTheRealmTheDevSecretTheDevelopmentFlagAndTheDemoDataChoice() {
        Map<String, String> environment = LocalStack.serverEnvironment(
                "jdbc:postgresql://localhost:15432/hearth",
                new LocalStack.Credentials("hearth", "hearth"),
                new LocalStack.Credentials("hearth_owner", "hearth_owner"),
                REALM_URL,
                true);

        assertThat(environment)
                .containsEntry("DB_URL", "jdbc:postgresql://localhost:15432/hearth")
                .containsEntry("DB_USER", "hearth")
                .containsEntry("DB_PASSWORD", "hearth")
                .containsEntry("DB_MIGRATION_USER", "hearth_owner")
                .containsEntry("DB_MIGRATION_PASSWORD", "hearth_owner")
                .containsEntry("OIDC_PROVIDER_URL", REALM_URL)
                .containsEntry("OIDC_CLIENT_ID", "hearth-web")
                .containsEntry("OIDC_CLIENT_SECRET", "hearth-web-dev-secret")
                .containsEntry("HEARTH_BASE_URL", "http://localhost:8080/hearth")
                .containsEntry("HEARTH_DEMO_DATA", "true")
                // without it the server refuses the dev secret and the local passwords
                .containsEntry("HEARTH_DEVELOPMENT", "true")
                // the local mail server started with the stack
                .containsEntry("SMTP_HOST", "localhost")
                .containsEntry("SMTP_PORT", "3025");
        assertThat(LocalStack.serverEnvironment(
                        "url",
                        new LocalStack.Credentials("user", "password"),
                        new LocalStack.Credentials("owner", "secret"),
                        REALM_URL,
                        false))
                .containsEntry("HEARTH_DEMO_DATA", "false");
    }

    @Test
    void theAuditAnchorFileLiesBesideTheDatabaseWhereTheScriptsVerifyAuditLooks(@TempDir Path root)
            throws java.io.IOException {
        assertThat(LocalStack.auditAnchorFile(root)).isEqualTo(root.resolve(".hearth/audit-anchor"));
        assertThat(java.nio.file.Files.readString(Path.of("..", "hearth")))
                .as("./hearth verify-audit reads the file the local server writes")
                .contains("HEARTH_AUDIT_ANCHOR_FILE=\"$root/" + LocalStack.AUDIT_ANCHOR_FILE + "\"");
    }

    @Test
    void aMissingBuildIsNoticedBeforeAnythingStarts(@TempDir Path emptyRoot) {
        assertThat(LocalStack.missingPieces(emptyRoot))
                .contains("config/target/keycloak/bin/kc.sh", "ear/target/server/standalone/deployments/hearth.ear");
    }

    @Test
    void thePortsCheckedAreThoseOfTheServersAndTheMailServer() {
        assertThat(LocalStack.PORTS).containsOnlyKeys(15432, 8180, 9000, 8080, 9990, 3025);
        assertThat(LocalStack.PORTS).containsEntry(8080, "WildFly HTTP");
    }

    @Test
    void theLocalMailServerSavesEachMessageItReceivesAndKeepsThemAcrossAStop(@TempDir Path folder) throws Exception {
        java.nio.file.Files.writeString(folder.resolve("4.eml"), "an older message");
        int port;
        try (java.net.ServerSocket free = new java.net.ServerSocket(0)) {
            port = free.getLocalPort();
        }
        try (LocalMail mail = LocalMail.start(port, java.util.Optional.of(folder))) {
            send(port, "first");
            mail.stopForAWhile();
            assertThat(mail.isRunning()).isFalse();
            mail.startAgain();
            send(port, "second");

            assertThat(mail.received()).hasSize(2);
        }
        assertThat(java.nio.file.Files.readString(folder.resolve("5.eml"))).contains("Subject: first");
        assertThat(java.nio.file.Files.readString(folder.resolve("6.eml"))).contains("Subject: second");
        assertThat(java.nio.file.Files.readString(folder.resolve("4.eml"))).isEqualTo("an older message");
    }

    private static void send(int port, String subject) throws Exception {
        java.util.Properties properties = new java.util.Properties();
        properties.put("mail.smtp.host", "127.0.0.1");
        properties.put("mail.smtp.port", Integer.toString(port));
        jakarta.mail.Session session = jakarta.mail.Session.getInstance(properties);
        jakarta.mail.internet.MimeMessage message = new jakarta.mail.internet.MimeMessage(session);
        message.setFrom("hearth@localhost");
        message.setRecipients(jakarta.mail.Message.RecipientType.TO, "someone@example.org");
        message.setSubject(subject);
        message.setText("text");
        jakarta.mail.Transport.send(message);
    }
}
