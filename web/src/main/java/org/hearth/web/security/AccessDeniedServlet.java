package org.hearth.web.security;

import jakarta.ejb.EJB;
import jakarta.faces.application.ProtectedViewException;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.hearth.audit.AuditAction;
import org.hearth.audit.AuditEvent;
import org.hearth.audit.AuditTrail;
import org.hearth.web.api.Problem;
import org.primefaces.csp.CspException;

/**
 * The 403 error page. A page refused by the role rules of web.xml, or a protected view opened without its
 * token, is audited here (a refusal thrown by a service was already audited by the service layer); then the user sees the 403 page, or an API client a
 * problem+json body.
 */
@WebServlet("/errors/access-denied")
public class AccessDeniedServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @EJB
    private AuditTrail audit;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        String refusedPath = pathWithinApplication(request);
        Object exception = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        if (isProtectedView(exception)) {
            audit.record(AuditEvent.denied(
                    AuditAction.VIEW_PAGE,
                    "Page",
                    refusedPath,
                    "a page that changes records, opened without Hearth's token (a link from elsewhere)"));
        } else if (isForeignScript(exception)) {
            audit.record(AuditEvent.denied(
                    AuditAction.VIEW_PAGE,
                    "Page",
                    refusedPath,
                    "a page request without the page's script nonce (not sent by Hearth's page)"));
        } else if (exception == null) {
            audit.record(AuditEvent.denied(
                    AuditAction.VIEW_PAGE, "Page", refusedPath, "not allowed for the caller's roles"));
        }
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        if (ApiAwareOidcConfigResolver.isApi(refusedPath)) {
            ErrorResponses.writeProblem(response, new Problem(403, "Forbidden", "Your roles do not allow this."));
            return;
        }
        request.getRequestDispatcher("/errors/403.xhtml").forward(request, response);
    }

    /** Whether the refusal is a protected view opened without its token (Faces may wrap the exception). */
    private static boolean isProtectedView(Object exception) {
        for (Throwable t = exception instanceof Throwable thrown ? thrown : null; t != null; t = t.getCause()) {
            if (t instanceof ProtectedViewException) {
                return true;
            }
        }
        return false;
    }

    /** Whether the refusal is PrimeFaces' CSP check: an AJAX request that did not carry the page's nonce. */
    private static boolean isForeignScript(Object exception) {
        for (Throwable t = exception instanceof Throwable thrown ? thrown : null; t != null; t = t.getCause()) {
            if (t instanceof CspException) {
                return true;
            }
        }
        return false;
    }

    static String pathWithinApplication(HttpServletRequest request) {
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String path = uri == null ? request.getRequestURI() : uri.toString();
        return path.startsWith(request.getContextPath())
                ? path.substring(request.getContextPath().length())
                : path;
    }
}
