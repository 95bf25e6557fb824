package org.hearth.persistence;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.spi.BootstrapContext;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.integrator.spi.Integrator;
import org.hibernate.service.spi.SessionFactoryServiceRegistry;
import org.jboss.logging.Logger;

/**
 * Migrates the database with Flyway while Hibernate builds the persistence unit, before it validates
 * the schema: a {@code @Startup} bean would run too late. Registered in {@code
 * META-INF/services/org.hibernate.integrator.spi.Integrator}.
 *
 * <p>Development settings on a production server were refused before this runs ({@link
 * DevelopmentSettingsCheck}).
 *
 * <p>The demo data ({@code db/demo}) is added only when {@code HEARTH_DEMO_DATA=true} (the local run
 * command sets it); production databases never see it.
 */
public class FlywayMigrationIntegrator implements Integrator {

    static final String DATASOURCE = "java:jboss/datasources/HearthDS";

    /** The schema owner's datasource: the migrations run as the owner, the application as its own role. */
    static final String MIGRATION_DATASOURCE = "java:jboss/datasources/HearthMigrationDS";

    private static final Logger LOG = Logger.getLogger(FlywayMigrationIntegrator.class);

    @Override
    public void integrate(
            Metadata metadata, BootstrapContext bootstrapContext, SessionFactoryImplementor sessionFactory) {
        List<String> locations = new ArrayList<>(List.of("classpath:db/migration"));
        if (demoDataWanted()) {
            locations.add("classpath:db/demo");
        }
        var result = Flyway.configure(FlywayMigrationIntegrator.class.getClassLoader())
                .dataSource(lookupDataSource(MIGRATION_DATASOURCE))
                .placeholders(Map.of("appRole", applicationRole()))
                .locations(locations.toArray(String[]::new))
                // a database that once had demo data keeps working when it is started without it
                .ignoreMigrationPatterns("*:missing")
                .load()
                .migrate();
        LOG.infof(
                "Database schema at version %s (%d migrations applied now)",
                result.targetSchemaVersion, result.migrationsExecuted);
    }

    @Override
    public void disintegrate(SessionFactoryImplementor sessionFactory, SessionFactoryServiceRegistry serviceRegistry) {
        // nothing to release
    }

    static boolean demoDataWanted() {
        String value = System.getProperty("hearth.demo.data", System.getenv("HEARTH_DEMO_DATA"));
        return Boolean.parseBoolean(value);
    }

    private static DataSource lookupDataSource(String name) {
        try {
            return InitialContext.doLookup(name);
        } catch (NamingException e) {
            throw new IllegalStateException("The datasource " + name + " is not bound: is the server configured?", e);
        }
    }

    /** The role the application connects as, which the migrations grant rows to ({@code ${appRole}}). */
    private static String applicationRole() {
        try (Connection connection = lookupDataSource(DATASOURCE).getConnection()) {
            String role = connection.getMetaData().getUserName();
            if (role == null || !role.matches("[a-z_][a-z0-9_]*")) {
                throw new IllegalStateException("The application's database role '" + role
                        + "' is not a plain lower-case name; the migrations grant to it by name");
            }
            return role;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not connect as the application's role: " + e.getMessage(), e);
        }
    }
}
