package org.hearth.web.view.education;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.hearth.education.EducationTopic;
import org.hearth.education.Handouts;

/**
 * The pages' handout links: {@code /handouts/<slug>.pdf?lang=en|es} opens a topic's one-page handout for a signed-in
 * staff member (the pages' sign-in; the API serves the same PDFs at {@code /api/v1/handouts} to bearer tokens). A
 * handout holds no family's data. An unknown topic is 404, a language without handouts 400.
 */
@WebServlet("/handouts/*")
public class HandoutServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo() == null ? "" : request.getPathInfo();
        Optional<EducationTopic> topic = path.matches("/[a-z-]+\\.pdf")
                ? EducationTopic.ofSlug(path.substring(1, path.length() - ".pdf".length()))
                : Optional.empty();
        if (topic.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND, "There is no such handout.");
            return;
        }
        String lang = request.getParameter("lang") == null ? "en" : request.getParameter("lang");
        if (!Handouts.speaks(lang)) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST, "Handouts are written in en or es.");
            return;
        }
        byte[] pdf = Handouts.pdf(topic.get(), lang);
        response.setContentType("application/pdf");
        response.setHeader("Content-Disposition", "inline; filename=\"" + Handouts.fileName(topic.get(), lang) + "\"");
        response.setContentLength(pdf.length);
        response.getOutputStream().write(pdf);
    }
}
