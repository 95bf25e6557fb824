package org.hearth.groups;

import jakarta.ejb.ApplicationException;

/**
 * Recurrence text that Hearth cannot read or does not support: bad input, answered with 400; the message
 * names the part at fault. Hearth reads weekly rules only (see {@link GroupRecurrence#parse(String)}).
 */
@ApplicationException(rollback = true)
public class UnsupportedRecurrenceException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public UnsupportedRecurrenceException(String message) {
        super(message);
    }

    public UnsupportedRecurrenceException(String message, Throwable cause) {
        super(message, cause);
    }
}
