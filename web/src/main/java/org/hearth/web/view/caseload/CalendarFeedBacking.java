package org.hearth.web.view.caseload;

import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.io.Serializable;
import java.time.Instant;
import java.util.Map;
import org.hearth.feeds.CalendarFeeds;
import org.hearth.web.security.OidcSettings;
import org.hearth.web.view.Confirmations;
import org.hearth.web.view.Failures;

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
    private CalendarFeeds.FeedState feed;

    public Instant getLiveSince() {
        if (feed == null) {
            feed = feeds.feed();
        }
        return feed.liveSince();
    }

    /** A new address from the feed's version shown; when it changed meanwhile (another tab), its latest state. */
    public void makeAddress() {
        try {
            getLiveSince();
            String secret = feeds.newAddress(feed.version());
            HttpServletRequest request = (HttpServletRequest)
                    FacesContext.getCurrentInstance().getExternalContext().getRequest();
            address = OidcSettings.baseUrl(request) + "feeds/" + secret + ".ics";
            Confirmations.show("calendar.made");
        } catch (RuntimeException e) {
            Failures.show(e, "calendar-form", Map.of());
            address = null;
        }
        feed = feeds.feed();
    }

    public void stop() {
        try {
            getLiveSince();
            feeds.revoke(feed.version());
            address = null;
            Confirmations.show("calendar.stopped");
        } catch (RuntimeException e) {
            Failures.show(e, "calendar-form", Map.of());
        }
        feed = feeds.feed();
    }

    /** The address just made; null once the page is left (only its hash is kept). */
    public String getAddress() {
        return address;
    }
}
