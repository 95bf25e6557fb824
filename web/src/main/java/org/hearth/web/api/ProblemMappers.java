package org.hearth.web.api;

import jakarta.ejb.EJBAccessException;
import jakarta.ejb.EJBException;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.stream.Collectors;
import org.hearth.security.AccessDeniedException;
import org.hearth.staff.StaffIdentityConflictException;
import org.jboss.logging.Logger;

/**
 * Maps every exception the API can meet to a problem+json answer, once: refusals to 403 (already
 * audited by the services), bad input to 400 naming the fields, conflicts to 409, and anything
 * unexpected to a 500 without a stack trace (which goes to the server log instead).
 */
@Provider
public class ProblemMappers implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @Override
    public Response toResponse(Throwable thrown) {
        Throwable cause = unwrap(thrown);
        if (cause instanceof WebApplicationException web) {
            int status = web.getResponse().getStatus();
            return problem(new Problem(status, web.getResponse().getStatusInfo().getReasonPhrase(), null));
        }
        if (cause instanceof EJBAccessException || cause instanceof AccessDeniedException) {
            return problem(new Problem(
                    403,
                    "Forbidden",
                    cause instanceof AccessDeniedException ? cause.getMessage() : "Your roles do not allow this."));
        }
        if (cause instanceof ConstraintViolationException invalid) {
            String detail = invalid.getConstraintViolations().stream()
                    .map(v -> v.getPropertyPath() + ": " + v.getMessage())
                    .sorted()
                    .collect(Collectors.joining("; "));
            return problem(new Problem(400, "Bad Request", detail));
        }
        if (cause instanceof StaffIdentityConflictException conflict) {
            return problem(new Problem(409, "Conflict", conflict.getMessage()));
        }
        LOG.error("Unexpected error in the API", thrown);
        return problem(new Problem(500, "Internal Server Error", "Something went wrong; it has been logged."));
    }

    private static Throwable unwrap(Throwable thrown) {
        Throwable cause = thrown;
        while (cause instanceof EJBException && !(cause instanceof EJBAccessException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    private static Response problem(Problem problem) {
        return Response.status(problem.status())
                .type(Problem.MEDIA_TYPE)
                .entity(problem.toJson())
                .build();
    }
}
