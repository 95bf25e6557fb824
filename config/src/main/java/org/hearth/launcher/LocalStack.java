package org.hearth.launcher;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * {@code ./hearth run [--demo-data]}: starts PostgreSQL (data kept in {@code .hearth/postgres}), Keycloak
 * with the hearth realm, and WildFly with the EAR; prints where to go and whom to sign in as; on Ctrl-C
 * stops WildFly, then Keycloak, then the local mail server (GreenMail, {@link LocalMail}), then PostgreSQL, and waits for each to end. The repository root comes from
 * the system property {@code hearth.root}, which the {@code hearth} script sets.
 */
public final class LocalStack {

    static final String USAGE = "usage: ./hearth run [--demo-data]";
    static final String APP_URL = "http://localhost:8080/hearth/";
    /** What the application uses to build absolute links (sign-out comes back here). */
    static final String BASE_URL = "http://localhost:8080/hearth";

    /**
     * Where the local server anchors the audit chain's head ({@code HEARTH_AUDIT_ANCHOR_FILE}), relative to the
     * repository root: beside the database's data, so that the two are kept, or removed, together - an anchor
     * left from a database since removed would name entries the new one never had. The {@code hearth} script's
     * {@code verify-audit} reads the same file.
     */
    static final String AUDIT_ANCHOR_FILE = ".hearth/audit-anchor";

    static final int POSTGRES_PORT = 15432;
    static final int KEYCLOAK_PORT = 8180;
    static final int KEYCLOAK_MANAGEMENT_PORT = 9000;
    /** The local SMTP server every message Hearth sends goes to (issue 26). */
    static final int SMTP_PORT = 3025;
    /** Where each message sent is saved, one {@code <n>.eml} file each, relative to the repository root. */
    static final String MAIL_FOLDER = ".hearth/mail";

    static final Map<Integer, String> PORTS = ports();

    private final Path root;
    private final PrintStream out;
    private final PrintStream err;
    private final Deque<Running> running = new ArrayDeque<>();
    private final CountDownLatch startupOver = new CountDownLatch(1);
    private volatile boolean stopRequested;
    private volatile Thread waitingForServer;

    /** A started server and the name it is announced by. */
    private record Running(String name, AutoCloseable server) {}

    private LocalStack(Path root, PrintStream out, PrintStream err) {
        this.root = root;
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        Optional<Boolean> demoData = demoDataOption(args);
        if (demoData.isEmpty()) {
            System.err.println(USAGE);
            System.exit(2);
        }
        Path root =
                Path.of(System.getProperty("hearth.root", ".")).toAbsolutePath().normalize();
        LocalStack stack = new LocalStack(root, System.out, System.err);
        Runtime.getRuntime().addShutdownHook(new Thread(stack::stopAtExit, "hearth-stop"));
        if (stack.start(demoData.get())) {
            stack.runUntilStopped();
        } else if (!stack.stopRequested) {
            System.exit(1);
        }
    }

    /** {@code run} is false, {@code run --demo-data} true, anything else empty (a usage error). */
    static Optional<Boolean> demoDataOption(String... args) {
        if (args.length == 1 && args[0].equals("run")) {
            return Optional.of(false);
        }
        if (args.length == 2 && args[0].equals("run") && args[1].equals("--demo-data")) {
            return Optional.of(true);
        }
        return Optional.empty();
    }

    /** Starts the three servers in order; on failure stops those already started and says why. */
    private boolean start(boolean demoData) {
        try {
            List<String> taken = Ports.taken(PORTS);
            if (!taken.isEmpty()) {
                err.println("Hearth cannot start:");
                taken.forEach(port -> err.println("  " + port));
                err.println("Stop what uses them (another ./hearth run? ./mvnw verify uses the same ports) and try"
                        + " again.");
                return false;
            }
            List<String> missing = missingPieces(root);
            if (!missing.isEmpty()) {
                err.println("Hearth is not built: " + String.join(", ", missing)
                        + " missing. Build with ./mvnw install -DskipTests (./hearth run does it when needed).");
                return false;
            }
            Path logs = root.resolve(".hearth/logs");

            EmbeddedDatabase database = step(
                    "PostgreSQL",
                    "on port " + POSTGRES_PORT + " (data in .hearth/postgres, log in .hearth/logs/postgres.log)",
                    false,
                    () -> EmbeddedDatabase.start(
                            root.resolve(".hearth/postgres"), POSTGRES_PORT, false, logs.resolve("postgres.log")));
            // our shutdown hook stops it, after the servers that use it
            database.stopOnlyWhenClosed();

            step(
                    "the mail server",
                    "on port " + SMTP_PORT + " (each message sent saved in " + MAIL_FOLDER + ")",
                    false,
                    () -> LocalMail.start(SMTP_PORT, Optional.of(root.resolve(MAIL_FOLDER))));

            KeycloakServer keycloak = step(
                    "Keycloak",
                    "on port " + KEYCLOAK_PORT + " (log in .hearth/logs/keycloak.log)",
                    true,
                    () -> KeycloakServer.start(
                            root.resolve("config/target/keycloak"),
                            root.resolve("config/src/main/keycloak/hearth-realm.json"),
                            logs.resolve("keycloak.log"),
                            KEYCLOAK_PORT,
                            KEYCLOAK_MANAGEMENT_PORT));

            Map<String, String> environment = serverEnvironment(
                    database.jdbcUrl(),
                    new Credentials(database.user(), database.password()),
                    new Credentials(database.ownerUser(), database.ownerPassword()),
                    keycloak.realmUrl(),
                    demoData);
            environment.put("HEARTH_AUDIT_ANCHOR_FILE", auditAnchorFile(root).toString());
            step(
                    "WildFly",
                    "with Hearth on port 8080" + (demoData ? ", with demo data" : "")
                            + " (log in .hearth/logs/wildfly.log)",
                    true,
                    () -> WildFlyServer.start(
                            root.resolve("ear/target/server"), environment, logs.resolve("wildfly.log"), APP_URL));

            String keycloakUrl = keycloak.realmUrl().replace("/realms/hearth", "");
            if (demoData) {
                loadDemoSet(database, keycloakUrl);
            }
            // Keycloak imports its realm afresh at each start: staff made by ./hearth generate get their logins back
            runGenerator(database, keycloakUrl, "org.hearth.datagen.GeneratedLogins");
            out.println();
            out.print(welcome(keycloak.realmUrl(), demoData));
            return true;
        } catch (RuntimeException failed) {
            if (!stopRequested) {
                err.println();
                err.println("Hearth did not start: " + failed.getMessage());
                stopAll();
            }
            return false;
        } finally {
            startupOver.countDown();
        }
    }

    /**
     * The demo set of the data generator ({@code ./hearth generate --scale demo}): families, sessions, notes,
     * episodes and groups for the demo staff, once per database. Skipped, with a word, when the generator is not
     * built ({@code hearth.generator.classpath}) or fails: Hearth runs without it.
     */
    private void loadDemoSet(EmbeddedDatabase database, String keycloakUrl) {
        String classpath = System.getProperty("hearth.generator.classpath");
        if (classpath == null || classpath.isBlank()) {
            out.println("The data generator is not built: no demo families (./mvnw install -DskipTests builds it).");
            return;
        }
        out.println("Adding the demo families, sessions, notes, episodes and groups (once) ...");
        if (!runGenerator(
                database, keycloakUrl, "org.hearth.datagen.GenerateData", "--scale", "demo", "--if-missing")) {
            out.println("  The demo set was not added; Hearth runs without it.");
        }
    }

    /**
     * Runs one of the generator's programs on the stack's database and Keycloak, its output indented; whether it
     * succeeded. False, and nothing run, when the generator is not built.
     */
    private boolean runGenerator(EmbeddedDatabase database, String keycloakUrl, String mainClass, String... args) {
        String classpath = System.getProperty("hearth.generator.classpath");
        if (classpath == null || classpath.isBlank()) {
            return false;
        }
        String javaCommand = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(javaCommand, "-cp", classpath, mainClass));
        command.addAll(List.of(args));
        ProcessBuilder generator = new ProcessBuilder(command).redirectErrorStream(true);
        generator.environment().put("DB_URL", database.jdbcUrl());
        generator.environment().put("DB_USER", database.ownerUser());
        generator.environment().put("DB_PASSWORD", database.ownerPassword());
        generator.environment().put("KEYCLOAK_URL", keycloakUrl);
        try {
            Process process = generator.start();
            try (var lines = new java.io.BufferedReader(
                    new java.io.InputStreamReader(process.getInputStream(), java.nio.charset.StandardCharsets.UTF_8))) {
                lines.lines().forEach(line -> out.println("  " + line));
            }
            int exit = process.waitFor();
            if (exit != 0) {
                out.println(
                        "  (" + mainClass.substring(mainClass.lastIndexOf('.') + 1) + " ended with exit " + exit + ")");
            }
            return exit == 0;
        } catch (java.io.IOException e) {
            out.println("  " + e.getMessage());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** What the build makes and the start needs, relative to the repository root, when missing. */
    static List<String> missingPieces(Path root) {
        return Stream.of(
                        "config/target/keycloak/bin/kc.sh",
                        "config/src/main/keycloak/hearth-realm.json",
                        "ear/target/server/bin/standalone.sh",
                        "ear/target/server/standalone/deployments/hearth.ear")
                .filter(piece -> !Files.exists(root.resolve(piece)))
                .toList();
    }

    /** The local server's audit anchor file ({@link #AUDIT_ANCHOR_FILE}) in this repository. */
    static Path auditAnchorFile(Path root) {
        return root.resolve(AUDIT_ANCHOR_FILE);
    }

    /** A database role and its password. */
    record Credentials(String user, String password) {}

    /** What WildFly reads from its environment (see the README's production table), for the local stack. */
    static Map<String, String> serverEnvironment(
            String jdbcUrl, Credentials app, Credentials owner, String realmUrl, boolean demoData) {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("DB_URL", jdbcUrl);
        environment.put("DB_USER", app.user());
        environment.put("DB_PASSWORD", app.password());
        environment.put("DB_MIGRATION_USER", owner.user());
        environment.put("DB_MIGRATION_PASSWORD", owner.password());
        environment.put("OIDC_PROVIDER_URL", realmUrl);
        environment.put("OIDC_CLIENT_ID", "hearth-web");
        // the demo realm's dev-only secret (hearth-realm.json); production sets its own
        environment.put("OIDC_CLIENT_SECRET", "hearth-web-dev-secret");
        environment.put("HEARTH_BASE_URL", BASE_URL);
        // the local SMTP server started with the stack (LocalMail)
        environment.put("SMTP_HOST", "localhost");
        environment.put("SMTP_PORT", Integer.toString(SMTP_PORT));
        // explicit either way, so a value exported in the developer's shell does not decide
        environment.put("HEARTH_DEMO_DATA", Boolean.toString(demoData));
        // a developer's machine: the server accepts the dev secret and the local passwords above
        environment.put("HEARTH_DEVELOPMENT", "true");
        return environment;
    }

    /**
     * Starts one server, announcing it and how long it took. Ctrl-C meanwhile interrupts the wait for an
     * interruptible one (it then stops itself); otherwise the start-up ends after this step.
     */
    private <T extends AutoCloseable> T step(String name, String where, boolean interruptible, Supplier<T> start) {
        out.println("Starting " + name + " " + where + " ...");
        long began = System.nanoTime();
        T server;
        if (interruptible) {
            waitingForServer = Thread.currentThread();
        }
        try {
            server = start.get();
        } catch (RuntimeException failed) {
            if (stopRequested) {
                // it gave up waiting and stopped what it had started
                out.println("  " + name + " stopped before it was ready");
            }
            throw failed;
        } finally {
            waitingForServer = null;
            // an interrupt that came too late for this step must not hit the next one
            Thread.interrupted();
        }
        synchronized (this) {
            running.push(new Running(name, server));
        }
        out.printf("  %s is ready (%.1f s)%n", name, (System.nanoTime() - began) / 1e9);
        if (stopRequested) {
            throw new IllegalStateException("stopped while starting");
        }
        return server;
    }

    private void runUntilStopped() {
        try {
            // the shutdown hook does the stopping; the JVM ends when it is done
            Thread.currentThread().join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The shutdown hook (Ctrl-C): lets a start-up in progress give up, then stops what runs. */
    private void stopAtExit() {
        stopRequested = true;
        if (startupOver.getCount() > 0) {
            out.println();
            out.println("Stopping while starting ...");
            Thread waiting = waitingForServer;
            if (waiting != null) {
                waiting.interrupt();
            }
            try {
                startupOver.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        stopAll();
    }

    /** Stops the servers in the reverse order of their start, each with a line, waiting for each to end. */
    private synchronized void stopAll() {
        if (running.isEmpty()) {
            return;
        }
        out.println();
        while (!running.isEmpty()) {
            Running next = running.pop();
            out.println("Stopping " + next.name() + " ...");
            long began = System.nanoTime();
            try {
                next.server().close();
                out.printf("  %s stopped (%.1f s)%n", next.name(), (System.nanoTime() - began) / 1e9);
            } catch (Exception e) {
                err.println("  " + next.name() + " did not stop cleanly: " + e.getMessage());
            }
        }
        out.println("Hearth stopped.");
    }

    /** The box printed once everything runs: where to go, whom to sign in as, how to stop. */
    static String welcome(String realmUrl, boolean demoData) {
        List<String> lines = new ArrayList<>();
        lines.add("Hearth is running:  " + APP_URL);
        lines.add("Keycloak realm:     " + realmUrl);
        lines.add("  admin console:    http://localhost:" + KEYCLOAK_PORT + "/admin/  (admin / admin, dev only)");
        lines.add("API:                " + APP_URL + "api/v1/me  (bearer token of the realm)");
        lines.add("Mail sent:          " + MAIL_FOLDER + "/<n>.eml  (SMTP on localhost:" + SMTP_PORT
                + "; nothing leaves this machine)");
        lines.add("");
        lines.add("Demo logins:");
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("username", "password", "role(s)", "lands on"));
        for (DemoLogin login : DemoLogin.ALL) {
            rows.add(List.of(login.username(), DemoLogin.PASSWORD, String.join(", ", login.roles()), login.home()));
        }
        lines.addAll(columns(rows, "  "));
        if (!demoData) {
            lines.add("");
            lines.add("Started without --demo-data: no programs yet, so staff belong to none.");
        }
        lines.add("");
        lines.add("Press Ctrl-C to stop.");
        return box(lines);
    }

    private static List<String> columns(List<List<String>> rows, String indent) {
        int[] widths = new int[rows.get(0).size()];
        for (List<String> row : rows) {
            for (int i = 0; i < row.size(); i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        List<String> lines = new ArrayList<>();
        for (List<String> row : rows) {
            StringBuilder line = new StringBuilder(indent);
            for (int i = 0; i < row.size(); i++) {
                line.append(i < row.size() - 1 ? String.format("%-" + (widths[i] + 2) + "s", row.get(i)) : row.get(i));
            }
            lines.add(line.toString());
        }
        return lines;
    }

    private static String box(List<String> lines) {
        int width = lines.stream().mapToInt(String::length).max().orElse(0);
        String rule = "+" + "-".repeat(width + 4) + "+" + System.lineSeparator();
        StringBuilder box = new StringBuilder(rule);
        for (String line : lines) {
            box.append("|  ")
                    .append(line)
                    .append(" ".repeat(width - line.length()))
                    .append("  |")
                    .append(System.lineSeparator());
        }
        return box.append(rule).toString();
    }

    private static Map<Integer, String> ports() {
        Map<Integer, String> ports = new LinkedHashMap<>();
        ports.put(POSTGRES_PORT, "PostgreSQL");
        ports.put(KEYCLOAK_PORT, "Keycloak HTTP");
        ports.put(KEYCLOAK_MANAGEMENT_PORT, "Keycloak management");
        ports.put(SMTP_PORT, "SMTP (local mail)");
        ports.put(8080, "WildFly HTTP");
        ports.put(9990, "WildFly management");
        return Collections.unmodifiableMap(ports);
    }
}
