package org.hearth.web.view;

import jakarta.enterprise.context.SessionScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Locale;
import java.util.Set;

/**
 * The language Hearth is shown in for this session: the browser's when it is Spanish or English, until
 * the user picks the other one in the top bar.
 */
@Named
@SessionScoped
public class LanguagePreference implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final Set<String> SUPPORTED = Set.of("en", "es");

    private Locale locale;

    public Locale getLocale() {
        if (locale == null) {
            Locale requested =
                    FacesContext.getCurrentInstance().getExternalContext().getRequestLocale();
            locale = requested != null && SUPPORTED.contains(requested.getLanguage())
                    ? Locale.forLanguageTag(requested.getLanguage())
                    : Locale.ENGLISH;
        }
        return locale;
    }

    public String getLanguage() {
        return getLocale().getLanguage();
    }

    /** Switches the language and shows the same page again, in full, in that language. */
    public String switchTo(String language) {
        if (SUPPORTED.contains(language)) {
            locale = Locale.forLanguageTag(language);
        }
        return FacesContext.getCurrentInstance().getViewRoot().getViewId() + "?faces-redirect=true";
    }
}
