package org.hearth.web.security;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.hearth.persistence.DatabaseUnavailable;
import org.hearth.web.api.Problem;
import org.jboss.logging.Logger;

/**
 * The error page of any exception no other error page names. The database out of reach (stopped, restarting)
 * is a moment to wait out: 503, "try again in a minute", with {@code Retry-After}; anything else is the 500
 * page. Neither shows a stack trace; an API client gets a problem+json body either way.
 */
@WebServlet("/errors/server-error")
public class ServerErrorServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(ServerErrorServlet.class);

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        Object exception = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        Throwable thrown = exception instanceof Throwable t ? t : null;
        boolean api = ApiAwareOidcConfigResolver.isApi(AccessDeniedServlet.pathWithinApplication(request));
        if (DatabaseUnavailable.isCauseOf(thrown)) {
            // expected while the database restarts: one line, not a trace per request
            LOG.warnf(
                    "The database is out of reach (%s): answered 503 to %s",
                    rootMessage(thrown), AccessDeniedServlet.pathWithinApplication(request));
            response.setHeader("Retry-After", Integer.toString(DatabaseUnavailable.RETRY_AFTER_SECONDS));
            if (api) {
                ErrorResponses.writeProblem(
                        response, new Problem(503, "Service Unavailable", DatabaseUnavailable.MESSAGE));
                return;
            }
            response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            request.getRequestDispatcher("/errors/unavailable.xhtml").forward(request, response);
            return;
        }
        response.setStatus(HttpServletResponse.SC_INTERNAL_SERVER_ERROR);
        if (api) {
            ErrorResponses.writeProblem(
                    response, new Problem(500, "Internal Server Error", "Something went wrong; it has been logged."));
            return;
        }
        request.getRequestDispatcher("/errors/500.xhtml").forward(request, response);
    }

    private static String rootMessage(Throwable thrown) {
        Throwable root = thrown;
        while (root != null && root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == null ? "no exception" : root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
