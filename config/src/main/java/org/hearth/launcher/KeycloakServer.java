package org.hearth.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Keycloak 26 in development mode, from the distribution the config module unpacked, with the hearth
 * realm imported fresh from its JSON at every start (the realm file is the truth; nothing typed into the
 * admin console survives a restart). The bootstrap admin is admin/admin: a development value.
 */
public final class KeycloakServer implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(240);

    private final Process process;
    private final int httpPort;

    private KeycloakServer(Process process, int httpPort) {
        this.process = process;
        this.httpPort = httpPort;
    }

    /** Starts Keycloak and waits until its health endpoint says it is ready. */
    public static KeycloakServer start(
            Path keycloakHome, Path realmFile, Path logFile, int httpPort, int managementPort) {
        Path kc = keycloakHome.resolve("bin/kc.sh");
        if (!Files.isExecutable(kc)) {
            throw new IllegalStateException(kc + " is missing: build first (./mvnw install -DskipTests)");
        }
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
            builder.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
            builder.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", "admin");
            builder.environment().put("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m");
            KeycloakServer server = new KeycloakServer(builder.start(), httpPort);
            try {
                Processes.await(
                        "Keycloak",
                        server.process,
                        START_TIMEOUT,
                        logFile,
                        () -> Processes.status("http://localhost:" + managementPort + "/health/ready") == 200);
            } catch (RuntimeException failed) {
                server.close();
                throw failed;
            }
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("Keycloak did not start", e);
        }
    }

    public String realmUrl() {
        return "http://localhost:" + httpPort + "/realms/hearth";
    }

    @Override
    public void close() {
        Processes.stopTree(process.toHandle(), Duration.ofSeconds(20));
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
