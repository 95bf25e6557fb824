package org.hearth.web.view;

import jakarta.ejb.EJBAccessException;
import jakarta.faces.FacesException;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.EditableValueHolder;
import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.ResourceBundle;
import org.hearth.engagement.EpisodeRefusedException;
import org.hearth.family.IntakeIncompleteException;
import org.hearth.family.RecordLockedException;
import org.hearth.notes.NoteRefusedException;
import org.hearth.schedule.AttendanceRefusedException;
import org.hearth.schedule.BookingRefusedException;
import org.hearth.schedule.EnrollmentRefusedException;
import org.hearth.schedule.ScheduleClashException;
import org.hearth.security.AccessDeniedException;
import org.hearth.security.RecordNotFoundException;
import org.hearth.web.api.ProblemMappers;

/**
 * How a page answers what a service refused, written once for every page (the REST layer has
 * {@link ProblemMappers}): a page opened outside one's rights is a 403 page (the service has audited it),
 * an unknown family a 404; an action refused shows its reason next to the fields or at the top of the
 * page, and the user keeps what they typed.
 */
public final class Failures {

    private Failures() {}

    /** The service's exception, unwrapped as the REST layer unwraps it. */
    public static Throwable causeOf(Throwable thrown) {
        return ProblemMappers.unwrap(thrown);
    }

    /**
     * Answers a page that could not be loaded: 403 for a refusal and for an id that names no record alike
     * (whether a record exists is not told). Anything else is rethrown to the 500 page.
     */
    public static void answerLoad(RuntimeException thrown) {
        Throwable cause = causeOf(thrown);
        int status;
        if (cause instanceof AccessDeniedException
                || cause instanceof EJBAccessException
                || cause instanceof RecordNotFoundException) {
            // a record that does not exist is refused as one the caller may not see: a page never tells which
            status = 403;
        } else {
            throw thrown;
        }
        FacesContext faces = FacesContext.getCurrentInstance();
        try {
            faces.getExternalContext().responseSendError(status, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        faces.responseComplete();
    }

    /**
     * Shows why an action failed. Field errors go to the input whose id follows the field's path inside
     * {@code formId} ({@code members[1].phone} -> {@code form:members:1:phone}); {@code renamed} maps a
     * path's last name to another input id where the rule is about several fields.
     */
    public static void show(RuntimeException thrown, String formId, Map<String, String> renamed) {
        Throwable cause = causeOf(thrown);
        FacesContext faces = FacesContext.getCurrentInstance();
        ResourceBundle i18n = faces.getApplication().getResourceBundle(faces, "i18n");
        if (cause instanceof ConstraintViolationException invalid) {
            for (ConstraintViolation<?> violation : invalid.getConstraintViolations()) {
                String field = ProblemMappers.fieldOf(violation.getPropertyPath());
                String clientId = clientId(formId, field, renamed);
                // a field of another step or tab has no place on screen: say it at the top instead
                faces.addMessage(onScreen(faces, clientId), error(violation.getMessage()));
            }
            faces.addMessage(null, error(i18n.getString("failures.invalid")));
        } else if (cause instanceof IntakeIncompleteException incomplete) {
            ResourceBundle validation = validationMessages(faces);
            StringBuilder list = new StringBuilder();
            incomplete.getMissing().stream()
                    .map(m -> validation.getString(m.messageKey()))
                    .distinct()
                    .forEach(text -> list.append(list.isEmpty() ? "" : " ").append(text));
            faces.addMessage(
                    null,
                    new FacesMessage(
                            FacesMessage.SEVERITY_ERROR, i18n.getString("failures.incomplete"), list.toString()));
        } else if (cause instanceof EpisodeRefusedException refused) {
            ResourceBundle validation = validationMessages(faces);
            refused.getReasons().forEach(r -> faces.addMessage(null, error(r.text(validation))));
        } else if (cause instanceof NoteRefusedException refused) {
            ResourceBundle validation = validationMessages(faces);
            refused.getReasons().forEach(r -> faces.addMessage(null, error(r.text(validation))));
        } else if (cause instanceof BookingRefusedException refused) {
            ResourceBundle validation = validationMessages(faces);
            refused.getRefusals().forEach(r -> faces.addMessage(null, error(r.text(validation))));
        } else if (cause instanceof ScheduleClashException clash) {
            ResourceBundle validation = validationMessages(faces);
            faces.addMessage(null, error(i18n.getString("failures.clash")));
            clash.getClashes().forEach(r -> faces.addMessage(null, error(r.text(validation))));
        } else if (cause instanceof AttendanceRefusedException refused) {
            ResourceBundle validation = validationMessages(faces);
            refused.getRefusals().forEach(r -> faces.addMessage(null, error(r.text(validation))));
        } else if (cause instanceof EnrollmentRefusedException refused) {
            faces.addMessage(null, error(refused.getRefusal().text(validationMessages(faces))));
        } else if (cause instanceof OptimisticLockException) {
            faces.addMessage(null, error(i18n.getString("failures.conflict")));
        } else if (cause instanceof RecordLockedException) {
            faces.addMessage(null, error(i18n.getString("failures.locked")));
        } else if (cause instanceof AccessDeniedException
                || cause instanceof EJBAccessException
                || cause instanceof RecordNotFoundException) {
            // a record that does not exist is refused in the words of one the caller may not touch
            faces.addMessage(null, error(i18n.getString("failures.denied")));
        } else if (cause instanceof org.hearth.consent.ConsentRefusedException refused) {
            ResourceBundle validation = validationMessages(faces);
            for (org.hearth.consent.ConsentRefusedException.Reason reason : refused.getReasons()) {
                String clientId = clientId(formId, reason.field(), renamed);
                faces.addMessage(onScreen(faces, clientId), error(validation.getString(reason.messageKey())));
            }
        } else if (cause instanceof org.hearth.family.EmergencyAccessRefusedException refused) {
            faces.addMessage(null, error(validationMessages(faces).getString(refused.getMessageKey())));
        } else if (cause instanceof org.hearth.staff.StaffChangeRefusedException refused) {
            faces.addMessage(null, error(refused.text(validationMessages(faces))));
        } else if (cause instanceof org.hearth.family.AssignmentRefusedException
                || cause instanceof org.hearth.family.UnknownProgramException
                || cause instanceof org.hearth.family.ChangeRefusedException
                || cause instanceof org.hearth.report.ReportRefusedException) {
            faces.addMessage(null, error(cause.getMessage()));
        } else {
            throw thrown;
        }
        faces.validationFailed();
    }

    /** The service's messages ({@code ValidationMessages}) in the page's language. */
    public static ResourceBundle validationMessages(FacesContext faces) {
        return ResourceBundle.getBundle(
                "ValidationMessages",
                faces.getViewRoot().getLocale(),
                Thread.currentThread().getContextClassLoader());
    }

    /**
     * The input's client id when it is on screen, marked invalid so that it says so (aria-invalid, the error
     * border) and its message is tied to it; null (a message at the top) when it is on another step or tab.
     */
    private static String onScreen(FacesContext faces, String clientId) {
        boolean[] shown = {false};
        try {
            faces.getViewRoot().invokeOnComponent(faces, clientId, (context, component) -> {
                UIComponent rendered = component;
                while (rendered != null && rendered.isRendered()) {
                    rendered = rendered.getParent();
                }
                shown[0] = rendered == null;
                if (shown[0] && component instanceof EditableValueHolder input) {
                    input.setValid(false);
                }
            });
        } catch (FacesException notThere) {
            return null;
        }
        return shown[0] ? clientId : null;
    }

    static String clientId(String formId, String field, Map<String, String> renamed) {
        String path = field;
        int lastDot = path.lastIndexOf('.');
        String last = lastDot < 0 ? path : path.substring(lastDot + 1);
        if (renamed.containsKey(last)) {
            path = (lastDot < 0 ? "" : path.substring(0, lastDot + 1)) + renamed.get(last);
        }
        return formId + ":" + path.replaceAll("\\[(\\d+)]\\.?", ":$1:").replace('.', ':');
    }

    private static FacesMessage error(String text) {
        return new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null);
    }
}
