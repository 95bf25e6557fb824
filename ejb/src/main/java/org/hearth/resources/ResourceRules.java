package org.hearth.resources;

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
 * What a directory entry and a gift must look like, field by field. An entry: a name, a kind, a setting, a phone a
 * person can dial (10 digits with an optional leading 1 and extension, or a three-digit line such as 988 or 211), an
 * http(s) website, known language codes, a confirmation day not in the future, and text within its length. Each
 * reason names the field of {@link ResourceDetails} (or {@link NewGift}) it is about.
 */
public final class ResourceRules {

    public static final int NAME_LENGTH = 200;
    public static final int DESCRIPTION_LENGTH = 500;
    public static final int ADDRESS_LENGTH = 300;
    public static final int PHONE_LENGTH = 40;
    public static final int WEBSITE_LENGTH = 300;
    public static final int HOURS_LENGTH = 300;

    /** The most resources one gift may hold: a sheet longer than this is not read. */
    public static final int MOST_RESOURCES_PER_GIFT = 12;

    /**
     * The languages an entry can name: the provider directory's codes (lower-case ISO 639-1 plus {@code asl}), so
     * the pages' labels {@code language.<code>} serve both.
     */
    public static final List<String> LANGUAGES =
            List.of("en", "es", "asl", "vi", "zh", "ar", "ht", "pt", "fr", "ru", "ko", "tl", "pl", "so");

    /** The languages a sheet is printed in. */
    public static final List<String> SHEET_LANGUAGES = List.of("en", "es");

    private static final Pattern PHONE_CHARACTERS = Pattern.compile("[0-9 ()+.\\-]+");
    private static final Pattern EXTENSION = Pattern.compile("(?i)\\s*(ext\\.?|x)\\s*\\d{1,6}$");
    private static final Pattern THREE_DIGIT_LINE = Pattern.compile("[2-9]11|988");

    private ResourceRules() {}

    /** The details as Hearth keeps them: text stripped, blank text as none, languages in lower case. */
    public static ResourceDetails normalized(ResourceDetails details) {
        TreeSet<String> languages = new TreeSet<>();
        for (String language : details.languages()) {
            if (language != null && !language.isBlank()) {
                languages.add(language.strip().toLowerCase(Locale.ROOT));
            }
        }
        return new ResourceDetails(
                stripped(details.name()),
                details.kind(),
                stripped(details.description()),
                stripped(details.address()),
                stripped(details.phone()),
                stripped(details.website()),
                stripped(details.hours()),
                languages,
                details.setting(),
                details.confirmedOn());
    }

    /** Why the (normalized) details cannot be kept, one reason per field at fault; empty when they can. */
    public static List<Invalid.Reason> reasons(ResourceDetails details, LocalDate today) {
        List<Invalid.Reason> reasons = new ArrayList<>();
        if (details.name() == null) {
            reasons.add(Invalid.Reason.plain("name", "resource.name.required"));
        } else {
            tooLong(reasons, "name", details.name(), NAME_LENGTH);
        }
        if (details.kind() == null) {
            reasons.add(Invalid.Reason.plain("kind", "resource.kind.required"));
        }
        tooLong(reasons, "description", details.description(), DESCRIPTION_LENGTH);
        tooLong(reasons, "address", details.address(), ADDRESS_LENGTH);
        if (details.phone() != null && !isDialable(details.phone())) {
            reasons.add(Invalid.Reason.of("phone", "resource.phone.format", details.phone()));
        }
        if (details.website() != null && !isWebsite(details.website())) {
            reasons.add(Invalid.Reason.of("website", "resource.website.format", details.website()));
        }
        tooLong(reasons, "hours", details.hours(), HOURS_LENGTH);
        for (String language : details.languages()) {
            if (!LANGUAGES.contains(language)) {
                reasons.add(Invalid.Reason.of(
                        "languages", "resource.language.unknown", language, String.join(", ", LANGUAGES)));
            }
        }
        if (details.setting() == null) {
            reasons.add(Invalid.Reason.plain("setting", "resource.setting.required"));
        }
        if (details.phone() == null && details.website() == null && details.address() == null) {
            reasons.add(Invalid.Reason.plain("phone", "resource.reach.required"));
        }
        if (details.confirmedOn() == null) {
            reasons.add(Invalid.Reason.plain("confirmedOn", "resource.confirmedOn.required"));
        } else if (details.confirmedOn().isAfter(today)) {
            reasons.add(Invalid.Reason.of(
                    "confirmedOn",
                    "resource.confirmedOn.future",
                    details.confirmedOn().toString()));
        }
        return reasons;
    }

    /**
     * Why a gift cannot be recorded as sent, before its resources and members are looked up: at least one resource
     * and at most {@value #MOST_RESOURCES_PER_GIFT}, a day given that is not after {@code today}, and how.
     */
    public static List<Invalid.Reason> giftReasons(NewGift gift, LocalDate today) {
        List<Invalid.Reason> reasons = new ArrayList<>();
        if (gift.resourceIds().isEmpty()) {
            reasons.add(Invalid.Reason.plain("resourceIds", "resource.gift.resources.required"));
        } else if (gift.resourceIds().size() > MOST_RESOURCES_PER_GIFT) {
            reasons.add(Invalid.Reason.of(
                    "resourceIds", "resource.gift.resources.tooMany", String.valueOf(MOST_RESOURCES_PER_GIFT)));
        }
        if (gift.givenOn() == null) {
            reasons.add(Invalid.Reason.plain("givenOn", "resource.gift.givenOn.required"));
        } else if (gift.givenOn().isAfter(today)) {
            reasons.add(Invalid.Reason.of(
                    "givenOn", "resource.gift.givenOn.future", gift.givenOn().toString()));
        }
        if (gift.how() == null) {
            reasons.add(Invalid.Reason.plain("how", "resource.gift.how.required"));
        }
        return reasons;
    }

    /**
     * A number a person can dial in the US: a three-digit line ({@code 988}, {@code 211}), or digits with the usual
     * separators, 10 digits (11 with a leading 1), and an optional extension.
     */
    static boolean isDialable(String phone) {
        if (phone.length() > PHONE_LENGTH) {
            return false;
        }
        if (THREE_DIGIT_LINE.matcher(phone).matches()) {
            return true;
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

    static int languageOrder(String code) {
        int known = LANGUAGES.indexOf(code);
        return known < 0 ? Integer.MAX_VALUE : known;
    }

    private static void tooLong(List<Invalid.Reason> reasons, String field, String value, int length) {
        if (value != null && value.length() > length) {
            reasons.add(Invalid.Reason.of(field, "resource.length", String.valueOf(length)));
        }
    }

    private static String stripped(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
