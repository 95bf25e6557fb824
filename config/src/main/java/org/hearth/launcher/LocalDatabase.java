package org.hearth.launcher;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The local stack's PostgreSQL alone, for the time of one command: {@code ./hearth backup} and {@code ./hearth
 * restore} when {@code ./hearth run} is stopped. Starts it on its port with its data ({@code .hearth/postgres}, a
 * new, empty database when that folder is missing), runs the command given as arguments with {@code DB_URL} and the
 * two roles' names and passwords in its environment, stops PostgreSQL and exits with the command's status.
 */
public final class LocalDatabase {

    private LocalDatabase() {}

    public static void main(String[] args) {
        Path root =
                Path.of(System.getProperty("hearth.root", ".")).toAbsolutePath().normalize();
        System.exit(run(root, List.of(args), System.out, System.err));
    }

    static int run(Path root, List<String> command, PrintStream out, PrintStream err) {
        if (command.isEmpty()) {
            err.println("usage: LocalDatabase <command and its arguments>");
            return 2;
        }
        if (!Ports.isFree(LocalStack.POSTGRES_PORT)) {
            err.println("Port " + LocalStack.POSTGRES_PORT + " is taken, by something other than the local stack's"
                    + " PostgreSQL: stop it and try again.");
            return 1;
        }
        Path data = root.resolve(".hearth/postgres");
        boolean fresh = !data.resolve("PG_VERSION").toFile().exists();
        out.println("Starting the local stack's PostgreSQL alone (" + (fresh ? "a new, empty database in " : "data in ")
                + root.relativize(data) + ") ...");
        try (EmbeddedDatabase database = EmbeddedDatabase.start(
                data, LocalStack.POSTGRES_PORT, false, root.resolve(".hearth/logs/postgres.log"))) {
            ProcessBuilder child = new ProcessBuilder(command).inheritIO();
            Map<String, String> environment = child.environment();
            environment.put("DB_URL", database.jdbcUrl());
            environment.put("DB_USER", database.user());
            environment.put("DB_PASSWORD", database.password());
            environment.put("DB_MIGRATION_USER", database.ownerUser());
            environment.put("DB_MIGRATION_PASSWORD", database.ownerPassword());
            environment.putIfAbsent(
                    "HEARTH_AUDIT_ANCHOR_FILE", LocalStack.auditAnchorFile(root).toString());
            try {
                return child.start().waitFor();
            } catch (IOException e) {
                err.println("Could not run " + command.get(0) + ": " + e.getMessage());
                return 1;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return 1;
            }
        } catch (IllegalStateException failed) {
            err.println(failed.getMessage());
            return 1;
        }
    }
}
