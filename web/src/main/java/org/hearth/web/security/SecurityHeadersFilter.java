package org.hearth.web.security;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The headers every answer carries, pages and API alike: a Content-Security-Policy that lets the pages load
 * and talk only to Hearth itself, run no script Hearth did not stamp, and never be framed; no MIME sniffing,
 * no referrer sent elsewhere; HSTS when the request came over HTTPS (directly or through a proxy that says
 * so); and - for anything but static resources - no caching, since nearly every page holds a substance-use
 * record.
 *
 * <p>The policy is written once, as the context parameter {@code primefaces.CSP_POLICY} in {@code web.xml}.
 * This filter gives every answer that policy; on Faces pages PrimeFaces' CSP mode adds it again with a fresh
 * nonce appended to its last directive ({@code script-src}), having moved every inline script and event
 * handler behind that nonce. The answer keeps only the later policy (a page with both would be held to both,
 * and the first forbids the page's own stamped scripts).
 */
@WebFilter(
        urlPatterns = "/*",
        dispatcherTypes = {DispatcherType.REQUEST, DispatcherType.ERROR})
public class SecurityHeadersFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    static final String CONTENT_SECURITY_POLICY = "Content-Security-Policy";

    /** The context parameter holding the policy, which PrimeFaces reads too. */
    static final String POLICY_PARAMETER = "primefaces.CSP_POLICY";

    private String contentSecurityPolicy;

    @Override
    public void init() throws ServletException {
        contentSecurityPolicy = getServletContext().getInitParameter(POLICY_PARAMETER);
        if (contentSecurityPolicy == null || !contentSecurityPolicy.strip().endsWith("script-src 'self'")) {
            throw new ServletException(POLICY_PARAMETER + " must hold the Content-Security-Policy, its last"
                    + " directive script-src 'self' (PrimeFaces appends the page's nonce to it)");
        }
        contentSecurityPolicy = contentSecurityPolicy.strip().replaceAll("\\s+", " ");
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        headersFor(request, contentSecurityPolicy).forEach(response::setHeader);
        chain.doFilter(request, new OnePolicy(response));
    }

    /** The headers for this request, by name. */
    static Map<String, String> headersFor(HttpServletRequest request, String contentSecurityPolicy) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(CONTENT_SECURITY_POLICY, contentSecurityPolicy);
        headers.put("X-Frame-Options", "DENY");
        headers.put("X-Content-Type-Options", "nosniff");
        headers.put("Referrer-Policy", "same-origin");
        if (request.isSecure() || "https".equalsIgnoreCase(request.getHeader("X-Forwarded-Proto"))) {
            headers.put("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (!path.startsWith("/jakarta.faces.resource/") && !path.startsWith("/resources/")) {
            headers.put("Cache-Control", "no-store");
        }
        return headers;
    }

    /** A response on which a Content-Security-Policy added later replaces the one already set. */
    static final class OnePolicy extends HttpServletResponseWrapper {

        OnePolicy(HttpServletResponse response) {
            super(response);
        }

        @Override
        public void addHeader(String name, String value) {
            if (CONTENT_SECURITY_POLICY.equalsIgnoreCase(name)) {
                super.setHeader(name, value);
            } else {
                super.addHeader(name, value);
            }
        }
    }
}
