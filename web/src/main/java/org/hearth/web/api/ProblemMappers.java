package org.hearth.web.api;

import jakarta.ejb.EJBAccessException;
import jakarta.json.bind.JsonbException;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Comparator;
import java.util.List;
import org.hearth.persistence.DatabaseUnavailable;
import org.hearth.security.Conflict;
import org.hearth.security.Invalid;
import org.hearth.security.NotFound;
import org.hearth.security.Refusal;
import org.hearth.security.Refused;
import org.jboss.logging.Logger;

/**
 * Maps every exception the API can meet to a problem+json answer, once: refusals to 403 (already
 * audited by the services), bad input to 400 naming the fields, conflicts to 409, the database out of reach to 503 "try again in a minute", and anything
 * unexpected to a 500 without a stack trace (which goes to the server log instead).
 */
@Provider
public class ProblemMappers implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    /** The answer to an id the caller may not touch, or that names no record: one and the same. */
    static final Problem NOT_YOURS =
            new Problem(403, "Forbidden", "This record does not exist, or it is not part of your work.");

    /** The answer to a change made from a stale version, whoever noticed it (the service or the database). */
    static final Problem STALE = new Problem(
            409, "Conflict", "Someone else changed this record meanwhile: load it again and repeat your change.");

    @Override
    public Response toResponse(Throwable thrown) {
        Throwable cause = Refusal.causeOf(thrown);
        if (cause instanceof Refusal refusal) {
            return problem(problemOf(refusal));
        }
        if (cause instanceof WebApplicationException web) {
            int status = web.getResponse().getStatus();
            return problem(new Problem(status, web.getResponse().getStatusInfo().getReasonPhrase(), null));
        }
        if (cause instanceof EJBAccessException) {
            return problem(new Problem(403, "Forbidden", "Your roles do not allow this."));
        }
        if (cause instanceof ConstraintViolationException invalid) {
            List<Problem.FieldError> errors = invalid.getConstraintViolations().stream()
                    .map(v -> new Problem.FieldError(Invalid.fieldOf(v.getPropertyPath()), v.getMessage()))
                    .sorted(Comparator.comparing(Problem.FieldError::field).thenComparing(Problem.FieldError::message))
                    .toList();
            return problem(new Problem(400, "Bad Request", "Some fields need correcting.", errors));
        }
        if (cause instanceof ProcessingException || cause instanceof JsonbException) {
            return problem(new Problem(400, "Bad Request", "The request body is not valid JSON for this call."));
        }
        if (cause instanceof OptimisticLockException) {
            return problem(STALE); // a version the database itself found stale, at the flush
        }
        if (DatabaseUnavailable.isCauseOf(thrown)) {
            // the database restarting is a moment to wait out, not a server error: one line in the log
            LOG.warnf("The database is out of reach: answered 503 (%s)", thrown);
            return Response.fromResponse(problem(new Problem(503, "Service Unavailable", DatabaseUnavailable.MESSAGE)))
                    .header("Retry-After", DatabaseUnavailable.RETRY_AFTER_SECONDS)
                    .build();
        }
        LOG.error("Unexpected error in the API", thrown);
        return problem(new Problem(500, "Internal Server Error", "Something went wrong; it has been logged."));
    }

    /**
     * The answer to each kind of refusal, the one place the API says no: an id not found and a record not the
     * caller's alike (403, the same words, so an id's existence and whose it is are never told; the audit trail
     * keeps which it was), bad input (400, naming each field in English), a conflict (409, naming what stands
     * in the way).
     */
    static Problem problemOf(Refusal refusal) {
        if (refusal instanceof Refused refused) {
            return refused.isDeactivatedAccount()
                    ? new Problem(403, "Forbidden", Refused.DEACTIVATED_MESSAGE)
                    : NOT_YOURS;
        }
        if (refusal instanceof NotFound) {
            return NOT_YOURS;
        }
        if (refusal instanceof Invalid invalid) {
            List<Invalid.Reason> reasons = invalid.getReasons();
            return switch (invalid.getSubject()) {
                case BOOKING -> badRequest("The session cannot be booked then.", reasons);
                case ATTENDANCE -> badRequest("The attendance cannot be saved.", reasons);
                case INTAKE -> badRequest("The intake is not complete yet.", reasons);
                case EPISODE_EVENT -> badRequest("The event cannot be recorded as it is.", reasons);
                case NOTE -> badRequest("The note cannot be saved or signed as it is.", reasons);
                case CONSENT -> badRequest("The consent does not allow this as it is.", reasons);
                case READY_PLAN -> badRequest("The ready plan cannot be saved as it is.", reasons);
                case PROVIDER -> badRequest("The provider's details cannot be saved as they are.", reasons);
                case PROVIDER_IMPORT -> badRequest(
                        "Nothing was imported: the file has problems, each named by row and column.", reasons);
                case REFERRAL -> badRequest("The referral or its step cannot be recorded as it is.", reasons);
                case SAFETY_PLAN -> badRequest("The safety plan or the flag cannot be changed as it is.", reasons);
                case RESOURCE -> badRequest("The resource's details cannot be saved as they are.", reasons);
                case RESOURCE_GIFT -> badRequest("The resources cannot be given or printed as asked.", reasons);
                case BOUNDARY -> badRequest("The boundary or its review cannot be saved as it is.", reasons);
                case WELLBEING_MEASURE -> badRequest("The measure cannot be saved as it is.", reasons);
                case MESSAGE_CHOICE -> badRequest(
                        "The member's choice about messages cannot be saved as it is.", reasons);
                    // one reason, about one field: said as the detail and as the field's error
                case RECURRENCE, REQUEST -> badRequest(reasons.get(0).englishText(), reasons);
                    // one reason about the request as a whole: said as the detail only
                case EMERGENCY_ACCESS, STAFF_CHANGE, FAMILY_CHANGE, REPORT -> new Problem(
                        400, "Bad Request", reasons.get(0).englishText());
            };
        }
        Conflict conflict = (Conflict) refusal;
        return switch (conflict.getSubject()) {
            case CLASH -> new Problem(
                    409, "Conflict", "Someone is already booked then.", fieldErrors(conflict.getReasons()));
            case ENROLLMENT -> new Problem(
                    409, "Conflict", "The member cannot be enrolled.", fieldErrors(conflict.getReasons()));
            case LOCKED, IDENTITY -> new Problem(409, "Conflict", conflict.getMessage());
            case STALE -> conflict.getRecord() == null
                    ? STALE
                    : new Problem(
                            409,
                            "Conflict",
                            "Someone else changed this " + conflict.getRecord()
                                    + " meanwhile: load it again and repeat your change.");
        };
    }

    private static Problem badRequest(String detail, List<Invalid.Reason> reasons) {
        return new Problem(400, "Bad Request", detail, fieldErrors(reasons));
    }

    private static List<Problem.FieldError> fieldErrors(List<Invalid.Reason> reasons) {
        return reasons.stream()
                .map(r -> new Problem.FieldError(r.field(), r.englishText()))
                .toList();
    }

    private static Response problem(Problem problem) {
        return Response.status(problem.status())
                .type(Problem.MEDIA_TYPE)
                .entity(problem.toJson())
                .build();
    }
}
