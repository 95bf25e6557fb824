package org.hearth.launcher;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** What the servers have in common: waiting for them, reading their logs, ending their process trees. */
final class Processes {

    private static final int TAIL_LINES = 40;

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(2))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    private Processes() {}

    /** The HTTP status of a GET, or -1 when nothing answers. */
    static int status(String url) {
        try {
            return HTTP.send(
                            HttpRequest.newBuilder(URI.create(url))
                                    .timeout(Duration.ofSeconds(5))
                                    .GET()
                                    .build(),
                            HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /**
     * Waits until the condition holds. Fails with the log's last lines when the process ends or time runs
     * out, and at once when the waiting thread is interrupted (Ctrl-C while starting).
     */
    static void await(String what, Process process, Duration timeout, Path log, BooleanSupplier ready) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!ready.getAsBoolean()) {
            if (!process.isAlive()) {
                throw new IllegalStateException(what + " stopped while starting (exit code " + process.exitValue()
                        + "); the end of " + log + ":\n" + tail(log));
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(what + " was not ready after " + timeout.toSeconds() + " s; the end of "
                        + log + ":\n" + tail(log));
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(what + " start interrupted", e);
            }
        }
    }

    /** The last lines of a log, to put into an error message. */
    static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - TAIL_LINES), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    /**
     * Ends the process and everything it started: politely (SIGTERM) first, by force after the grace
     * period. Returns once every one of them has ended, even when the calling thread was interrupted.
     */
    static void stopTree(ProcessHandle root, Duration grace) {
        boolean interrupted = Thread.interrupted();
        try {
            List<ProcessHandle> all = new ArrayList<>(root.descendants().toList());
            all.add(root);
            all.forEach(ProcessHandle::destroy);
            for (ProcessHandle handle : all) {
                awaitExit(handle, grace);
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void awaitExit(ProcessHandle handle, Duration grace) {
        try {
            handle.onExit().get(grace.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception stillRunning) {
            handle.destroyForcibly();
            try {
                handle.onExit().get(10, TimeUnit.SECONDS);
            } catch (Exception ignored) {
                // a process that survives SIGKILL for ten seconds is beyond our reach
            }
        }
    }
}
