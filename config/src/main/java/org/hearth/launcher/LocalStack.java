package org.hearth.launcher;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * {@code ./hearth run [--demo-data]}: starts PostgreSQL (data kept in {@code .hearth/postgres}), Keycloak
 * with the hearth realm, and WildFly with the EAR; prints where to go and who to sign in as; stops all
 * three on Ctrl-C, in reverse order.
 */
public final class LocalStack {

    static final String APP_URL = "http://localhost:8080/hearth/";
    private static final int POSTGRES_PORT = 15432;

    private final PrintStream out;
    private final Deque<AutoCloseable> started = new ArrayDeque<>();

    private LocalStack(PrintStream out) {
        this.out = out;
    }

    public static void main(String[] args) {
        if (args.length == 0 || !args[0].equals("run")) {
            System.err.println("usage: ./hearth run [--demo-data]");
            System.exit(2);
        }
        boolean demoData = args.length > 1 && args[1].equals("--demo-data");
        Path root =
                Path.of(System.getProperty("hearth.root", ".")).toAbsolutePath().normalize();
        LocalStack stack = new LocalStack(System.out);
        try {
            stack.start(root, demoData);
        } catch (RuntimeException failed) {
            System.err.println("\nHearth did not start: " + failed.getMessage());
            stack.stop();
            System.exit(1);
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stack.stop();
            stopped.countDown();
        }));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void start(Path root, boolean demoData) {
        Map<Integer, String> ports = new LinkedHashMap<>();
        ports.put(POSTGRES_PORT, "PostgreSQL");
        ports.put(8180, "Keycloak HTTP");
        ports.put(9000, "Keycloak management");
        ports.put(8080, "WildFly HTTP");
        ports.put(9990, "WildFly management");
        Ports.requireFree(ports);

        Path logs = root.resolve(".hearth/logs");
        out.println("Starting PostgreSQL on port " + POSTGRES_PORT + " (data in .hearth/postgres) ...");
        EmbeddedDatabase database = EmbeddedDatabase.start(root.resolve(".hearth/postgres"), POSTGRES_PORT, false);
        started.push(() -> {
            out.println("Stopping PostgreSQL ...");
            database.close();
        });

        out.println("Starting Keycloak on port 8180 (log in .hearth/logs/keycloak.log) ...");
        KeycloakServer keycloak = KeycloakServer.start(
                root.resolve("config/target/keycloak"),
                root.resolve("config/src/main/keycloak/hearth-realm.json"),
                logs.resolve("keycloak.log"),
                8180,
                9000);
        started.push(() -> {
            out.println("Stopping Keycloak ...");
            keycloak.close();
        });

        out.println("Starting WildFly with Hearth on port 8080 (log in .hearth/logs/wildfly.log) ...");
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("DB_URL", database.jdbcUrl());
        environment.put("DB_USER", database.user());
        environment.put("DB_PASSWORD", database.password());
        environment.put("OIDC_PROVIDER_URL", keycloak.realmUrl());
        environment.put("OIDC_CLIENT_ID", "hearth-web");
        environment.put("OIDC_CLIENT_SECRET", "hearth-web-dev-secret");
        environment.put("HEARTH_BASE_URL", APP_URL);
        environment.put("HEARTH_DEMO_DATA", Boolean.toString(demoData));
        WildFlyServer wildfly = WildFlyServer.start(
                root.resolve("ear/target/server"), environment, logs.resolve("wildfly.log"), APP_URL);
        started.push(() -> {
            out.println("Stopping WildFly ...");
            wildfly.close();
        });

        printWelcome(keycloak.realmUrl(), demoData);
    }

    private void printWelcome(String realmUrl, boolean demoData) {
        String rule = "=".repeat(78);
        out.println();
        out.println(rule);
        out.println(" Hearth is running:  " + APP_URL);
        out.println(
                " Keycloak realm:     " + realmUrl + "   (admin console: http://localhost:8180/admin, admin / admin)");
        out.println(" API:                " + APP_URL + "api/v1/me   (OpenAPI: " + APP_URL + "api-docs/openapi.yaml)");
        out.println();
        out.println(" Demo logins (password for all: " + DemoLogin.PASSWORD + "):");
        for (DemoLogin login : DemoLogin.ALL) {
            out.printf(
                    "   %-8s %-15s %-24s -> %s%n",
                    login.username(), login.name(), String.join(", ", login.roles()), login.home());
        }
        if (!demoData) {
            out.println();
            out.println(" (started without --demo-data: no programs yet, so staff belong to none)");
        }
        out.println();
        out.println(" Press Ctrl-C to stop.");
        out.println(rule);
    }

    private synchronized void stop() {
        while (!started.isEmpty()) {
            try {
                started.pop().close();
            } catch (Exception e) {
                System.err.println("  (while stopping: " + e.getMessage() + ")");
            }
        }
        out.println("Hearth stopped.");
    }
}
