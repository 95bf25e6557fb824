package org.hearth.staff;

import jakarta.ejb.ApplicationException;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * An administrator's change to staff or programs that Hearth refuses as asked (a name another program has, a
 * closed program, deactivating oneself). The message key ({@code ValidationMessages}) says why in the reader's
 * language; the arguments are names the administrator sees anyway.
 */
@ApplicationException(rollback = true)
public class StaffChangeRefusedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String messageKey;
    private final String[] arguments;

    public StaffChangeRefusedException(String messageKey, String... arguments) {
        super(messageKey);
        this.messageKey = messageKey;
        this.arguments = arguments.clone();
    }

    public String getMessageKey() {
        return messageKey;
    }

    /** The refusal in the bundle's language. */
    public String text(ResourceBundle messages) {
        MessageFormat format = new MessageFormat(messages.getString(messageKey), messages.getLocale());
        return format.format(arguments);
    }

    /** The refusal in the base (English) messages, for logs and the API. */
    public String englishText() {
        return text(ResourceBundle.getBundle(
                "ValidationMessages",
                Locale.ROOT,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_DEFAULT)));
    }
}
