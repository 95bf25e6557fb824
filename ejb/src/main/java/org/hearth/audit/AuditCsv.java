package org.hearth.audit;

import java.io.IOException;
import java.io.Writer;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;

/**
 * Writes audit entries as CSV (RFC 4180, by Apache Commons CSV) for auditors and compliance reviews, which open it in a
 * spreadsheet. One header row, then one row per entry: time (ISO-8601 with its offset, in the clinic's
 * zone), user, roles, action, entity type, entity id, family id, client address, outcome, reason. An
 * empty cell is a field the entry does not have.
 *
 * <p>Usernames, entity ids and reasons come from users, so a cell that a spreadsheet would run as a
 * formula (one starting with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return) is
 * written with a leading single quote: opening the export must never execute anything.
 */
public final class AuditCsv {

    /** The header row, in column order. */
    public static final List<String> HEADER = List.of(
            "time",
            "user",
            "roles",
            "action",
            "entity type",
            "entity id",
            "family id",
            "client address",
            "outcome",
            "reason");

    private static final String LINE_END = "\r\n";

    /** RFC 4180: commas, CRLF, quotes only where needed; an absent field is an empty cell. */
    private static final CSVFormat FORMAT = CSVFormat.RFC4180;

    private AuditCsv() {}

    /** As {@link #write(Iterator, ZoneId, Writer)}, closing nothing: the caller owns the stream. */
    public static long write(Stream<AuditEntry> entries, ZoneId zone, Writer out) throws IOException {
        return write(entries.iterator(), zone, out);
    }

    /**
     * Writes the header and then each entry as it is read, so an export of millions of entries never
     * holds more than one. Neither flushes nor closes {@code out}.
     *
     * @param zone the zone the times are written in, with their offset
     * @return the number of entries written, not counting the header
     */
    public static long write(Iterator<AuditEntry> entries, ZoneId zone, Writer out) throws IOException {
        DateTimeFormatter time = DateTimeFormatter.ISO_OFFSET_DATE_TIME.withZone(zone);
        writeRow(out, HEADER.toArray(String[]::new));
        long written = 0;
        while (entries.hasNext()) {
            AuditEntry entry = entries.next();
            writeRow(
                    out,
                    entry.getOccurredAt() == null ? null : time.format(entry.getOccurredAt()),
                    entry.getUsername(),
                    entry.getRoles(),
                    entry.getAction() == null ? null : entry.getAction().name(),
                    entry.getEntityType(),
                    entry.getEntityId(),
                    entry.getFamilyId() == null ? null : entry.getFamilyId().toString(),
                    entry.getClientAddress(),
                    entry.getOutcome() == null ? null : entry.getOutcome().name(),
                    entry.getReason());
            written++;
        }
        return written;
    }

    private static void writeRow(Writer out, String... cells) throws IOException {
        FORMAT.printRecord(out, defused(cells));
    }

    /**
     * One CSV line (RFC 4180, CRLF), each cell defused as {@link #cell} does and quoted where RFC 4180 needs
     * it: also for the other ledgers Hearth exports, such as a member's accounting of disclosures.
     */
    public static String row(String... cells) {
        return FORMAT.format(defused(cells)) + LINE_END;
    }

    /** One field: defused if a spreadsheet would take it for a formula, then quoted if RFC 4180 needs it. */
    static String cell(String value) {
        String text = defused(value);
        return text == null ? "" : FORMAT.format(text);
    }

    private static Object[] defused(String... cells) {
        return Arrays.stream(cells).map(AuditCsv::defused).toArray();
    }

    /** The value a spreadsheet shows as text: a leading quote on anything it would run as a formula. */
    private static String defused(String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        return startsLikeAFormula(value) ? "'" + value : value;
    }

    private static boolean startsLikeAFormula(String value) {
        return switch (value.charAt(0)) {
            case '=', '+', '-', '@', '\t', '\r' -> true;
            default -> false;
        };
    }
}
