package org.hearth.web.view;

import jakarta.enterprise.context.SessionScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

/**
 * The language Hearth is shown in for this session (the layout's {@code <f:view locale>} and
 * {@code <html lang>}): the first of the browser's preferred languages that Hearth speaks, English
 * otherwise, until the user picks the other one in the top bar.
 */
@Named
@SessionScoped
public class LanguagePreference implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Hearth's languages, as in faces-config.xml; the first is the default. */
    static final List<String> SUPPORTED = List.of("en", "es");

    private String language;

    public Locale getLocale() {
        return Locale.forLanguageTag(getLanguage());
    }

    /** The language's ISO 639 code, e.g. {@code es}. */
    public String getLanguage() {
        if (language == null) {
            language = firstSupported(
                    FacesContext.getCurrentInstance().getExternalContext().getRequestLocales());
        }
        return language;
    }

    /**
     * Switches to another of Hearth's languages and shows the same page again, in full (so the whole page,
     * {@code lang} included, is in that language), keeping the page's view parameters.
     */
    public String switchTo(String newLanguage) {
        if (SUPPORTED.contains(newLanguage)) {
            language = newLanguage;
        }
        return FacesContext.getCurrentInstance().getViewRoot().getViewId()
                + "?faces-redirect=true&includeViewParams=true";
    }

    static String firstSupported(Iterator<Locale> preferred) {
        while (preferred != null && preferred.hasNext()) {
            Locale locale = preferred.next();
            if (locale != null && SUPPORTED.contains(locale.getLanguage())) {
                return locale.getLanguage();
            }
        }
        return SUPPORTED.get(0);
    }
}
