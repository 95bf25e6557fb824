package org.hearth.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** The WildFly the ear module built ({@code ear/target/server}), with the EAR in its deployments folder. */
public final class WildFlyServer implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(240);

    private final Process launcher;
    private final Path pidFile;

    private WildFlyServer(Process launcher, Path pidFile) {
        this.launcher = launcher;
        this.pidFile = pidFile;
    }

    /**
     * Starts the server with the given environment and waits until the EAR is deployed and the
     * application answers; fails fast, with the log, when the deployment fails.
     */
    public static WildFlyServer start(Path home, Map<String, String> environment, Path logFile, String appUrl) {
        Path standalone = home.resolve("bin/standalone.sh");
        Path deployments = home.resolve("standalone/deployments");
        if (!Files.isExecutable(standalone) || !Files.exists(deployments.resolve("hearth.ear"))) {
            throw new IllegalStateException(
                    home + " has no server with hearth.ear: build first (./mvnw install -DskipTests)");
        }
        try {
            for (String marker : new String[] {"hearth.ear.deployed", "hearth.ear.failed", "hearth.ear.undeployed"}) {
                Files.deleteIfExists(deployments.resolve(marker));
            }
            Path pidFile = home.resolve("standalone/hearth.pid");
            Files.deleteIfExists(pidFile);
            Files.createDirectories(logFile.toAbsolutePath().getParent());
            ProcessBuilder builder = new ProcessBuilder(standalone.toString())
                    .directory(home.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(logFile.toFile());
            builder.environment().putAll(environment);
            builder.environment().put("LAUNCH_JBOSS_IN_BACKGROUND", "1");
            builder.environment().put("JBOSS_PIDFILE", pidFile.toString());
            WildFlyServer server = new WildFlyServer(builder.start(), pidFile);
            try {
                Processes.await("WildFly", server.launcher, START_TIMEOUT, logFile, () -> {
                    if (Files.exists(deployments.resolve("hearth.ear.failed"))) {
                        throw new IllegalStateException("The deployment of hearth.ear failed: "
                                + read(deployments.resolve("hearth.ear.failed")) + "\nThe end of " + logFile + ":\n"
                                + Processes.tail(logFile));
                    }
                    return Files.exists(deployments.resolve("hearth.ear.deployed"))
                            && Processes.status(appUrl) > 0
                            && Processes.status(appUrl) < 500;
                });
            } catch (RuntimeException failed) {
                server.close();
                throw failed;
            }
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("WildFly did not start", e);
        }
    }

    @Override
    public void close() {
        Optional<ProcessHandle> java = javaProcess();
        java.ifPresent(handle -> Processes.stopTree(handle, Duration.ofSeconds(30)));
        Processes.stopTree(launcher.toHandle(), Duration.ofSeconds(10));
    }

    private Optional<ProcessHandle> javaProcess() {
        try {
            if (!Files.exists(pidFile)) {
                return Optional.empty();
            }
            return ProcessHandle.of(Long.parseLong(read(pidFile).trim()));
        } catch (NumberFormatException | UncheckedIOException e) {
            return Optional.empty();
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
