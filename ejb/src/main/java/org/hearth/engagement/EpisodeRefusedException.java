package org.hearth.engagement;

import jakarta.ejb.ApplicationException;
import java.io.Serializable;
import java.text.MessageFormat;
import java.util.List;
import java.util.ResourceBundle;

/**
 * An event cannot be recorded or voided as asked: each reason is a message key of {@code ValidationMessages}
 * with its arguments (a word written {@code @key} in an argument is itself a message, said in the reader's
 * language: {@code @EpisodeStatus.REFUSING})
 * and the field it is about. Nothing is saved. Answered 400.
 */
@ApplicationException(rollback = true)
public class EpisodeRefusedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** One reason, for a field of the event. */
    public record Reason(String field, String messageKey, List<String> arguments) implements Serializable {

        public Reason {
            arguments = List.copyOf(arguments);
        }

        public static Reason of(String field, String messageKey, String... arguments) {
            return new Reason(field, messageKey, List.of(arguments));
        }

        public String text(ResourceBundle messages) {
            Object[] values = arguments.stream()
                    .map(a -> java.util.regex.Pattern.compile("@([A-Za-z_.0-9]+)")
                            .matcher(a)
                            .replaceAll(m -> java.util.regex.Matcher.quoteReplacement(
                                    messages.containsKey(m.group(1)) ? messages.getString(m.group(1)) : m.group())))
                    .toArray();
            return new MessageFormat(messages.getString(messageKey), messages.getLocale()).format(values);
        }
    }

    private final List<Reason> reasons;

    public EpisodeRefusedException(List<Reason> reasons) {
        super("the episode event is refused: " + reasons);
        this.reasons = List.copyOf(reasons);
    }

    public List<Reason> getReasons() {
        return reasons;
    }
}
