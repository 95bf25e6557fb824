package org.hearth.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
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

    private final Process process;
    private final int httpPort;

    private KeycloakServer(Process process, int httpPort) {
        this.process = process;
        this.httpPort = httpPort;
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
        Process process;
        try {
            Path imports = keycloakHome.resolve("data/import");
            Files.createDirectories(imports);
            Files.copy(realmFile, imports.resolve("hearth-realm.json"), StandardCopyOption.REPLACE_EXISTING);
            deleteTree(keycloakHome.resolve("data/h2"));
            Files.createDirectories(logFile.toAbsolutePath().getParent());
            ProcessBuilder builder = new ProcessBuilder(
                            kc.toString(),
                            "start-dev",
                            "--http-port=" + httpPort,
                            "--http-management-port=" + managementPort,
                            "--health-enabled=true",
                            "--import-realm")
                    .directory(keycloakHome.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(logFile.toFile());
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
        return new KeycloakServer(process, httpPort);
    }

    /** {@code http://localhost:<httpPort>/realms/hearth} */
    public String realmUrl() {
        return "http://localhost:" + httpPort + "/realms/hearth";
    }

    /** Stops Keycloak and whatever it started, and waits until they have ended. */
    @Override
    public void close() {
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
