package org.hearth.groups;

import java.time.ZonedDateTime;
import java.util.Locale;
import java.util.Optional;
import org.hearth.messages.Letter;
import org.hearth.messages.Letters;

/**
 * The words of a seat offer, in the member's language: "A place has opened for you at the clinic on Wednesdays at
 * 6:00 PM, starting Wednesday, December 23. Please answer by Thursday, December 10 at 3:10 PM.", the clinic's
 * address, and the links "Take the seat" and "No thanks". Nothing else: never the group's name or kind (someone else
 * may read the member's mail); the worker adds the line to stop messages. Times are given in the clinic's zone,
 * which {@code firstMeeting} and {@code deadline} already carry. The words are the letters' bundle's
 * ({@code letter.seatOffer.*}), read with every other template against the forbidden words.
 */
record SeatOfferLetter(
        Locale language,
        ZonedDateTime firstMeeting,
        ZonedDateTime deadline,
        Optional<String> address,
        String takeSeat,
        String noThanks) {

    Letter letter() {
        StringBuilder text = new StringBuilder(Letters.text(
                language,
                "letter.seatOffer.text",
                Letters.text(language, "letter.seatOffer.weekdays." + firstMeeting.getDayOfWeek()),
                Letters.time(language, firstMeeting),
                Letters.day(language, firstMeeting),
                Letters.day(language, deadline),
                Letters.time(language, deadline)));
        address.ifPresent(a -> text.append('\n').append(Letters.text(language, "letter.seatOffer.address", a)));
        text.append("\n\n")
                .append(Letters.text(language, "letter.seatOffer.takeSeat", takeSeat))
                .append("\n\n")
                .append(Letters.text(language, "letter.seatOffer.noThanks", noThanks));
        return new Letter(Letters.text(language, "letter.seatOffer.subject"), text.toString());
    }
}
