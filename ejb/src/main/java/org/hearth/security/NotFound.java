package org.hearth.security;

/**
 * No record of this kind has the id asked for. Answered exactly as an id of a record the caller may not touch
 * ({@link Refused}): 403 with the same words, and both are in the audit trail, so whether a record exists is
 * never told to someone who may not see it.
 */
public final class NotFound extends Refusal {

    private static final long serialVersionUID = 1L;

    /** {@code what}: the kind of record in a few words ("family", "group session"). */
    public NotFound(String what, Object id) {
        super("no " + what + " " + id);
    }
}
