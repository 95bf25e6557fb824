package org.hearth.messages;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Locale;
import java.util.Optional;

/**
 * The neutral reminder every appointment or meeting reminder sends: "You have an appointment at the clinic on
 * (day) at (time). Address: (address)." and the links "I'll be there" and "I can't come", in the member's language,
 * at the clinic's time. Nothing else: never the kind of session, a group's or counselor's name (the worker adds the
 * line to stop messages).
 */
public final class ReminderText {

    private ReminderText() {}

    /**
     * The reminder of an appointment at {@code at} (shown in {@code zone}), with the clinic's {@code address} when
     * set, and the two links.
     */
    public static Letter reminder(
            Locale language,
            Instant at,
            ZoneId zone,
            Optional<String> address,
            String confirmLink,
            String cantComeLink) {
        return write(language, at, zone, "letter.reminder.text", address, confirmLink, cantComeLink);
    }

    /**
     * The reminder of a video appointment (a telehealth session) at {@code at}: "You have a video appointment with the
     * clinic on (day) at (time)." and the two links - no address, because nobody is to come to the clinic.
     */
    public static Letter videoReminder(
            Locale language, Instant at, ZoneId zone, String confirmLink, String cantComeLink) {
        return write(language, at, zone, "letter.reminder.videoText", Optional.empty(), confirmLink, cantComeLink);
    }

    /** The video appointment's reminder with the links of {@code links}, both expiring at its start. */
    public static Letter videoReminder(Locale language, Instant at, ZoneId zone, Links links) {
        return videoReminder(
                language, at, zone, links.link(LinkPurpose.CONFIRM, at), links.link(LinkPurpose.CANT_COME, at));
    }

    private static Letter write(
            Locale language,
            Instant at,
            ZoneId zone,
            String textKey,
            Optional<String> address,
            String confirmLink,
            String cantComeLink) {
        ZonedDateTime local = at.atZone(zone);
        String day = Letters.day(language, local);
        String time = Letters.time(language, local);
        StringBuilder text = new StringBuilder(Letters.text(language, textKey, day, time));
        address.ifPresent(a -> text.append('\n').append(Letters.text(language, "letter.reminder.address", a)));
        text.append("\n\n")
                .append(Letters.text(language, "letter.reminder.confirm", confirmLink))
                .append("\n\n")
                .append(Letters.text(language, "letter.reminder.cantCome", cantComeLink));
        return new Letter(Letters.text(language, "letter.reminder.subject", day), text.toString());
    }

    /** The reminder with the links of {@code links}, both expiring at the appointment's start. */
    public static Letter reminder(Locale language, Instant at, ZoneId zone, Links links) {
        return reminder(
                language,
                at,
                zone,
                ClinicAddress.configured(),
                links.link(LinkPurpose.CONFIRM, at),
                links.link(LinkPurpose.CANT_COME, at));
    }
}
