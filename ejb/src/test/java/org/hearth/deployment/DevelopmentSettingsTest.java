package org.hearth.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.hearth.deployment.DevelopmentSettings.DevelopmentValue;
import org.junit.jupiter.api.Test;

class DevelopmentSettingsTest {

    private static final String PRODUCTION_SECRET = "client-secret-of-the-clinic";
    private static final String PRODUCTION_APP_PASSWORD = "app-password-of-the-clinic";
    private static final String PRODUCTION_OWNER_PASSWORD = "owner-password-of-the-clinic";

    /** What a clinic's server is started with: its own secret, its own passwords, two roles. */
    private static Map<String, String> production() {
        Map<String, String> environment = new HashMap<>();
        environment.put("DB_URL", "jdbc:postgresql://db.clinic.example/hearth");
        environment.put("DB_USER", "hearth_app");
        environment.put("DB_PASSWORD", PRODUCTION_APP_PASSWORD);
        environment.put("DB_MIGRATION_USER", "hearth_schema");
        environment.put("DB_MIGRATION_PASSWORD", PRODUCTION_OWNER_PASSWORD);
        environment.put("OIDC_CLIENT_SECRET", PRODUCTION_SECRET);
        return environment;
    }

    private static Map<String, String> productionWith(String variable, String value) {
        Map<String, String> environment = production();
        environment.put(variable, value);
        return environment;
    }

    private static Map<String, String> productionWithout(String variable) {
        Map<String, String> environment = production();
        environment.remove(variable);
        return environment;
    }

    private static List<String> offending(Map<String, String> environment) {
        return offending(environment, new Properties());
    }

    private static List<String> offending(Map<String, String> environment, Properties properties) {
        return DevelopmentSettings.inUse(environment, properties).stream()
                .map(DevelopmentValue::variable)
                .toList();
    }

    private static String refusal(Map<String, String> environment, Properties properties) {
        try {
            DevelopmentSettings.refuseInProduction(environment, properties);
        } catch (IllegalStateException refused) {
            return refused.getMessage();
        }
        throw new AssertionError("the deployment was not refused");
    }

    private static Properties properties(String... namesAndValues) {
        Properties properties = new Properties();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            properties.setProperty(namesAndValues[i], namesAndValues[i + 1]);
        }
        return properties;
    }

    @Test
    void aServerWithItsOwnSecretsPasswordsAndTwoRolesStarts() {
        assertThat(DevelopmentSettings.inUse(production(), new Properties())).isEmpty();
        assertThatCode(() -> DevelopmentSettings.refuseInProduction(production(), new Properties()))
                .doesNotThrowAnyException();
    }

    @Test
    void theDemoRealmsSecretIsRefusedWhetherSetOrFallenBackTo() {
        assertThat(offending(productionWith("OIDC_CLIENT_SECRET", "hearth-web-dev-secret")))
                .containsExactly("OIDC_CLIENT_SECRET");
        assertThat(offending(productionWithout("OIDC_CLIENT_SECRET"))).containsExactly("OIDC_CLIENT_SECRET");
        assertThat(offending(productionWith("OIDC_CLIENT_SECRET", " "))).containsExactly("OIDC_CLIENT_SECRET");
    }

    @Test
    void theApplicationsDevelopmentPasswordIsRefusedWhetherSetOrFallenBackTo() {
        assertThat(offending(productionWith("DB_PASSWORD", "hearth"))).containsExactly("DB_PASSWORD");
        assertThat(offending(productionWithout("DB_PASSWORD"))).containsExactly("DB_PASSWORD");
        assertThat(offending(productionWith("DB_PASSWORD", ""))).containsExactly("DB_PASSWORD");
    }

    @Test
    void theOwnersDevelopmentPasswordIsRefusedWhetherSetOrFallenBackTo() {
        assertThat(offending(productionWith("DB_MIGRATION_PASSWORD", "hearth_owner")))
                .containsExactly("DB_MIGRATION_PASSWORD");
        assertThat(offending(productionWithout("DB_MIGRATION_PASSWORD"))).containsExactly("DB_MIGRATION_PASSWORD");
    }

    @Test
    void oneRoleForTheApplicationAndTheMigrationsIsRefused() {
        assertThat(offending(productionWith("DB_USER", "hearth_schema"))).containsExactly("DB_USER");
        // DB_MIGRATION_USER unset falls back to hearth_owner, the role DB_USER names here
        Map<String, String> applicationAsTheDefaultOwner = productionWithout("DB_MIGRATION_USER");
        applicationAsTheDefaultOwner.put("DB_USER", "hearth_owner");
        assertThat(offending(applicationAsTheDefaultOwner)).containsExactly("DB_USER");
        // DB_USER unset falls back to hearth, the role DB_MIGRATION_USER names here
        Map<String, String> ownerAsTheDefaultApplication = productionWithout("DB_USER");
        ownerAsTheDefaultApplication.put("DB_MIGRATION_USER", "hearth");
        assertThat(offending(ownerAsTheDefaultApplication)).containsExactly("DB_USER");
    }

    @Test
    void theDefaultRolesAloneAreTwoRolesAndNotRefused() {
        Map<String, String> defaultRoles = production();
        defaultRoles.remove("DB_USER");
        defaultRoles.remove("DB_MIGRATION_USER");
        assertThat(offending(defaultRoles)).isEmpty();
    }

    @Test
    void anEmptyEnvironmentRunsOnEveryDevelopmentSecret() {
        assertThat(offending(Map.of())).containsExactly("OIDC_CLIENT_SECRET", "DB_PASSWORD", "DB_MIGRATION_PASSWORD");
    }

    @Test
    void everyDevelopmentValueIsNamedInOneMessageWithWhatToDo() {
        Map<String, String> environment = new HashMap<>();
        environment.put("OIDC_CLIENT_SECRET", "hearth-web-dev-secret");
        environment.put("DB_USER", "hearth_owner");

        String message = refusal(environment, new Properties());

        assertThat(message)
                .contains(
                        "OIDC_CLIENT_SECRET is the demo realm's development secret: set the secret of your own client")
                .contains("DB_PASSWORD is not set")
                .contains("DB_MIGRATION_PASSWORD is not set")
                .contains("DB_USER and DB_MIGRATION_USER name the same database role")
                .contains("HEARTH_DEVELOPMENT=true on a developer's machine");
        assertThat(message.lines().filter(line -> line.startsWith("  - "))).hasSize(4);
    }

    @Test
    void theMessageNeverCarriesAValue() {
        Map<String, String> environment = new HashMap<>();
        environment.put("OIDC_CLIENT_SECRET", "hearth-web-dev-secret");
        environment.put("DB_PASSWORD", "hearth");
        environment.put("DB_MIGRATION_PASSWORD", "hearth_owner");
        environment.put("DB_USER", "clinic_role");
        environment.put("DB_MIGRATION_USER", "clinic_role");

        String message = refusal(environment, new Properties());

        assertThat(message)
                .contains("OIDC_CLIENT_SECRET", "DB_PASSWORD", "DB_MIGRATION_PASSWORD", "DB_USER")
                .doesNotContain("hearth-web-dev-secret", "hearth_owner", "clinic_role")
                // the application's development password, as a word ("Hearth will not start" is not it)
                .doesNotContainPattern("\\bhearth\\b");
    }

    @Test
    void aProductionSecretBesideADevelopmentOneIsNeverPrinted() {
        String message = refusal(productionWith("DB_PASSWORD", "hearth"), new Properties());

        assertThat(message)
                .contains("DB_PASSWORD")
                .doesNotContain(PRODUCTION_SECRET, PRODUCTION_APP_PASSWORD, PRODUCTION_OWNER_PASSWORD);
    }

    @Test
    void theDevelopmentFlagLetsADevelopersMachineStartOnDevelopmentValues() {
        Map<String, String> developer = new HashMap<>(Map.of("HEARTH_DEVELOPMENT", "true"));
        assertThatCode(() -> DevelopmentSettings.refuseInProduction(developer, new Properties()))
                .doesNotThrowAnyException();
        assertThatCode(() -> DevelopmentSettings.refuseInProduction(Map.of(), properties("hearth.development", "true")))
                .doesNotThrowAnyException();
        assertThatCode(() ->
                        DevelopmentSettings.refuseInProduction(Map.of("HEARTH_DEVELOPMENT", "TRUE"), new Properties()))
                .doesNotThrowAnyException();
    }

    @Test
    void onlyTrueIsTheDevelopmentFlag() {
        for (String notTrue : List.of("false", "yes", "1", "")) {
            assertThatIllegalStateException()
                    .as("HEARTH_DEVELOPMENT=%s", notTrue)
                    .isThrownBy(() -> DevelopmentSettings.refuseInProduction(
                            Map.of("HEARTH_DEVELOPMENT", notTrue), new Properties()));
        }
        // the system property decides over the environment, as for every hearth.* setting
        assertThatIllegalStateException()
                .isThrownBy(() -> DevelopmentSettings.refuseInProduction(
                        Map.of("HEARTH_DEVELOPMENT", "true"), properties("hearth.development", "false")));
    }

    @Test
    void theSystemPropertiesTheServerReadsFirstAreCheckedAndNamed() {
        // hearth.cli reads hearth.db.password before DB_PASSWORD: a production DB_PASSWORD beside it does not count
        Properties developmentPassword = properties("hearth.db.password", "hearth");
        assertThat(offending(production(), developmentPassword)).containsExactly("DB_PASSWORD");
        assertThat(refusal(production(), developmentPassword)).contains("the system property hearth.db.password is");

        Properties productionPasswords =
                properties("hearth.db.password", "from-a-property", "hearth.db.migration.password", "from-another");
        assertThat(offending(Map.of("OIDC_CLIENT_SECRET", PRODUCTION_SECRET), productionPasswords))
                .isEmpty();

        Properties oneRole = properties("hearth.db.user", "hearth_schema");
        assertThat(offending(production(), oneRole)).containsExactly("DB_USER");
    }

    @Test
    void theSecretTheCheckKnowsIsTheDemoRealmsAndOidcJsonsDefault() throws IOException {
        JsonObject realm = readJson(Path.of("../config/src/main/keycloak/hearth-realm.json"));
        String realmSecret = realm.getJsonArray("clients").getValuesAs(JsonObject.class).stream()
                .filter(client -> client.getString("clientId").equals("hearth-web"))
                .findFirst()
                .orElseThrow()
                .getString("secret");
        JsonObject oidc = readJson(Path.of("../web/src/main/resources/oidc.json"));

        assertThat(realmSecret).isEqualTo(DevelopmentSettings.DEMO_REALM_SECRET);
        assertThat(oidc.getJsonObject("credentials").getString("secret"))
                .isEqualTo("${env.OIDC_CLIENT_SECRET:" + DevelopmentSettings.DEMO_REALM_SECRET + "}");
    }

    private static JsonObject readJson(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file)) {
            return Json.createReader(reader).readObject();
        }
    }
}
