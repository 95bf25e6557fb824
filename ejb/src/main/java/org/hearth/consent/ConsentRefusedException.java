package org.hearth.consent;

import jakarta.ejb.ApplicationException;
import java.util.List;

/**
 * A consent cannot be recorded or revoked, or a record cannot be disclosed, as asked: each reason is a field
 * and a message key (ValidationMessages), shown in the reader's language; 400 over the API.
 */
@ApplicationException(rollback = true)
public class ConsentRefusedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** One reason: the field it is about and its message key. */
    public record Reason(String field, String messageKey) implements java.io.Serializable {}

    private final List<Reason> reasons;

    public ConsentRefusedException(List<Reason> reasons) {
        super(reasons.toString());
        this.reasons = List.copyOf(reasons);
    }

    public static ConsentRefusedException of(String field, String messageKey) {
        return new ConsentRefusedException(List.of(new Reason(field, messageKey)));
    }

    public List<Reason> getReasons() {
        return reasons;
    }
}
