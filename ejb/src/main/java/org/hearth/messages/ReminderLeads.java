package org.hearth.messages;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * The clinic's reminder times before a session or a meeting: {@code HEARTH_REMINDER_LEADS} (or the system property
 * {@code hearth.reminder.leads}), a comma-separated list of hours and minutes such as {@code 48h,2h} (the default)
 * or {@code 24h,90m}. Read once, when the application starts; a value that is not such a list stops the start with
 * a message naming the setting.
 *
 * <p>{@link #due} is the rule that decides which reminders a booking writes.
 */
public final class ReminderLeads {

    /** The leads when the setting is not given. */
    public static final String DEFAULT = "48h,2h";

    private static final ReminderLeads CONFIGURED =
            parse(System.getProperty("hearth.reminder.leads", System.getenv("HEARTH_REMINDER_LEADS")));

    private final List<Duration> leads;

    private ReminderLeads(List<Duration> leads) {
        this.leads = List.copyOf(leads);
    }

    /** The clinic's leads, as configured. */
    public static ReminderLeads configured() {
        return CONFIGURED;
    }

    /** The leads of a setting's value, longest first; the default when blank. Invalid: IllegalStateException. */
    public static ReminderLeads parse(String value) {
        String text = value == null || value.isBlank() ? DEFAULT : value;
        TreeSet<Duration> leads = new TreeSet<>(Comparator.reverseOrder());
        for (String part : text.split(",")) {
            leads.add(lead(part.strip().toLowerCase(Locale.ROOT), text));
        }
        return new ReminderLeads(new ArrayList<>(leads));
    }

    private static Duration lead(String part, String whole) {
        try {
            Duration lead;
            if (part.endsWith("h")) {
                lead = Duration.ofHours(Long.parseLong(part.substring(0, part.length() - 1)));
            } else if (part.endsWith("m")) {
                lead = Duration.ofMinutes(Long.parseLong(part.substring(0, part.length() - 1)));
            } else {
                throw new NumberFormatException(part);
            }
            if (lead.isNegative() || lead.isZero() || lead.compareTo(Duration.ofDays(14)) > 0) {
                throw new NumberFormatException(part);
            }
            return lead;
        } catch (NumberFormatException e) {
            throw new IllegalStateException("HEARTH_REMINDER_LEADS is not a list of reminder times before a session: '"
                    + whole
                    + "' (use hours or minutes between 1m and 336h, separated by commas, like 48h,2h)");
        }
    }

    /** The leads, longest first. */
    public List<Duration> leads() {
        return leads;
    }

    /** The longest lead: how far ahead reminders are planned. */
    public Duration longest() {
        return leads.get(0);
    }

    /**
     * The reminders to write, at {@code now}, for something starting at {@code start}: each lead's reminder is due at
     * the start less the lead. Of the leads whose time has already passed, only the shortest one still ahead of the
     * start is kept, due at once (booked 47 hours ahead: the 48-hour one now and the 2-hour one later; booked an hour
     * ahead: one now). None once the start has passed.
     */
    public List<Due> due(Instant start, Instant now) {
        List<Due> due = new ArrayList<>();
        if (!start.isAfter(now)) {
            return due;
        }
        Duration latePassed = null;
        for (Duration lead : leads) {
            Instant at = start.minus(lead);
            if (at.isAfter(now)) {
                due.add(new Due(lead, at));
            } else {
                latePassed = lead; // leads run longest first: the last passed one is the shortest
            }
        }
        if (latePassed != null) {
            due.add(0, new Due(latePassed, now));
        }
        return due;
    }

    /** One reminder to write: its lead and when it is due. */
    public record Due(Duration lead, Instant at) {

        /** The lead in minutes, as the outbox keeps it. */
        public int leadMinutes() {
            return (int) lead.toMinutes();
        }
    }

    @Override
    public String toString() {
        return leads.stream()
                .map(d -> d.toMinutes() % 60 == 0 ? d.toHours() + "h" : d.toMinutes() + "m")
                .reduce((a, b) -> a + "," + b)
                .orElse("");
    }
}
