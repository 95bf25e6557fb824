package org.hearth.messages;

import java.text.MessageFormat;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.ResourceBundle;
import org.hearth.family.FamilyMember;

/**
 * The text of letters, from the bundle {@code org/hearth/messages/letters.properties} (and {@code letters_es}), in the
 * member's language: theirs when set, else their family's, else English. Every message template lives there, so one
 * test reads them all against the forbidden words.
 */
public final class Letters {

    public static final String BUNDLE = "org.hearth.messages.letters";
    public static final Locale ENGLISH = Locale.ENGLISH;
    public static final Locale SPANISH = Locale.forLanguageTag("es");

    private Letters() {}

    /** The language a member is written to in: their own, else the family's, else English. */
    public static Locale languageOf(FamilyMember member) {
        String language = member.getPreferredLanguage();
        if (language == null || language.isBlank()) {
            language = member.getFamily().getPreferredLanguage();
        }
        return "es".equals(language) ? SPANISH : ENGLISH;
    }

    /** The bundle's pattern {@code key} in {@code language}, filled with {@code arguments}. */
    public static String text(Locale language, String key, Object... arguments) {
        String pattern = bundle(language).getString(key);
        return arguments.length == 0 ? pattern : new MessageFormat(pattern, language).format(arguments);
    }

    /** The day of {@code at} as letters write it ("Tuesday, December 8"; "martes 8 de diciembre"). */
    public static String day(Locale language, ZonedDateTime at) {
        return DateTimeFormatter.ofPattern(bundle(language).getString("letter.day"), language)
                .format(at);
    }

    /** The time of {@code at} as letters write it ("3:00 PM"; "15:00"). */
    public static String time(Locale language, ZonedDateTime at) {
        return DateTimeFormatter.ofPattern(bundle(language).getString("letter.time"), language)
                .format(at);
    }

    /** The line every message ends with: how to receive no more. */
    public static String optOutLine(Locale language, String optOutLink) {
        return text(language, "letter.optOut", optOutLink);
    }

    static ResourceBundle bundle(Locale language) {
        return ResourceBundle.getBundle(
                BUNDLE,
                language,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }
}
