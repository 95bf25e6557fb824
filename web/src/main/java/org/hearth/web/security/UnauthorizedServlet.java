package org.hearth.web.security;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.hearth.web.api.Problem;

/**
 * The 401 error page: an API call without a valid bearer token, or an AJAX request of an expired
 * session. Both get a short body and keep the 401; a page reloads itself into the login page.
 */
@WebServlet("/errors/unauthorized")
public class UnauthorizedServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        ErrorResponses.writeProblem(
                response,
                new Problem(401, "Unauthorized", "Sign in first: send a valid bearer token of the hearth realm."));
    }
}
