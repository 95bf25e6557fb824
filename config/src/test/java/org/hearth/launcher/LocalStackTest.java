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
                .containsEntry("HEARTH_DEVELOPMENT", "true");
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
    void thePortsCheckedAreThoseOfTheThreeServers() {
        assertThat(LocalStack.PORTS).containsOnlyKeys(15432, 8180, 9000, 8080, 9990);
        assertThat(LocalStack.PORTS).containsEntry(8080, "WildFly HTTP");
    }
}
