package org.hearth.persistence;

import org.hearth.deployment.DevelopmentSettings;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.service.spi.ServiceContributor;

/**
 * Refuses development settings on a production server ({@link DevelopmentSettings}) at the first moment the
 * deployment runs code of Hearth's: Hibernate asks its service contributors before it builds any service, so
 * before it first connects to the database (as {@code DB_USER}, to learn its dialect), before the migrations
 * ({@link FlywayMigrationIntegrator}) and before any bean or page. Registered in {@code
 * META-INF/services/org.hibernate.service.spi.ServiceContributor}; it contributes nothing.
 */
public class DevelopmentSettingsCheck implements ServiceContributor {

    @Override
    public void contribute(StandardServiceRegistryBuilder serviceRegistryBuilder) {
        DevelopmentSettings.refuseInProduction();
    }
}
