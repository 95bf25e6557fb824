package org.hearth.family;

import jakarta.ejb.ApplicationException;

/** An emergency access cannot be opened or reviewed as asked; the message key says why, in the reader's language. */
@ApplicationException(rollback = true)
public class EmergencyAccessRefusedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String messageKey;

    public EmergencyAccessRefusedException(String messageKey) {
        super(messageKey);
        this.messageKey = messageKey;
    }

    public String getMessageKey() {
        return messageKey;
    }
}
