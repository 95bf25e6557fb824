package org.hearth.web.security;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.wildfly.security.http.oidc.OidcClientConfiguration;
import org.wildfly.security.http.oidc.OidcClientConfigurationBuilder;
import org.wildfly.security.http.oidc.OidcClientConfigurationResolver;
import org.wildfly.security.http.oidc.OidcHttpFacade;
import org.wildfly.security.http.oidc.OidcJsonConfiguration;

/**
 * Chooses the OIDC behaviour by path, from the one {@code oidc.json}: requests under {@code /api/} are
 * bearer-only (a missing or bad token gets 401, never a login redirect); pages sign in through the
 * Keycloak login page, except AJAX requests of an expired session, which also get 401 so the page can
 * reload into the login page instead of silently doing nothing.
 */
public class ApiAwareOidcConfigResolver implements OidcClientConfigurationResolver {

    private static final String CONFIG = "/oidc.json";

    private final OidcClientConfiguration pages;
    private final OidcClientConfiguration api;

    public ApiAwareOidcConfigResolver() {
        OidcJsonConfiguration pagesJson = load();
        pagesJson.setAutodetectBearerOnly(true);
        this.pages = OidcClientConfigurationBuilder.build(pagesJson);
        OidcJsonConfiguration apiJson = load();
        apiJson.setBearerOnly(true);
        this.api = OidcClientConfigurationBuilder.build(apiJson);
    }

    @Override
    public OidcClientConfiguration resolve(OidcHttpFacade.Request request) {
        return isApi(request.getRelativePath()) ? api : pages;
    }

    static boolean isApi(String relativePath) {
        return relativePath != null && (relativePath.startsWith("/api/") || relativePath.equals("/api"));
    }

    private static OidcJsonConfiguration load() {
        try (InputStream json = ApiAwareOidcConfigResolver.class.getResourceAsStream(CONFIG)) {
            if (json == null) {
                throw new IllegalStateException(CONFIG + " is missing from the web module's classpath");
            }
            return OidcClientConfigurationBuilder.loadOidcJsonConfiguration(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
