package org.hearth.report;

import java.nio.file.Path;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.hearth.launcher.EmbeddedDatabase;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * One real PostgreSQL 17 for the report tests of a run, started on first use on a free port, with a clean data
 * directory, migrated as the schema owner the way the server migrates it ({@code ${appRole}} is the application's
 * role). Tests read and write as the application's role (the access rules' tests too), as the server does. Each test builds its data in
 * programs of its own, so tests share the database without seeing each other's rows.
 */
public final class ReportDatabase {

    private static DataSource application;

    private static DataSource owner;

    private ReportDatabase() {}

    /** The application's connection to the migrated database. */
    public static synchronized DataSource dataSource() {
        if (application == null) {
            EmbeddedDatabase database = EmbeddedDatabase.start(Path.of("target", "report-postgres"), 0, true);
            Flyway.configure(ReportDatabase.class.getClassLoader())
                    .dataSource(database.jdbcUrl(), database.ownerUser(), database.ownerPassword())
                    .placeholders(Map.of("appRole", database.user()))
                    .locations("classpath:db/migration")
                    .load()
                    .migrate();
            PGSimpleDataSource source = new PGSimpleDataSource();
            source.setUrl(database.jdbcUrl());
            source.setUser(database.user());
            source.setPassword(database.password());
            application = source;
            PGSimpleDataSource schemaOwner = new PGSimpleDataSource();
            schemaOwner.setUrl(database.jdbcUrl());
            schemaOwner.setUser(database.ownerUser());
            schemaOwner.setPassword(database.ownerPassword());
            owner = schemaOwner;
        }
        return application;
    }

    /** The schema owner's connection, as the server's migrations use it. */
    public static synchronized DataSource ownerDataSource() {
        dataSource();
        return owner;
    }
}
