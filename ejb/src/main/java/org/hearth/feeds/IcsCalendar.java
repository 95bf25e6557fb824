package org.hearth.feeds;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.ComponentList;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.PropertyList;
import net.fortuna.ical4j.model.component.CalendarComponent;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.DtEnd;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.RecurrenceId;
import net.fortuna.ical4j.model.property.Summary;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import net.fortuna.ical4j.model.property.immutable.ImmutableTransp;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import org.hearth.groups.GroupRecurrence;
import org.hearth.groups.RecurrenceText;
import org.hearth.ical.IcsTimeZone;

/**
 * An iCalendar (RFC 5545) document of sessions for a calendar application, built as ical4j's model and
 * written by its outputter (escaping, line folding, CRLF). It carries no client name and no clinical word:
 * a summary such as "Family session", the room, the time. Single events are in UTC; a group's series keeps
 * the clinic's wall-clock time (TZID with its VTIMEZONE), as its rule does.
 */
public final class IcsCalendar {

    private final String name;
    private final List<CalendarComponent> timeZones = new ArrayList<>();
    private final List<CalendarComponent> events = new ArrayList<>();
    private final Set<ZoneId> zones = new HashSet<>();

    public IcsCalendar(String name) {
        this.name = name;
    }

    /** One event; a cancelled one stays in the feed as CANCELLED so calendars remove it. */
    public IcsCalendar event(
            String uid, Instant start, Instant end, String summary, String location, boolean cancelled, Instant stamp) {
        PropertyList properties = new PropertyList()
                .add(new Uid(uid))
                .add(new DtStamp(stamp))
                .add(new DtStart<>(start))
                .add(new DtEnd<>(end))
                .add(new Summary(summary));
        if (location != null) {
            properties = properties.add(new Location(location));
        }
        events.add(new VEvent(properties
                .add(cancelled ? ImmutableStatus.VEVENT_CANCELLED : ImmutableStatus.VEVENT_CONFIRMED)
                .add(ImmutableTransp.OPAQUE)));
        return this;
    }

    /** The VTIMEZONE a series in {@code zone} needs, for events from {@code from} on; added once per zone. */
    public IcsCalendar timeZone(ZoneId zone, LocalDate from) {
        if (zones.add(zone)) {
            timeZones.add(IcsTimeZone.component(zone, from));
        }
        return this;
    }

    /**
     * A recurring event: the rule's first session (DTSTART with the TZID of a zone added by {@link #timeZone}),
     * its length (DURATION), its RRULE and an EXDATE for the dates it skips.
     */
    public IcsCalendar series(String uid, GroupRecurrence rule, String summary, String location, Instant stamp) {
        PropertyList properties = new PropertyList().add(new Uid(uid)).add(new DtStamp(stamp));
        for (Property property : RecurrenceText.ruleProperties(rule)) {
            properties = properties.add(property);
        }
        events.add(new VEvent(properties
                .add(new Summary(summary))
                .add(new Location(location))
                .add(ImmutableStatus.VEVENT_CONFIRMED)
                .add(ImmutableTransp.OPAQUE)));
        return this;
    }

    /**
     * One occurrence of a series held differently: the occurrence the rule gave at {@code ruled} (local time
     * in {@code zone}) takes place from {@code start} to {@code end} in {@code location} (RFC 5545
     * RECURRENCE-ID).
     */
    public IcsCalendar override(
            String uid,
            LocalDateTime ruled,
            ZoneId zone,
            Instant start,
            Instant end,
            String summary,
            String location,
            Instant stamp) {
        events.add(new VEvent(new PropertyList()
                .add(new Uid(uid))
                .add(IcsTimeZone.zoned(new RecurrenceId<>(ruled.atZone(zone)), zone))
                .add(new DtStamp(stamp))
                .add(new DtStart<>(start))
                .add(new DtEnd<>(end))
                .add(new Summary(summary))
                .add(new Location(location))
                .add(ImmutableStatus.VEVENT_CONFIRMED)
                .add(ImmutableTransp.OPAQUE)));
        return this;
    }

    /** The document as ical4j writes it: CRLF line ends, text escaped, long lines folded. */
    public String text() {
        List<CalendarComponent> components = new ArrayList<>(timeZones);
        components.addAll(events);
        Calendar calendar = new Calendar(
                new PropertyList()
                        .add(new ProdId("-//Hearth//Clinic family programs//EN"))
                        .add(ImmutableVersion.VERSION_2_0)
                        .add(ImmutableCalScale.GREGORIAN)
                        .add(ImmutableMethod.PUBLISH)
                        .add(new XProperty("X-WR-CALNAME", name)),
                new ComponentList<>(components));
        StringWriter text = new StringWriter();
        try {
            new CalendarOutputter(false).output(calendar, text);
        } catch (IOException e) {
            throw new UncheckedIOException("a calendar written to a string", e);
        }
        return text.toString();
    }
}
