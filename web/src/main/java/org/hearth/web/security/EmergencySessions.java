package org.hearth.web.security;

import jakarta.ejb.EJB;
import jakarta.servlet.annotation.WebListener;
import jakarta.servlet.http.HttpSession;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;
import java.util.UUID;
import org.hearth.family.EmergencyAccesses;

/**
 * Ties emergency accesses to the staff member's session: a random key, kept only in the session, names
 * the accesses opened in it; when the session ends (sign-out or the idle timeout) they end with it.
 */
@WebListener
public class EmergencySessions implements HttpSessionListener {

    private static final String KEY = "hearth.emergency-session-key";

    @EJB
    private EmergencyAccesses accesses;

    /** The session's key, made on first use. */
    public static String keyOf(HttpSession session) {
        synchronized (session) {
            Object key = session.getAttribute(KEY);
            if (key == null) {
                key = UUID.randomUUID().toString();
                session.setAttribute(KEY, key);
            }
            return (String) key;
        }
    }

    @Override
    public void sessionDestroyed(HttpSessionEvent event) {
        Object key = event.getSession().getAttribute(KEY);
        if (key != null) {
            accesses.endSession((String) key);
        }
    }
}
