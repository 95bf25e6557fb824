package org.hearth.web.security;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ResourceBundle;
import org.hearth.persistence.DatabaseUnavailable;
import org.hearth.web.api.Problem;
import org.jboss.logging.Logger;

/**
 * The error page of any exception no other error page names. The database out of reach (stopped, restarting)
 * is a moment to wait out: 503, "try again in a minute", with {@code Retry-After}; anything else is the 500
 * page. Neither shows a stack trace; an API client gets a problem+json body either way, and a page's AJAX action
 * that failed before reaching Faces (the staff check of every request reads the database) the sentence in the
 * page's messages, the page and what was typed in it left as they were.
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
        String page = pageOfCause(thrown);
        if (page != null) {
            // a refusal or an expired view that Faces wrapped (in a ServletException): the page web.xml names for it
            request.getRequestDispatcher(page).forward(request, response);
            return;
        }
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
            if ("partial/ajax".equals(request.getHeader("Faces-Request"))) {
                // a page's AJAX action (a save) that failed before reaching Faces: say so in the page's messages,
                // and leave the rest of the page - what the person typed - as it is, to send again
                writeAjaxMessage(request, response);
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

    /** A Faces partial response that replaces the layout's global messages ({@code messages}) with the sentence. */
    private static void writeAjaxMessage(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String text = ResourceBundle.getBundle("org.hearth.web.i18n.messages", request.getLocale())
                .getString("failures.unavailable")
                .replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;");
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType("text/xml");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader("Cache-Control", "no-store");
        response.getWriter()
                .write("<?xml version=\"1.0\" encoding=\"UTF-8\"?><partial-response><changes><update id=\"messages\">"
                        + "<![CDATA[<div id=\"messages\" class=\"ui-messages ui-widget\" aria-live=\"polite\">"
                        + "<div class=\"ui-messages-error ui-corner-all\"><span class=\"ui-messages-error-icon\"></span>"
                        + "<ul><li role=\"alert\" aria-atomic=\"true\"><span class=\"ui-messages-error-summary\">"
                        + text + "</span></li></ul></div></div>]]></update></changes></partial-response>");
    }

    /**
     * The error page web.xml names for a cause in the chain of a failure that reached this catch-all wrapped (Faces
     * wraps what a page throws in a {@code ServletException}, which the container matches to {@code Throwable}): a
     * refused page, script or call is refused (403, audited by the 403 page), an expired view is said so; else null.
     */
    static String pageOfCause(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof jakarta.faces.application.ViewExpiredException) {
                return "/errors/expired.xhtml";
            }
            if (t instanceof jakarta.faces.application.ProtectedViewException
                    || t instanceof org.primefaces.csp.CspException
                    || t instanceof jakarta.ejb.EJBAccessException
                    || t instanceof org.hearth.security.Refused) {
                return "/errors/access-denied";
            }
        }
        return null;
    }

    private static String rootMessage(Throwable thrown) {
        Throwable root = thrown;
        while (root != null && root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == null ? "no exception" : root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
