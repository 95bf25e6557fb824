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
import java.util.Locale;
import java.util.ResourceBundle;
import org.hearth.calendar.BookingRefusedException;
import org.hearth.calendar.ScheduleClashException;
import org.hearth.calendar.ScheduleRefusal;
import org.hearth.engagement.EpisodeRefusedException;
import org.hearth.family.AssignmentRefusedException;
import org.hearth.family.ChangeRefusedException;
import org.hearth.family.IntakeIncompleteException;
import org.hearth.family.RecordLockedException;
import org.hearth.family.UnknownProgramException;
import org.hearth.groups.AttendanceRefusedException;
import org.hearth.groups.EnrollmentRefusedException;
import org.hearth.groups.UnsupportedRecurrenceException;
import org.hearth.notes.NoteRefusedException;
import org.hearth.security.Invalid;
import org.hearth.security.NotFound;
import org.hearth.security.Refusal;
import org.hearth.security.Refused;
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

    /** The answer to an id the caller may not touch, or that names no record: one and the same. */
    static final Problem NOT_YOURS =
            new Problem(403, "Forbidden", "This record does not exist, or it is not part of your work.");

    @Override
    public Response toResponse(Throwable thrown) {
        Throwable cause = Refusal.causeOf(thrown);
        if (cause instanceof WebApplicationException web) {
            int status = web.getResponse().getStatus();
            return problem(new Problem(status, web.getResponse().getStatusInfo().getReasonPhrase(), null));
        }
        if (cause instanceof EJBAccessException) {
            return problem(new Problem(403, "Forbidden", "Your roles do not allow this."));
        }
        if (cause instanceof Refused refused && refused.isDeactivatedAccount()) {
            return problem(new Problem(403, "Forbidden", Refused.DEACTIVATED_MESSAGE));
        }
        if (cause instanceof Refused || cause instanceof NotFound) {
            // the same answer for a record the caller may not touch and for one that does not exist, so that an
            // id's existence (and whose it is) is never told; the audit trail keeps which it was and the rule
            return problem(NOT_YOURS);
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
        if (cause instanceof UnknownProgramException
                || cause instanceof AssignmentRefusedException
                || cause instanceof ChangeRefusedException
                || cause instanceof org.hearth.report.ReportRefusedException) {
            return problem(new Problem(400, "Bad Request", cause.getMessage()));
        }
        if (cause instanceof IntakeIncompleteException incomplete) {
            ResourceBundle messages = englishMessages();
            List<Problem.FieldError> errors = incomplete.getMissing().stream()
                    .map(m -> new Problem.FieldError(m.field(), messages.getString(m.messageKey())))
                    .toList();
            return problem(new Problem(400, "Bad Request", "The intake is not complete yet.", errors));
        }
        if (cause instanceof EpisodeRefusedException refused) {
            ResourceBundle messages = englishMessages();
            return problem(new Problem(
                    400,
                    "Bad Request",
                    "The event cannot be recorded as it is.",
                    refused.getReasons().stream()
                            .map(r -> new Problem.FieldError(r.field(), r.text(messages)))
                            .toList()));
        }
        if (cause instanceof org.hearth.consent.ConsentRefusedException refused) {
            ResourceBundle messages = englishMessages();
            return problem(new Problem(
                    400,
                    "Bad Request",
                    "The consent does not allow this as it is.",
                    refused.getReasons().stream()
                            .map(r -> new Problem.FieldError(r.field(), messages.getString(r.messageKey())))
                            .toList()));
        }
        if (cause instanceof org.hearth.family.EmergencyAccessRefusedException refused) {
            return problem(new Problem(400, "Bad Request", englishMessages().getString(refused.getMessageKey())));
        }
        if (cause instanceof NoteRefusedException refused) {
            ResourceBundle messages = englishMessages();
            return problem(new Problem(
                    400,
                    "Bad Request",
                    "The note cannot be saved or signed as it is.",
                    refused.getReasons().stream()
                            .map(r -> new Problem.FieldError(r.field(), r.text(messages)))
                            .toList()));
        }
        if (cause instanceof BookingRefusedException refused) {
            return problem(new Problem(
                    400, "Bad Request", "The session cannot be booked then.", fieldErrors(refused.getRefusals())));
        }
        if (cause instanceof ScheduleClashException clash) {
            return problem(
                    new Problem(409, "Conflict", "Someone is already booked then.", fieldErrors(clash.getClashes())));
        }
        if (cause instanceof BadRequestProblem bad) {
            return problem(new Problem(
                    400,
                    "Bad Request",
                    bad.getMessage(),
                    List.of(new Problem.FieldError(bad.getField(), bad.getMessage()))));
        }
        if (cause instanceof AttendanceRefusedException refused) {
            return problem(new Problem(
                    400, "Bad Request", "The attendance cannot be saved.", fieldErrors(refused.getRefusals())));
        }
        if (cause instanceof EnrollmentRefusedException refused) {
            return problem(new Problem(
                    409, "Conflict", "The member cannot be enrolled.", fieldErrors(List.of(refused.getRefusal()))));
        }
        if (cause instanceof UnsupportedRecurrenceException) {
            return problem(new Problem(
                    400,
                    "Bad Request",
                    cause.getMessage(),
                    List.of(new Problem.FieldError("meetings", cause.getMessage()))));
        }
        if (cause instanceof RecordLockedException locked) {
            return problem(new Problem(409, "Conflict", locked.getMessage()));
        }
        if (cause instanceof OptimisticLockException) {
            return problem(new Problem(
                    409,
                    "Conflict",
                    "Someone else changed this record meanwhile: load it again and repeat your change."));
        }
        if (cause instanceof org.hearth.staff.StaffChangeRefusedException refused) {
            return problem(new Problem(400, "Bad Request", refused.englishText()));
        }
        if (cause instanceof StaffIdentityConflictException conflict) {
            return problem(new Problem(409, "Conflict", conflict.getMessage()));
        }
        LOG.error("Unexpected error in the API", thrown);
        return problem(new Problem(500, "Internal Server Error", "Something went wrong; it has been logged."));
    }

    /** The field's path inside the request, without the method and parameter names: {@code members[0].dateOfBirth}. */
    /** The base (English) validation messages, whatever the server's default locale. */
    private static ResourceBundle englishMessages() {
        return ResourceBundle.getBundle(
                "ValidationMessages",
                Locale.ROOT,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_DEFAULT));
    }

    private static List<Problem.FieldError> fieldErrors(List<ScheduleRefusal> refusals) {
        ResourceBundle messages = englishMessages();
        return refusals.stream()
                .map(r -> new Problem.FieldError(r.field(), r.text(messages)))
                .toList();
    }

    private static Response problem(Problem problem) {
        return Response.status(problem.status())
                .type(Problem.MEDIA_TYPE)
                .entity(problem.toJson())
                .build();
    }
}
