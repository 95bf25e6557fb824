package org.hearth.persistence;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * Tells a failure caused by the database being out of reach (stopped, restarting, the network between) from
 * any other: the first is a moment to wait out and is answered "try again in a minute" (503), never as a
 * server error with a trace. The pool (validation, the PostgreSQL exception sorter) replaces the broken
 * connections by itself once the database is back.
 */
public final class DatabaseUnavailable {

    /** What a person and an API client are told, in English (the pages say it in their language). */
    public static final String MESSAGE = "The records are unavailable for a moment; try again in a minute.";

    /** Seconds an API client is asked to wait ({@code Retry-After}). */
    public static final int RETRY_AFTER_SECONDS = 60;

    private DatabaseUnavailable() {}

    /**
     * Whether the failure, or any of its causes (however the pool, Hibernate, the transaction manager or the
     * container wrapped it), says the database could not be reached: a connection that could not be made or
     * was broken (SQLSTATE class 08), the server shutting down or starting (57P01 to 57P03), or the pool
     * unable to hand out a connection because it could make none.
     */
    public static boolean isCauseOf(Throwable thrown) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable t = thrown; t != null && seen.add(t); t = t.getCause()) {
            if (saysUnreachable(t)) {
                return true;
            }
            if (t instanceof SQLException sql) {
                for (SQLException next = sql.getNextException();
                        next != null && seen.add(next);
                        next = next.getNextException()) {
                    if (saysUnreachable(next)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static boolean saysUnreachable(Throwable t) {
        if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException) {
            return true;
        }
        if (t instanceof SQLException sql && sql.getSQLState() != null) {
            String state = sql.getSQLState();
            return state.startsWith("08") || state.equals("57P01") || state.equals("57P02") || state.equals("57P03");
        }
        // Hibernate's name for a failed or lost connection, whatever SQLSTATE the driver gave
        return t.getClass().getName().equals("org.hibernate.exception.JDBCConnectionException");
    }
}
