package org.hearth.web.view.caseload;

import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.io.Serializable;
import java.time.Instant;
import org.hearth.feeds.CalendarFeeds;
import org.hearth.web.security.OidcSettings;
import org.hearth.web.view.Confirmations;

/**
 * The counselor's calendar feed on "My caseload": make an address (shown once, to copy into a phone's
 * calendar), or stop it.
 */
@Named
@ViewScoped
public class CalendarFeedBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private CalendarFeeds feeds;

    private String address;
    private Instant liveSince;
    private boolean loaded;

    public Instant getLiveSince() {
        if (!loaded) {
            liveSince = feeds.liveSince().orElse(null);
            loaded = true;
        }
        return liveSince;
    }

    public void makeAddress() {
        String secret = feeds.newAddress();
        HttpServletRequest request = (HttpServletRequest)
                FacesContext.getCurrentInstance().getExternalContext().getRequest();
        address = OidcSettings.baseUrl(request) + "feeds/" + secret + ".ics";
        liveSince = feeds.liveSince().orElse(null);
        loaded = true;
        Confirmations.show("calendar.made");
    }

    public void stop() {
        feeds.revoke();
        address = null;
        liveSince = null;
        Confirmations.show("calendar.stopped");
    }

    /** The address just made; null once the page is left (only its hash is kept). */
    public String getAddress() {
        return address;
    }
}
