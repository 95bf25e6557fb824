package org.hearth.notes;

import jakarta.ejb.ApplicationException;
import java.util.List;

/**
 * A note cannot be saved, signed or reviewed as asked: each reason is a message key of
 * {@code ValidationMessages} with its arguments and the field it is about. Nothing is saved. Answered 400.
 */
@ApplicationException(rollback = true)
public class NoteRefusedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** One reason, for the field it is about (a path of the content such as {@code plan} or {@code rulers[0].memberId}). */
    public record Reason(String field, String messageKey, List<String> arguments) implements java.io.Serializable {

        public Reason {
            arguments = List.copyOf(arguments);
        }

        public static Reason of(String field, String messageKey, String... arguments) {
            return new Reason(field, messageKey, List.of(arguments));
        }

        /** The reason in the language of {@code messages} (a {@code ValidationMessages} bundle). */
        public String text(java.util.ResourceBundle messages) {
            return new java.text.MessageFormat(messages.getString(messageKey), messages.getLocale())
                    .format(arguments.toArray());
        }
    }

    private final List<Reason> reasons;

    public NoteRefusedException(List<Reason> reasons) {
        super("the note is refused: " + reasons);
        this.reasons = List.copyOf(reasons);
    }

    public List<Reason> getReasons() {
        return reasons;
    }
}
