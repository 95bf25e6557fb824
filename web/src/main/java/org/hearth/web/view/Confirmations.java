package org.hearth.web.view;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import java.util.ResourceBundle;

/**
 * How a page confirms that an action was done, written once for every page (what was refused is
 * {@link Failures}' part): one message from the bundle at the top of the page.
 */
public final class Confirmations {

    private Confirmations() {}

    /** Shows the bundle's text under {@code key} as an information message for the whole page. */
    public static void show(String key) {
        FacesContext faces = FacesContext.getCurrentInstance();
        ResourceBundle i18n = faces.getApplication().getResourceBundle(faces, "i18n");
        faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, i18n.getString(key), null));
    }
}
