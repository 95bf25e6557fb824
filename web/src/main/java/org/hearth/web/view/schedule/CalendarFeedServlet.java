package org.hearth.web.view.schedule;

import jakarta.ejb.EJB;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.hearth.feeds.CalendarFeeds;

/**
 * {@code /feeds/<secret>.ics}: a counselor's calendar feed for calendar applications, which cannot sign
 * in: the secret in the address is the key. Unknown or revoked secrets get 404.
 */
@WebServlet("/feeds/*")
public class CalendarFeedServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @EJB
    private CalendarFeeds feeds;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo();
        String secret = path == null || !path.endsWith(".ics") ? null : path.substring(1, path.length() - 4);
        Optional<String> calendar = secret == null ? Optional.empty() : feeds.render(secret);
        if (calendar.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        response.setContentType("text/calendar; charset=UTF-8");
        response.setHeader("Cache-Control", "private, max-age=300");
        response.getOutputStream().write(calendar.get().getBytes(StandardCharsets.UTF_8));
    }
}
