package org.hearth.web.view;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The layout's keep-alive: a page posts here while the user works in it, so typing or reading a long page
 * counts as activity for the session's idle timeout. It is not a Faces request, so it works whatever became
 * of the page's view. An expired session never gets here: the sign-in layer answers such a request with 401.
 */
@WebServlet("/session/keep-alive")
public class SessionKeepAliveServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) {
        request.getSession(false);
        response.setHeader("Cache-Control", "no-store");
        response.setStatus(HttpServletResponse.SC_NO_CONTENT);
    }
}
