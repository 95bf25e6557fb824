package org.hearth.security;

import jakarta.ejb.ApplicationException;
import jakarta.ejb.EJBAccessException;
import jakarta.ejb.EJBException;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;

/**
 * Every "no" a service answers with, in four kinds and no other: {@link NotFound} (an id that names no
 * record), {@link Refused} (not the caller's to touch), {@link Invalid} (bad input, naming each field and why)
 * and {@link Conflict} (the record stands where the change cannot be made: someone booked that time, the
 * intake is completed). Nothing is saved (the transaction rolls back). The REST layer maps them once to
 * problem+json, the pages once to Faces messages; a feature says what was refused in the message or a
 * subject, never with an exception type of its own.
 */
@ApplicationException(rollback = true)
public abstract sealed class Refusal extends RuntimeException permits NotFound, Refused, Invalid, Conflict {

    private static final long serialVersionUID = 1L;

    private boolean audited;

    Refusal(String message) {
        super(message);
    }

    /** True once the refusal is in the audit trail, so a refusal passing through two services is written once. */
    public boolean isAudited() {
        return audited;
    }

    public void markAudited() {
        this.audited = true;
    }

    /**
     * What a service threw, unwrapped from the container's {@link EJBException} and from the persistence
     * wrapper of a stale version, for the web layer's mappers.
     */
    public static Throwable causeOf(Throwable thrown) {
        Throwable cause = thrown;
        while ((cause instanceof EJBException && !(cause instanceof EJBAccessException)
                        || cause instanceof PersistenceException && cause.getCause() instanceof OptimisticLockException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
