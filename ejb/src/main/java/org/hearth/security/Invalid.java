package org.hearth.security;

import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import java.io.Serializable;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Bad input: the request cannot be done as it is, for the reasons given, each about a field of the request.
 * Answered 400; a page shows each reason in the reader's language and the user keeps what they typed.
 */
public final class Invalid extends Refusal {

    private static final long serialVersionUID = 1L;

    private static final Pattern MESSAGE_ARGUMENT = Pattern.compile("@([A-Za-z_.0-9]+)");

    /** What could not be done, so the answer can say it in a sentence (and a page knows where to show it). */
    public enum Subject {
        /** A session's time, counselor, room or members. */
        BOOKING,
        /** A group session's attendance marks. */
        ATTENDANCE,
        /** A group's meeting rule (recurrence) that Hearth cannot keep. */
        RECURRENCE,
        /** An intake that cannot be completed yet. */
        INTAKE,
        /** An event of an engagement episode. */
        EPISODE_EVENT,
        /** A note, its signing or its review. */
        NOTE,
        /** A consent, or a disclosure it does not allow. */
        CONSENT,
        /** An emergency access, opening or review. */
        EMERGENCY_ACCESS,
        /** An administrator's change to staff or programs. */
        STAFF_CHANGE,
        /** A family's program, assignment or details. */
        FAMILY_CHANGE,
        /** A report's filter or range. */
        REPORT,
        /** A request parameter the resource itself cannot read (a malformed date). */
        REQUEST,
        /** An episode's ready plan: its needs, shortlist, interview answers, pre-authorization or preparations. */
        READY_PLAN,
        // issue 24: providers
        /** A treatment-provider directory entry. */
        PROVIDER,
        /** A treatment-locator file imported into the directory, refused as a whole. */
        PROVIDER_IMPORT,
        /** A referral to treatment or one of its steps (issue 24, referrals). */
        REFERRAL,
        // issue 25, safety
        /** A family's written safety plan, its review or its printing; or the lowering of a raised safety flag. */
        SAFETY_PLAN,
        // issue 25, resources
        /** A community-resource directory entry. */
        RESOURCE,
        /** Resources given to a family, or the sheet printed of them. */
        RESOURCE_GIFT,
        // issue 25, boundaries
        /** A family's boundary, its retirement, or its review in a session note. */
        BOUNDARY,
        // issue 25, wellbeing
        /** A PHQ-9 or GAD-7 measure: its member, day or answers. */
        WELLBEING_MEASURE,
        // issue 26, choices
        /** A member's choice about messages, changed by staff at the member's word. */
        MESSAGE_CHOICE
    }

    /**
     * One reason, about {@code field} (a path such as {@code members[1].phone}): a message key of
     * {@code ValidationMessages} with its arguments (an argument's {@code @key} is itself a message, said in the
     * reader's language: {@code @weekday.MONDAY}), or a text already written.
     */
    public record Reason(String field, String messageKey, List<String> arguments, boolean formatted, String written)
            implements Serializable {

        public Reason {
            arguments = List.copyOf(arguments);
        }

        /** A message with arguments, formatted ({@link MessageFormat}) in the reader's language. */
        public static Reason of(String field, String messageKey, String... arguments) {
            return new Reason(field, messageKey, List.of(arguments), true, null);
        }

        /** A message without arguments, said as the bundle writes it. */
        public static Reason plain(String field, String messageKey) {
            return new Reason(field, messageKey, List.of(), false, null);
        }

        /** A text already written (in English), said as it is in every language. */
        public static Reason written(String field, String text) {
            return new Reason(field, null, List.of(), false, text);
        }

        /** The reason in the language of {@code messages} (a {@code ValidationMessages} bundle). */
        public String text(ResourceBundle messages) {
            if (messageKey == null) {
                return written;
            }
            if (!formatted) {
                return messages.getString(messageKey);
            }
            Object[] values = arguments.stream()
                    .map(a -> MESSAGE_ARGUMENT
                            .matcher(a)
                            .replaceAll(m -> Matcher.quoteReplacement(
                                    messages.containsKey(m.group(1)) ? messages.getString(m.group(1)) : m.group())))
                    .toArray();
            return new MessageFormat(messages.getString(messageKey), messages.getLocale()).format(values);
        }

        /** The reason in the base (English) messages, for the API and logs. */
        public String englishText() {
            return text(englishMessages());
        }
    }

    private final Subject subject;
    private final List<Reason> reasons;

    public Invalid(Subject subject, List<Reason> reasons) {
        super(
                reasons.size() == 1 && reasons.get(0).messageKey() == null
                        ? reasons.get(0).written()
                        : subject + " refused: " + reasons);
        this.subject = subject;
        this.reasons = List.copyOf(reasons);
    }

    public Invalid(Subject subject, Reason reason) {
        this(subject, List.of(reason));
    }

    /** Bad input said in one English sentence written by the service, about no field in particular. */
    public static Invalid written(Subject subject, String text) {
        return new Invalid(subject, Reason.written(null, text));
    }

    /** A consent refused for one reason, about {@code field}. */
    public static Invalid consent(String field, String messageKey) {
        return new Invalid(Subject.CONSENT, Reason.plain(field, messageKey));
    }

    public Subject getSubject() {
        return subject;
    }

    public List<Reason> getReasons() {
        return reasons;
    }

    /**
     * The field a Bean Validation violation is about, as the request names it, without the method and parameter
     * names: {@code members[0].dateOfBirth}; a refused argument itself is named as the parameter (or "body").
     */
    public static String fieldOf(Path path) {
        StringBuilder field = new StringBuilder();
        String parameter = null;
        for (Path.Node node : path) {
            if (node.getKind() == ElementKind.PARAMETER) {
                parameter = node.getName();
                continue;
            }
            if (node.getKind() == ElementKind.METHOD) {
                continue;
            }
            if (node.isInIterable()) {
                field.append('[')
                        .append(node.getIndex() != null ? node.getIndex() : node.getKey())
                        .append(']');
            }
            if (node.getName() != null) {
                if (!field.isEmpty()) {
                    field.append('.');
                }
                field.append(node.getName());
            }
        }
        if (field.isEmpty()) {
            // a refused argument itself (the version of a closure): named as the body's property
            return parameter == null || parameter.matches("arg\\d+") ? "body" : parameter;
        }
        return field.toString();
    }

    /** The base (English) validation messages, whatever the server's default locale. */
    public static ResourceBundle englishMessages() {
        return ResourceBundle.getBundle(
                "ValidationMessages",
                Locale.ROOT,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_DEFAULT));
    }
}
