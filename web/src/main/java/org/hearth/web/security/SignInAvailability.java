package org.hearth.web.security;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.servlet.ServletExtension;
import io.undertow.servlet.api.DeploymentInfo;
import io.undertow.servlet.handlers.ServletRequestContext;
import io.undertow.util.Headers;
import io.undertow.util.StatusCodes;
import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.List;
import org.wildfly.security.http.oidc.OidcAccount;

/**
 * Keycloak out of reach: a page request that would be sent to Keycloak's sign-in page (nobody is signed in in
 * this session, or the session's sign-in needs renewing) goes to Hearth's own "Sign-in is unavailable right
 * now" page instead of to a sign-in page the browser cannot load. It runs before the OIDC sign-in (an Undertow
 * handler around the security handlers, registered in {@code META-INF/services}), and only then asks whether
 * Keycloak answers ({@link ProviderReachability}). Signed-in users, the API (bearer tokens, checked against the
 * realm's cached keys) and public resources are never held up here.
 */
public class SignInAvailability implements ServletExtension {

    static final String UNAVAILABLE_PATH = "/sign-in-unavailable";

    /** Served without sign-in (web.xml's public collection, plus this page itself). */
    private static final List<String> PUBLIC_PREFIXES = List.of(
            "/jakarta.faces.resource/",
            "/resources/",
            "/api-docs/openapi.",
            "/favicon.ico",
            "/feeds/",
            // message links (issue 26): a family member without an account
            "/m/",
            "/errors/",
            UNAVAILABLE_PATH);

    @Override
    public void handleDeployment(DeploymentInfo deployment, ServletContext context) {
        ProviderReachability provider = new ProviderReachability(OidcSettings.providerUrl());
        deployment.addOuterHandlerChainWrapper(next -> new Check(next, provider));
    }

    private record Check(HttpHandler next, ProviderReachability provider) implements HttpHandler {

        @Override
        public void handleRequest(HttpServerExchange exchange) throws Exception {
            ServletRequestContext servlet = exchange.getAttachment(ServletRequestContext.ATTACHMENT_KEY);
            if (servlet != null
                    && servlet.getServletRequest() instanceof HttpServletRequest request
                    && wouldBeSentToSignIn(request)
                    && !provider.answers()) {
                exchange.setStatusCode(StatusCodes.FOUND);
                exchange.getResponseHeaders().put(Headers.LOCATION, request.getContextPath() + UNAVAILABLE_PATH);
                exchange.endExchange();
                return;
            }
            next.handleRequest(exchange);
        }
    }

    /**
     * Whether the OIDC sign-in would send this request to Keycloak: a page (not the API, which answers 401
     * itself, nor a public resource) in a session without a sign-in, or whose sign-in has expired and would be
     * renewed at Keycloak; not Keycloak's own return to Hearth with a code.
     */
    static boolean wouldBeSentToSignIn(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (!needsSignIn(path, request.getQueryString())) {
            return false;
        }
        HttpSession session = request.getSession(false);
        Object account = session == null ? null : session.getAttribute(OidcAccount.class.getName());
        return !(account instanceof OidcAccount signedIn && isActive(signedIn));
    }

    /**
     * Whether a request for the path (within the application) needs a signed-in user who may have to be sent to
     * Keycloak: a page, not the API (which answers 401 itself), not a public resource, and not Keycloak's return
     * with a code (read from the query string: a form's body is left to the page).
     */
    static boolean needsSignIn(String path, String query) {
        if (ApiAwareOidcConfigResolver.isApi(path) || PUBLIC_PREFIXES.stream().anyMatch(path::startsWith)) {
            return false;
        }
        return query == null || !(query.contains("code=") && query.contains("state="));
    }

    private static boolean isActive(OidcAccount account) {
        try {
            return account.getOidcSecurityContext().isActive();
        } catch (RuntimeException unknown) {
            return false;
        }
    }
}
