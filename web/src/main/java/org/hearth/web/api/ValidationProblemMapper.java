package org.hearth.web.api;

import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Bad input as problem+json with one entry per field. Needed beside {@link ProblemMappers} because
 * RESTEasy's own mapper for validation exceptions is more specific than a mapper of {@code Throwable}.
 */
@Provider
public class ValidationProblemMapper implements ExceptionMapper<ConstraintViolationException> {

    @Override
    public Response toResponse(ConstraintViolationException invalid) {
        return new ProblemMappers().toResponse(invalid);
    }
}
