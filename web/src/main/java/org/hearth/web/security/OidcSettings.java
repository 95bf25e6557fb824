package org.hearth.web.security;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The OIDC settings the web module needs beyond {@code oidc.json} (which the server reads itself): the
 * provider and client for RP-initiated sign-out, and the public base URL to come back to. Read from the
 * same environment variables, with the same local defaults.
 */
public final class OidcSettings {

    private OidcSettings() {}

    static String providerUrl() {
        return env("OIDC_PROVIDER_URL", "http://localhost:8180/realms/hearth");
    }

    static String clientId() {
        return env("OIDC_CLIENT_ID", "hearth-web");
    }

    /** The application's public URL, ending in a slash: HEARTH_BASE_URL, or the one this request came in on. */
    public static String baseUrl(HttpServletRequest request) {
        String configured = System.getenv("HEARTH_BASE_URL");
        String base = configured != null && !configured.isBlank()
                ? configured
                : request.getScheme() + "://" + request.getServerName() + ":" + request.getServerPort()
                        + request.getContextPath();
        return base.endsWith("/") ? base : base + "/";
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
