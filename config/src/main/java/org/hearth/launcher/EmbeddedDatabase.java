package org.hearth.launcher;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** A real PostgreSQL 17 from Maven Central's binaries, with the role and database {@code hearth}. */
public final class EmbeddedDatabase implements AutoCloseable {

    private static final String NAME = "hearth";

    private final EmbeddedPostgres postgres;

    private EmbeddedDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /**
     * Starts PostgreSQL on the port (0 for a free one) with its data in the directory, kept between
     * starts unless {@code clean}, and makes sure the role and database {@code hearth} exist.
     */
    public static EmbeddedDatabase start(Path dataDirectory, int port, boolean clean) {
        try {
            Files.createDirectories(dataDirectory);
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(clean)
                    .setServerConfig("max_connections", "100");
            if (port > 0) {
                builder.setPort(port);
            }
            EmbeddedDatabase database = new EmbeddedDatabase(builder.start());
            database.ensureHearthDatabase();
            return database;
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL did not start in " + dataDirectory, e);
        }
    }

    private void ensureHearthDatabase() {
        try (Connection admin = postgres.getPostgresDatabase().getConnection();
                Statement statement = admin.createStatement()) {
            if (!exists(statement, "select 1 from pg_roles where rolname = 'hearth'")) {
                statement.execute("create role hearth login password 'hearth'");
            }
            if (!exists(statement, "select 1 from pg_database where datname = 'hearth'")) {
                statement.execute("create database hearth owner hearth");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create the hearth database", e);
        }
    }

    private static boolean exists(Statement statement, String query) throws SQLException {
        try (ResultSet result = statement.executeQuery(query)) {
            return result.next();
        }
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + port() + "/" + NAME;
    }

    public String user() {
        return NAME;
    }

    public String password() {
        return NAME;
    }

    public int port() {
        return postgres.getPort();
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL did not stop cleanly", e);
        }
    }
}
