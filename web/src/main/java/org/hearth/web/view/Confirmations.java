package org.hearth.web.view;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import java.text.MessageFormat;
import java.util.ResourceBundle;

/**
 * How a page confirms that an action was done, written once for every page (what was refused is
 * {@link Failures}' part): one message from the bundle at the top of the page.
 */
public final class Confirmations {

    private Confirmations() {}

    /**
     * Shows the bundle's text under {@code key}, with {@code arguments} in its {0}, {1}... places, as an
     * information message for the whole page.
     */
    public static void show(String key, Object... arguments) {
        FacesContext faces = FacesContext.getCurrentInstance();
        ResourceBundle i18n = faces.getApplication().getResourceBundle(faces, "i18n");
        String text =
                arguments.length == 0 ? i18n.getString(key) : MessageFormat.format(i18n.getString(key), arguments);
        faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, text, null));
    }

    /** {@link #show}, kept across the redirect that follows the action. */
    public static void showAfterRedirect(String key, Object... arguments) {
        show(key, arguments);
        FacesContext.getCurrentInstance().getExternalContext().getFlash().setKeepMessages(true);
    }
}
