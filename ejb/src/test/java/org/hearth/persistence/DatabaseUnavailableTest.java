package org.hearth.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ejb.EJBException;
import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class DatabaseUnavailableTest {

    @Test
    void aConnectionRefusedDeepInsideThePoolsAndContainersWrappersIsTheDatabaseBeingUnavailable() {
        // as WildFly reports it: the EJB layer, JPA, the pool's "unable to get managed connection", the driver
        SQLException refused = new SQLException("Connection to localhost:15432 refused.", "08001");
        Exception pool = new Exception(
                "IJ000453: Unable to get managed connection for java:jboss/datasources/HearthDS",
                new Exception("IJ031084: Unable to create connection", refused));
        Throwable thrown = new EJBException(new PersistenceException(new SQLException("IJ031019", pool)));

        assertThat(DatabaseUnavailable.isCauseOf(thrown)).isTrue();
    }

    @Test
    void aServerShuttingDownOrALostConnectionIsTheDatabaseBeingUnavailable() {
        assertThat(DatabaseUnavailable.isCauseOf(new PersistenceException(
                        new SQLException("terminating connection due to administrator command", "57P01"))))
                .isTrue();
        assertThat(DatabaseUnavailable.isCauseOf(new SQLException("An I/O error occurred", "08006")))
                .isTrue();
        SQLException batch = new SQLException("Batch entry 0 was aborted", "25P02");
        batch.setNextException(new SQLException("the database system is starting up", "57P03"));
        assertThat(DatabaseUnavailable.isCauseOf(batch)).isTrue();
    }

    @Test
    void otherDatabaseErrorsAndProgrammingErrorsAreNot() {
        assertThat(DatabaseUnavailable.isCauseOf(new PersistenceException(
                        new SQLException("duplicate key value violates unique constraint", "23505"))))
                .isFalse();
        assertThat(DatabaseUnavailable.isCauseOf(new IllegalStateException("a bug", new NullPointerException())))
                .isFalse();
        assertThat(DatabaseUnavailable.isCauseOf(null)).isFalse();
    }
}
