package org.hearth.web.security;

import jakarta.ejb.EJB;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.hearth.staff.StaffDirectory;

/**
 * Signs out of Hearth and of Keycloak: audits the sign-out, ends the HTTP session, then sends the
 * browser to Keycloak's end-session endpoint with the ID token as hint (RP-initiated logout), which
 * comes back to the application's start page, and so to the login page.
 */
@WebServlet("/signout")
public class SignOutServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @EJB
    private StaffDirectory staffDirectory;

    /**
     * Sign-out is a POST from Hearth's own pages: a link or image on another site (a GET) must not sign anyone
     * out, and the session cookie (SameSite=Lax) does not come along with another site's POST.
     */
    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("Allow", "POST");
        response.sendError(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.sendRedirect(signOut(request, staffDirectory));
    }

    /**
     * Signs the request's user out as this servlet does (audit, session ended) and answers where to send the
     * browser: Keycloak's end-session endpoint, which comes back to the start page and so to sign-in. For a page
     * that ends the session itself (the tablet page, after the member's answers are saved).
     */
    public static String signOut(HttpServletRequest request, StaffDirectory staffDirectory) {
        Optional<String> idToken = SignedInUser.idTokenOf(request);
        if (request.getUserPrincipal() != null) {
            staffDirectory.signOut();
        }
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        String comeBackTo = OidcSettings.baseUrl(request);
        if (idToken.isEmpty()) {
            return comeBackTo;
        }
        return OidcSettings.providerUrl() + "/protocol/openid-connect/logout"
                + "?client_id=" + encode(OidcSettings.clientId())
                + "&id_token_hint=" + encode(idToken.get())
                + "&post_logout_redirect_uri=" + encode(comeBackTo);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
