package org.hearth.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The WildFly the ear module built ({@code ear/target/server}), with {@code hearth.ear} in its deployments
 * folder, started by {@code bin/standalone.sh}. The script runs the server's java process as its child and
 * writes its pid to a file; stopping goes to that process, since ending the script alone would leave the
 * server running.
 */
public final class WildFlyServer implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(240);
    private static final Duration STOP_GRACE = Duration.ofSeconds(30);
    private static final String EAR = "hearth.ear";

    private final Process script;
    private final Path pidFile;

    private WildFlyServer(Process script, Path pidFile) {
        this.script = script;
        this.pidFile = pidFile;
    }

    /**
     * Starts the server with these environment variables added to ours, its output in the log file, and
     * returns once {@code hearth.ear} is deployed and {@code appUrl} answers (any status below 500; it is a
     * redirect to the sign-in). Fails fast, with the log's last lines, when the deployment fails or the
     * server ends, and after 240 s.
     */
    public static WildFlyServer start(Path home, Map<String, String> environment, Path logFile, String appUrl) {
        Path standalone = home.resolve("bin/standalone.sh");
        Path deployments = home.resolve("standalone/deployments");
        if (!Files.isExecutable(standalone) || !Files.exists(deployments.resolve(EAR))) {
            throw new IllegalStateException(
                    home + " has no server with " + EAR + ": build first (./mvnw install -DskipTests)");
        }
        Path pidFile = home.resolve("standalone/hearth.pid");
        Process script;
        try {
            // markers from the last run would say "deployed" (or "failed") before this run has decided
            for (String marker : new String[] {".deployed", ".failed", ".undeployed", ".isdeploying", ".pending"}) {
                Files.deleteIfExists(deployments.resolve(EAR + marker));
            }
            Files.deleteIfExists(pidFile);
            Files.createDirectories(logFile.toAbsolutePath().getParent());
            ProcessBuilder builder = new ProcessBuilder(standalone.toString())
                    .directory(home.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(logFile.toFile());
            builder.environment().putAll(environment);
            builder.environment().put("LAUNCH_JBOSS_IN_BACKGROUND", "1");
            builder.environment().put("JBOSS_PIDFILE", pidFile.toString());
            script = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("WildFly did not start from " + home, e);
        }
        WildFlyServer server = new WildFlyServer(script, pidFile);
        try {
            Processes.await("WildFly", script, START_TIMEOUT, logFile, () -> {
                Path failed = deployments.resolve(EAR + ".failed");
                if (Files.exists(failed)) {
                    throw new IllegalStateException("The deployment of " + EAR + " failed: " + read(failed)
                            + "\nThe end of " + logFile + ":\n" + Processes.tail(logFile));
                }
                if (!Files.exists(deployments.resolve(EAR + ".deployed"))) {
                    return false;
                }
                int status = Processes.status(appUrl);
                return status > 0 && status < 500;
            });
        } catch (RuntimeException failed) {
            server.close();
            throw failed;
        }
        return server;
    }

    /** Stops the server (a graceful shutdown, forced after 30 s) and waits until it has ended. */
    @Override
    public void close() {
        serverProcess().ifPresent(java -> Processes.stopTree(java, STOP_GRACE));
        Processes.stopTree(script.toHandle(), STOP_GRACE);
    }

    private Optional<ProcessHandle> serverProcess() {
        try {
            return Files.exists(pidFile)
                    ? ProcessHandle.of(Long.parseLong(read(pidFile).trim()))
                    : Optional.empty();
        } catch (NumberFormatException | UncheckedIOException unreadable) {
            // not written yet: the java process is then still the script's child, which stopTree reaches
            return Optional.empty();
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
