package org.hearth.audit;

import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.spi.CDI;
import java.util.Optional;

/**
 * Where the current request comes from, filled by the web layer for each HTTP request so the services know
 * it without knowing about HTTP: the client address (for the audit trail), the token's subject (which finds the
 * caller's staff record, {@link org.hearth.access.Caller}) and the signed-in browser
 * session's key, which names the emergency accesses opened in that session (an API call with a bearer
 * token has no session, so no emergency access reaches it).
 */
@RequestScoped
public class RequestOrigin {

    private String clientAddress;

    private String sessionKey;

    private String subject;

    public String getClientAddress() {
        return clientAddress;
    }

    public void setClientAddress(String clientAddress) {
        this.clientAddress = clientAddress;
    }

    /** The browser session's secret key, or null when the request has no session (an API token). */
    public String getSessionKey() {
        return sessionKey;
    }

    public void setSessionKey(String sessionKey) {
        this.sessionKey = sessionKey;
    }

    /** The signed-in user's token subject ({@code sub}), or null when the request is not signed in through OIDC. */
    public String getSubject() {
        return subject;
    }

    public void setSubject(String subject) {
        this.subject = subject;
    }

    /** The current request's token subject; empty outside a request or without a signed-in token. */
    public static Optional<String> subjectInRequest() {
        try {
            return Optional.ofNullable(
                    CDI.current().select(RequestOrigin.class).get().getSubject());
        } catch (ContextNotActiveException | IllegalStateException noRequest) {
            return Optional.empty();
        }
    }

    /** The current request's session key; empty outside a request or without a session. */
    public static Optional<String> sessionKeyInRequest() {
        try {
            return Optional.ofNullable(
                    CDI.current().select(RequestOrigin.class).get().getSessionKey());
        } catch (ContextNotActiveException | IllegalStateException noRequest) {
            return Optional.empty();
        }
    }
}
