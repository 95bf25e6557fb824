package org.hearth.web.security;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.hearth.web.api.Problem;

/** Writes problem+json bodies from the servlet error pages. */
final class ErrorResponses {

    private ErrorResponses() {}

    static void writeProblem(HttpServletResponse response, Problem problem) throws IOException {
        response.setStatus(problem.status());
        response.setContentType(Problem.MEDIA_TYPE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(problem.toJson());
    }
}
