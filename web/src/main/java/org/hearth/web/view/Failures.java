package org.hearth.web.view;

import jakarta.ejb.EJBAccessException;
import jakarta.faces.FacesException;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.EditableValueHolder;
import jakarta.faces.component.UIComponent;
import jakarta.faces.component.UISelectMany;
import jakarta.faces.context.FacesContext;
import jakarta.faces.convert.Converter;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.ResourceBundle;
import org.hearth.persistence.DatabaseUnavailable;
import org.hearth.security.Conflict;
import org.hearth.security.Invalid;
import org.hearth.security.NotFound;
import org.hearth.security.Refusal;
import org.hearth.security.Refused;

/**
 * How a page answers what a service refused, written once for every page (the REST layer has
 * its own mapper): a page opened outside one's rights is a 403 page (the service has audited it),
 * an unknown family a 404; an action refused shows its reason next to the fields or at the top of the
 * page, and the user keeps what they typed - also when the database was out of reach for a moment.
 */
public final class Failures {

    private Failures() {}

    /** The service's exception, unwrapped as the REST layer unwraps it. */
    public static Throwable causeOf(Throwable thrown) {
        return Refusal.causeOf(thrown);
    }

    /**
     * Whether the action was refused because someone else changed the record since the page read it (a stale
     * version): the page then keeps what was typed and offers to load the latest.
     */
    public static boolean isStale(RuntimeException thrown) {
        Throwable cause = causeOf(thrown);
        return cause instanceof Conflict conflict && conflict.getSubject() == Conflict.Subject.STALE
                || cause instanceof OptimisticLockException;
    }

    /**
     * Answers a page that could not be loaded: 403 for a refusal and for an id that names no record alike
     * (whether a record exists is not told). Anything else is rethrown to the 500 page.
     */
    public static void answerLoad(RuntimeException thrown) {
        Throwable cause = causeOf(thrown);
        int status;
        if (cause instanceof Refused || cause instanceof EJBAccessException || cause instanceof NotFound) {
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
                String field = Invalid.fieldOf(violation.getPropertyPath());
                String clientId = clientId(formId, field, renamed);
                // a field of another step or tab has no place on screen: say it at the top instead
                faces.addMessage(onScreen(faces, clientId), error(violation.getMessage()));
            }
            faces.addMessage(null, error(i18n.getString("failures.invalid")));
        } else if (cause instanceof Invalid invalid) {
            showInvalid(invalid, faces, i18n, formId, renamed);
        } else if (cause instanceof Conflict conflict) {
            ResourceBundle validation = validationMessages(faces);
            switch (conflict.getSubject()) {
                case CLASH -> {
                    faces.addMessage(null, error(i18n.getString("failures.clash")));
                    conflict.getReasons().forEach(r -> faces.addMessage(null, error(r.text(validation))));
                }
                case ENROLLMENT -> conflict.getReasons()
                        .forEach(r -> faces.addMessage(null, error(r.text(validation))));
                case LOCKED -> faces.addMessage(null, error(i18n.getString("failures.locked")));
                case IDENTITY -> faces.addMessage(null, error(conflict.getMessage()));
                case STALE -> faces.addMessage(
                        null,
                        error(
                                conflict.getRecord() == null
                                        ? i18n.getString("failures.conflict")
                                        : java.text.MessageFormat.format(
                                                i18n.getString("failures.conflict.named"), conflict.getRecord())));
            }
        } else if (cause instanceof OptimisticLockException) {
            faces.addMessage(null, error(i18n.getString("failures.conflict")));
        } else if (cause instanceof Refused || cause instanceof EJBAccessException || cause instanceof NotFound) {
            // a record that does not exist is refused in the words of one the caller may not touch
            faces.addMessage(null, error(i18n.getString("failures.denied")));
        } else if (DatabaseUnavailable.isCauseOf(thrown)) {
            // the database restarting: the change was not saved, and what was typed stays on the page to send again
            faces.addMessage(null, error(i18n.getString("failures.unavailable")));
        } else {
            throw thrown;
        }
        faces.validationFailed();
    }

    /**
     * Bad input: an intake's missing answers in one message; a consent's, a treatment provider's, a community
     * resource's or a gift's reasons next to their fields when shown;
     * any other reasons at the top of the page, each in the page's language.
     */
    private static void showInvalid(
            Invalid invalid, FacesContext faces, ResourceBundle i18n, String formId, Map<String, String> renamed) {
        ResourceBundle validation = validationMessages(faces);
        switch (invalid.getSubject()) {
            case INTAKE -> {
                StringBuilder list = new StringBuilder();
                invalid.getReasons().stream()
                        .map(r -> r.text(validation))
                        .distinct()
                        .forEach(text -> list.append(list.isEmpty() ? "" : " ").append(text));
                faces.addMessage(
                        null,
                        new FacesMessage(
                                FacesMessage.SEVERITY_ERROR, i18n.getString("failures.incomplete"), list.toString()));
            }
            case CONSENT, PROVIDER, SAFETY_PLAN, RESOURCE, RESOURCE_GIFT -> {
                for (Invalid.Reason reason : invalid.getReasons()) {
                    String clientId = clientId(formId, reason.field(), renamed);
                    faces.addMessage(onScreen(faces, clientId), error(reason.text(validation)));
                }
            }
            default -> invalid.getReasons().forEach(r -> faces.addMessage(null, error(r.text(validation))));
        }
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
                    // the model holds what was typed (the service refused after the update); an invalid input with
                    // no submitted value renders empty (Faces answers "" when empty strings are read as null), so
                    // what was typed is given back as the submitted text, to be corrected rather than typed again
                    Object typed = input.getValue();
                    input.setValid(false);
                    input.setSubmittedValue(asTyped(context, component, input, typed));
                }
            });
        } catch (FacesException notThere) {
            return null;
        }
        return shown[0] ? clientId : null;
    }

    /** The text an input would show for {@code value}: through its converter, or the type's, else as a string. */
    @SuppressWarnings("unchecked")
    private static Object asTyped(FacesContext faces, UIComponent component, EditableValueHolder input, Object value) {
        if (value == null || component instanceof UISelectMany) {
            return null;
        }
        Converter<Object> converter = (Converter<Object>) input.getConverter();
        if (converter == null) {
            converter = (Converter<Object>) faces.getApplication().createConverter(value.getClass());
        }
        return converter == null ? value.toString() : converter.getAsString(faces, component, value);
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
