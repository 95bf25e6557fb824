package org.hearth.groups;

import java.text.MessageFormat;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.ResourceBundle;
import org.hearth.messages.Letter;

/**
 * The words of a seat offer, in the member's language: "A place has opened for you at the clinic on Wednesdays at
 * 6:00 PM, starting Wednesday, December 23. Please answer by Thursday, December 10 at 3:10 PM.", the two links and
 * the clinic's address. Nothing else: never the group's name or kind (someone else may read the member's mail).
 * Times are given in the clinic's zone, which {@code firstMeeting} and {@code deadline} already carry.
 */
record SeatOfferLetter(
        Locale locale,
        ZonedDateTime firstMeeting,
        ZonedDateTime deadline,
        String takeSeat,
        String noThanks,
        String optOut,
        String address) {

    /** The letters' bundle (shared by every kind of message), in the messages package. */
    static final String BUNDLE = "org.hearth.messages.letters";

    Letter letter() {
        ResourceBundle words = ResourceBundle.getBundle(BUNDLE, locale);
        DateTimeFormatter day = DateTimeFormatter.ofPattern(words.getString("letters.seatOffer.day"), locale);
        DateTimeFormatter time = DateTimeFormatter.ofPattern(words.getString("letters.seatOffer.time"), locale);
        StringBuilder text = new StringBuilder();
        text.append(words.getString("letters.seatOffer.greeting")).append("\n\n");
        text.append(format(
                        words,
                        "letters.seatOffer.opened",
                        words.getString("letters.seatOffer.weekdays." + firstMeeting.getDayOfWeek()),
                        time.format(firstMeeting),
                        day.format(firstMeeting),
                        day.format(deadline),
                        time.format(deadline)))
                .append("\n\n");
        text.append(words.getString("letters.seatOffer.takeSeat")).append('\n');
        text.append(takeSeat).append("\n\n");
        text.append(words.getString("letters.seatOffer.noThanks")).append('\n');
        text.append(noThanks).append("\n\n");
        if (address != null && !address.isBlank()) {
            text.append(format(words, "letters.seatOffer.address", address.strip()))
                    .append("\n\n");
        }
        text.append(words.getString("letters.seatOffer.optOut")).append('\n');
        text.append(optOut).append('\n');
        return new Letter(words.getString("letters.seatOffer.subject"), text.toString());
    }

    private String format(ResourceBundle words, String key, Object... arguments) {
        return new MessageFormat(words.getString(key), locale).format(arguments);
    }
}
