package org.hearth.web.security;

import jakarta.ejb.EJB;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.hearth.security.Refused;
import org.hearth.staff.StaffDirectory;
import org.hearth.web.api.Problem;
import org.wildfly.security.http.oidc.AccessToken;
import org.wildfly.security.http.oidc.OidcPrincipal;

/**
 * Hearth refuses a staff member an administrator has deactivated, on every page and API request, even while
 * Keycloak still accepts their password and their tokens are still valid: 403 with a page, or a problem+json
 * body, saying so. The database answers (one indexed query per signed-in request, {@link
 * StaffDirectory#refusesCaller}), so a deactivation holds on every node of a cluster at once. Signing out, the
 * error pages and what is public stay reachable.
 */
@WebFilter(urlPatterns = "/*", filterName = "DeactivatedStaffFilter")
public class DeactivatedStaffFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    /** Paths that need no active staff record: public resources, the API document (not its page), calendar feeds, signing out, error pages. */
    private static final List<String> OPEN = List.of(
            "/jakarta.faces.resource/",
            "/resources/",
            "/api-docs/openapi.",
            "/feeds/",
            "/m/",
            "/favicon.ico",
            "/signout",
            "/errors/");

    @EJB
    private StaffDirectory staffDirectory;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (request.getUserPrincipal() instanceof OidcPrincipal<?> principal
                && !isOpen(path)
                && staffDirectory.refusesCaller(subjectOf(principal), path)) {
            if (ApiAwareOidcConfigResolver.isApi(path)) {
                ErrorResponses.writeProblem(response, new Problem(403, "Forbidden", Refused.DEACTIVATED_MESSAGE));
                return;
            }
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            request.getRequestDispatcher("/errors/deactivated.xhtml").forward(request, response);
            return;
        }
        chain.doFilter(request, response);
    }

    static boolean isOpen(String path) {
        return OPEN.stream().anyMatch(open -> path.equals(open) || path.startsWith(open)) || path.isEmpty();
    }

    private static String subjectOf(OidcPrincipal<?> principal) {
        AccessToken token = principal.getOidcSecurityContext().getToken();
        return token == null ? null : token.getSubject();
    }
}
