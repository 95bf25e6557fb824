package org.hearth.web.security;

import jakarta.inject.Inject;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.hearth.audit.RequestOrigin;

/**
 * Tells the services where the current request comes from: the client address (for the audit trail), the token's
 * subject (by which the services find the caller's staff record) and, for a
 * request of a signed-in browser session, the session's key, to which its emergency accesses belong.
 */
@WebFilter(
        urlPatterns = "/*",
        dispatcherTypes = {DispatcherType.REQUEST, DispatcherType.ERROR})
public class RequestOriginFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Inject
    private RequestOrigin origin;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        origin.setClientAddress(request.getRemoteAddr());
        SignedInUser.identityOf(request).ifPresent(identity -> origin.setSubject(identity.subject()));
        HttpSession session = request.getSession(false);
        if (session != null && request.getUserPrincipal() != null) {
            origin.setSessionKey(EmergencySessions.keyOf(session));
        }
        chain.doFilter(request, response);
    }
}
