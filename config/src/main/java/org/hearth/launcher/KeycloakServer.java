package org.hearth.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Keycloak in development mode ({@code kc.sh start-dev}), from the distribution the config module
 * unpacked, with the hearth realm imported fresh from its JSON at every start: the file is the truth, and
 * nothing typed into the admin console survives a restart. The bootstrap admin is admin/admin, a
 * development value like everything here.
 */
public final class KeycloakServer implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(180);
    private static final Duration STOP_GRACE = Duration.ofSeconds(20);
    private static final Duration UNREADY_STOP_GRACE = Duration.ofSeconds(3);

    private final Path keycloakHome;
    private final Path logFile;
    private final int httpPort;
    private final int managementPort;
    private Process process;

    private KeycloakServer(Process process, Path keycloakHome, Path logFile, int httpPort, int managementPort) {
        this.process = process;
        this.keycloakHome = keycloakHome;
        this.logFile = logFile;
        this.httpPort = httpPort;
        this.managementPort = managementPort;
    }

    /**
     * Starts Keycloak on the two ports, with the realm file copied into {@code <home>/data/import/} and the
     * previous run's database ({@code <home>/data/h2}) deleted, its output in the log file; returns once
     * {@code http://localhost:<managementPort>/health/ready} answers 200. Fails, with the log's last lines,
     * when Keycloak ends or is not ready within 180 s.
     */
    public static KeycloakServer start(
            Path keycloakHome, Path realmFile, Path logFile, int httpPort, int managementPort) {
        Path kc = keycloakHome.resolve("bin/kc.sh");
        if (!Files.isExecutable(kc)) {
            throw new IllegalStateException(kc + " is missing: build first (./mvnw install -DskipTests)");
        }
        if (!Files.isRegularFile(realmFile)) {
            throw new IllegalStateException("The realm file " + realmFile + " is missing");
        }
        try {
            Path imports = keycloakHome.resolve("data/import");
            Files.createDirectories(imports);
            Files.copy(realmFile, imports.resolve("hearth-realm.json"), StandardCopyOption.REPLACE_EXISTING);
            deleteTree(keycloakHome.resolve("data/h2"));
            Files.createDirectories(logFile.toAbsolutePath().getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("Keycloak did not start from " + keycloakHome, e);
        }
        Process process = launch(keycloakHome, Redirect.to(logFile.toFile()), logFile, httpPort, managementPort);
        return new KeycloakServer(process, keycloakHome, logFile, httpPort, managementPort);
    }

    /**
     * Stops Keycloak as an outage would, keeping its database - the realm, its users and its signing keys - until
     * {@link #startAgain()}: for the fault tests (signed-in users and valid tokens must keep working).
     */
    public synchronized void stopForAWhile() {
        Processes.stopTree(process.toHandle(), STOP_GRACE);
    }

    /** Starts the Keycloak stopped by {@link #stopForAWhile()} again, on the same ports with the same database. */
    public synchronized void startAgain() {
        process = launch(keycloakHome, Redirect.appendTo(logFile.toFile()), logFile, httpPort, managementPort);
    }

    /** Runs {@code kc.sh start-dev} (importing the realm when its database lacks it) and waits until it is ready. */
    private static Process launch(Path keycloakHome, Redirect output, Path logFile, int httpPort, int managementPort) {
        Process process;
        try {
            ProcessBuilder builder = new ProcessBuilder(
                            keycloakHome.resolve("bin/kc.sh").toString(),
                            "start-dev",
                            "--http-port=" + httpPort,
                            "--http-management-port=" + managementPort,
                            "--health-enabled=true",
                            "--import-realm")
                    .directory(keycloakHome.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(output);
            Map<String, String> environment = builder.environment();
            environment.put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
            environment.put("KC_BOOTSTRAP_ADMIN_PASSWORD", "admin");
            environment.put("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m");
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Keycloak did not start from " + keycloakHome, e);
        }
        try {
            Processes.await(
                    "Keycloak",
                    process,
                    START_TIMEOUT,
                    logFile,
                    () -> Processes.status("http://localhost:" + managementPort + "/health/ready") == 200);
        } catch (RuntimeException failed) {
            // while starting, Keycloak may sit on SIGTERM for long; its data is rebuilt at every start anyway
            Processes.stopTree(process.toHandle(), UNREADY_STOP_GRACE);
            throw failed;
        }
        return process;
    }

    /** {@code http://localhost:<httpPort>/realms/hearth} */
    public String realmUrl() {
        return "http://localhost:" + httpPort + "/realms/hearth";
    }

    /** Stops Keycloak and whatever it started, and waits until they have ended. */
    @Override
    public synchronized void close() {
        Processes.stopTree(process.toHandle(), STOP_GRACE);
    }

    private static void deleteTree(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
