package org.hearth.deployment;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * The development values Hearth's configuration falls back to, which a production server must not run on:
 * the demo realm's client secret, the local database passwords, and one database role for both the
 * application and the migrations (the schema's owner can switch off the triggers that keep signed notes
 * and the audit trail final). A developer's machine says so with {@code HEARTH_DEVELOPMENT=true} (or the
 * system property {@code hearth.development}); without it the deployment stops before the migrations run.
 *
 * <p>Each value is resolved as the server resolves it: the system property first where {@code hearth.cli}
 * reads one ({@code hearth.db.*}, which the tests set), then the environment variable, then the local
 * default of {@code hearth.cli} and {@code oidc.json}. Messages name variables, never their values.
 */
public final class DevelopmentSettings {

    /** The environment variable a developer's machine sets; {@link #FLAG_PROPERTY} does the same. */
    public static final String FLAG = "HEARTH_DEVELOPMENT";

    public static final String FLAG_PROPERTY = "hearth.development";

    /** The demo realm's secret of the hearth-web client (hearth-realm.json), oidc.json's default. */
    static final String DEMO_REALM_SECRET = "hearth-web-dev-secret";

    private static final Logger LOG = Logger.getLogger(DevelopmentSettings.class);

    private static final Setting OIDC_CLIENT_SECRET =
            new Setting("OIDC_CLIENT_SECRET", null, DEMO_REALM_SECRET, "the demo realm's development secret");
    private static final Setting DB_USER = new Setting("DB_USER", "hearth.db.user", "hearth", null);
    private static final Setting DB_PASSWORD =
            new Setting("DB_PASSWORD", "hearth.db.password", "hearth", "the development password");
    private static final Setting DB_MIGRATION_USER =
            new Setting("DB_MIGRATION_USER", "hearth.db.migration.user", "hearth_owner", null);
    private static final Setting DB_MIGRATION_PASSWORD = new Setting(
            "DB_MIGRATION_PASSWORD", "hearth.db.migration.password", "hearth_owner", "the development password");

    private DevelopmentSettings() {}

    /**
     * One development value in use: the variable (or system property) that holds it, or should, and what is
     * wrong and what to do, in a sentence that starts with that name and never contains the value.
     */
    public record DevelopmentValue(String variable, String problem) {

        @Override
        public String toString() {
            return problem;
        }
    }

    /** A configured value: its environment variable, the system property that overrides it, its local default. */
    private record Setting(String variable, String property, String localDefault, String defaultIs) {

        String value(Map<String, String> environment, Properties properties) {
            String fromProperty = property == null ? null : properties.getProperty(property);
            return fromProperty != null ? fromProperty : environment.getOrDefault(variable, localDefault);
        }

        /** Where the value came from, as the operator would look for it. */
        String source(Map<String, String> environment, Properties properties) {
            return property != null && properties.getProperty(property) != null
                    ? "the system property " + property
                    : variable;
        }

        boolean isSet(Map<String, String> environment, Properties properties) {
            return (property != null && properties.getProperty(property) != null) || environment.containsKey(variable);
        }
    }

    /**
     * Stops the deployment when development values are in use on a server without the development flag, with
     * one message naming each; on a developer's machine only says which are in use.
     *
     * @throws IllegalStateException naming every development value in use, and what to set instead
     */
    public static void refuseInProduction() {
        refuseInProduction(System.getenv(), System.getProperties());
    }

    static void refuseInProduction(Map<String, String> environment, Properties properties) {
        List<DevelopmentValue> inUse = inUse(environment, properties);
        if (inUse.isEmpty()) {
            return;
        }
        if (developmentFlagSet(environment, properties)) {
            LOG.warnf(
                    "A developer's machine (%s or %s): running on development settings: %s",
                    FLAG,
                    FLAG_PROPERTY,
                    inUse.stream().map(DevelopmentValue::variable).collect(Collectors.joining(", ")));
            return;
        }
        throw new IllegalStateException(refusal(inUse));
    }

    /** Whether this is a developer's machine: {@code hearth.development}, else {@code HEARTH_DEVELOPMENT}, is true. */
    public static boolean developmentFlagSet(Map<String, String> environment, Properties properties) {
        return Boolean.parseBoolean(properties.getProperty(FLAG_PROPERTY, environment.get(FLAG)));
    }

    /** Every development value these settings would run on, in the README's order; empty for production. */
    public static List<DevelopmentValue> inUse(Map<String, String> environment, Properties properties) {
        List<DevelopmentValue> inUse = new ArrayList<>();
        developmentSecret(OIDC_CLIENT_SECRET, "set the secret of your own client", environment, properties)
                .ifPresent(inUse::add);
        developmentSecret(DB_PASSWORD, "set the password of the application's role", environment, properties)
                .ifPresent(inUse::add);
        developmentSecret(
                        DB_MIGRATION_PASSWORD,
                        "set the password of the role that owns the schema",
                        environment,
                        properties)
                .ifPresent(inUse::add);
        if (Objects.equals(DB_USER.value(environment, properties), DB_MIGRATION_USER.value(environment, properties))) {
            inUse.add(new DevelopmentValue(
                    DB_USER.variable(),
                    DB_USER.source(environment, properties) + " and "
                            + DB_MIGRATION_USER.source(environment, properties)
                            + " name the same database role: the application must not own the schema (an owner can"
                            + " switch off the triggers that keep signed notes and the audit trail final); give the"
                            + " application a role of its own"));
        }
        return inUse;
    }

    private static Optional<DevelopmentValue> developmentSecret(
            Setting setting, String remedy, Map<String, String> environment, Properties properties) {
        String name = setting.source(environment, properties);
        String value = setting.value(environment, properties);
        String problem;
        if (!setting.isSet(environment, properties)) {
            problem = name + " is not set, so " + setting.defaultIs() + " is used";
        } else if (value.isBlank()) {
            problem = name + " is empty";
        } else if (value.equals(setting.localDefault())) {
            problem = name + " is " + setting.defaultIs();
        } else {
            return Optional.empty();
        }
        return Optional.of(new DevelopmentValue(setting.variable(), problem + ": " + remedy));
    }

    /** The message that stops the deployment: each development value on its own line, then the two ways out. */
    static String refusal(List<DevelopmentValue> inUse) {
        StringBuilder message = new StringBuilder("Hearth will not start on development settings:");
        for (DevelopmentValue value : inUse) {
            message.append(System.lineSeparator()).append("  - ").append(value.problem());
        }
        return message.append(System.lineSeparator())
                .append("Set these for production (README, \"Running in production\"), or ")
                .append(FLAG)
                .append("=true on a developer's machine.")
                .toString();
    }
}
