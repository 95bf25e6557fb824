package org.hearth.web.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.hearth.web.api.Problem;
import org.jboss.logging.Logger;
import org.wildfly.security.http.oidc.AccessToken;
import org.wildfly.security.http.oidc.OidcPrincipal;

/**
 * The API accepts only tokens issued to Hearth's own clients. The realm signs tokens for every client it
 * has (a reporting tool, another clinic application); the server checks their signature, issuer and
 * lifetime, but not whom they were issued to. So a token is accepted only when its authorized party
 * ({@code azp}), or failing that its audience, is the web client ({@code OIDC_CLIENT_ID}) or one of the
 * API clients named in {@code HEARTH_API_CLIENTS} (comma-separated; the dev-only password-grant client
 * {@code hearth-dev-cli} by default). Any other token gets 401, as a token that is not valid at all.
 */
@WebFilter(urlPatterns = "/api/*", filterName = "ApiTokenClientFilter")
public class ApiTokenClientFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(ApiTokenClientFilter.class);

    private final Set<String> clients = acceptedClients(
            OidcSettings.clientId(), System.getenv().getOrDefault("HEARTH_API_CLIENTS", "hearth-dev-cli"));

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request.getUserPrincipal() instanceof OidcPrincipal<?> principal) {
            AccessToken token = principal.getOidcSecurityContext().getToken();
            if (token != null && !issuedToHearth(token.getClaimValueAsString("azp"), token.getAudience(), clients)) {
                LOG.warnf(
                        "refused an API token issued to client %s, not to Hearth", token.getClaimValueAsString("azp"));
                ErrorResponses.writeProblem(
                        response,
                        new Problem(
                                401,
                                "Unauthorized",
                                "This token was not issued to Hearth: sign in through one of Hearth's clients."));
                return;
            }
        }
        chain.doFilter(request, response);
    }

    /** The web client and the configured API clients. */
    static Set<String> acceptedClients(String webClient, String apiClients) {
        return Stream.concat(Stream.of(webClient), Arrays.stream(apiClients.split(",")))
                .map(String::strip)
                .filter(name -> !name.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }

    /** The token names one of Hearth's clients as the party it was issued to, or (without one) as its audience. */
    static boolean issuedToHearth(String authorizedParty, List<String> audience, Set<String> clients) {
        if (authorizedParty != null) {
            return clients.contains(authorizedParty);
        }
        return audience != null && audience.stream().anyMatch(clients::contains);
    }
}
