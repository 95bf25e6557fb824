package org.hearth.providers;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.hearth.security.Invalid;

/**
 * What a directory entry must look like, field by field, for a person typing it and for a row of an import alike:
 * a name, a two-letter state, a ZIP of 5 or 5+4 digits, a phone a person can dial (10 digits, an optional leading 1
 * and extension), an http(s) website, a typical wait of 0 to 365 days, known language codes, and a confirmation day
 * that is not in the future. Each reason names the field of {@link ProviderDetails} it is about.
 */
public final class ProviderRules {

    public static final int NAME_LENGTH = 200;
    public static final int STREET_LENGTH = 200;
    public static final int CITY_LENGTH = 100;
    public static final int PHONE_LENGTH = 40;
    public static final int WEBSITE_LENGTH = 300;
    public static final int INTAKE_HOURS_LENGTH = 200;
    public static final int NOTES_LENGTH = 1000;
    public static final int LONGEST_WAIT_DAYS = 365;

    private static final Pattern STATE = Pattern.compile("[A-Z]{2}");
    private static final Pattern ZIP = Pattern.compile("\\d{5}(-\\d{4})?");
    private static final Pattern PHONE_CHARACTERS = Pattern.compile("[0-9 ()+.\\-]+");
    private static final Pattern EXTENSION = Pattern.compile("(?i)\\s*(ext\\.?|x)\\s*\\d{1,6}$");

    private ProviderRules() {}

    /**
     * The details as Hearth keeps them: text stripped, blank text as none, the state in capitals, the languages in
     * lower case. Checked afterwards by {@link #reasons}.
     */
    public static ProviderDetails normalized(ProviderDetails details) {
        TreeSet<String> languages = new TreeSet<>();
        for (String language : details.languages()) {
            if (language != null && !language.isBlank()) {
                languages.add(language.strip().toLowerCase(Locale.ROOT));
            }
        }
        return new ProviderDetails(
                stripped(details.name()),
                stripped(details.street()),
                stripped(details.city()),
                stateOf(stripped(details.state())),
                stripped(details.zip()),
                stripped(details.phone()),
                stripped(details.website()),
                details.levelsOfCare(),
                details.medications(),
                details.payments(),
                languages,
                details.populations(),
                details.coOccurringCare(),
                stripped(details.intakeHours()),
                details.typicalWaitDays(),
                details.confirmedOn(),
                stripped(details.notes()));
    }

    /** Why the (normalized) details cannot be kept, one reason per field at fault; empty when they can. */
    public static List<Invalid.Reason> reasons(ProviderDetails details, LocalDate today) {
        List<Invalid.Reason> reasons = new ArrayList<>();
        if (details.name() == null) {
            reasons.add(Invalid.Reason.plain("name", "provider.name.required"));
        } else if (details.name().length() > NAME_LENGTH) {
            reasons.add(Invalid.Reason.of("name", "provider.length", String.valueOf(NAME_LENGTH)));
        }
        tooLong(reasons, "street", details.street(), STREET_LENGTH);
        tooLong(reasons, "city", details.city(), CITY_LENGTH);
        if (details.state() != null && !STATE.matcher(details.state()).matches()) {
            reasons.add(Invalid.Reason.of("state", "provider.state.format", details.state()));
        }
        if (details.zip() != null && !ZIP.matcher(details.zip()).matches()) {
            reasons.add(Invalid.Reason.of("zip", "provider.zip.format", details.zip()));
        }
        if (details.phone() != null && !isPlausiblePhone(details.phone())) {
            reasons.add(Invalid.Reason.of("phone", "provider.phone.format", details.phone()));
        }
        if (details.website() != null && !isWebsite(details.website())) {
            reasons.add(Invalid.Reason.of("website", "provider.website.format", details.website()));
        }
        for (String language : details.languages()) {
            if (!ProviderLanguages.isKnown(language)) {
                reasons.add(Invalid.Reason.of(
                        "languages",
                        "provider.language.unknown",
                        language,
                        String.join(", ", ProviderLanguages.CODES)));
            }
        }
        tooLong(reasons, "intakeHours", details.intakeHours(), INTAKE_HOURS_LENGTH);
        Integer wait = details.typicalWaitDays();
        if (wait != null && (wait < 0 || wait > LONGEST_WAIT_DAYS)) {
            reasons.add(Invalid.Reason.of("typicalWaitDays", "provider.wait.range", String.valueOf(wait)));
        }
        if (details.confirmedOn() == null) {
            reasons.add(Invalid.Reason.plain("confirmedOn", "provider.confirmedOn.required"));
        } else if (details.confirmedOn().isAfter(today)) {
            reasons.add(Invalid.Reason.of(
                    "confirmedOn",
                    "provider.confirmedOn.future",
                    details.confirmedOn().toString()));
        }
        tooLong(reasons, "notes", details.notes(), NOTES_LENGTH);
        return reasons;
    }

    /**
     * A phone number a person can dial in the US: digits with the usual separators, 10 digits (11 with a leading
     * 1), and an optional extension ({@code ext. 12}, {@code x12}).
     */
    static boolean isPlausiblePhone(String phone) {
        if (phone.length() > PHONE_LENGTH) {
            return false;
        }
        String number = EXTENSION.matcher(phone).replaceFirst("");
        if (!PHONE_CHARACTERS.matcher(number).matches()) {
            return false;
        }
        String digits = number.replaceAll("\\D", "");
        return digits.length() == 10 && digits.charAt(0) >= '2'
                || digits.length() == 11 && digits.charAt(0) == '1' && digits.charAt(1) >= '2';
    }

    /** An absolute http or https address with a host, at most {@value #WEBSITE_LENGTH} characters. */
    static boolean isWebsite(String website) {
        if (website.length() > WEBSITE_LENGTH) {
            return false;
        }
        try {
            URI uri = new URI(website);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https"))
                    && uri.getHost() != null
                    && uri.getHost().contains(".");
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static void tooLong(List<Invalid.Reason> reasons, String field, String value, int length) {
        if (value != null && value.length() > length) {
            reasons.add(Invalid.Reason.of(field, "provider.length", String.valueOf(length)));
        }
    }

    /** Two letters in capitals; anything else as typed, so that the refusal quotes it. */
    private static String stateOf(String state) {
        return state != null && state.matches("[A-Za-z]{2}") ? state.toUpperCase(Locale.ROOT) : state;
    }

    private static String stripped(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
