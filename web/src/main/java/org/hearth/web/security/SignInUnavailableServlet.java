package org.hearth.web.security;

import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * "Sign-in is unavailable right now; if you are signed in, keep working": where {@link SignInAvailability}
 * sends a new sign-in while Keycloak is out of reach. Public (web.xml), 503 with {@code Retry-After}.
 */
@WebServlet(SignInAvailability.UNAVAILABLE_PATH)
public class SignInUnavailableServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setHeader("Retry-After", "60");
        response.setHeader("Cache-Control", "no-store");
        request.getRequestDispatcher("/errors/sign-in-unavailable.xhtml").forward(request, response);
    }
}
