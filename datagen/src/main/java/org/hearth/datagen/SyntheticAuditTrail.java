package org.hearth.datagen;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.hearth.audit.AuditChain;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * The audit trail of the generated years: staff reading and writing families' records, the front desk's
 * schedule and rosters, supervisors' reviews and reports, sign-ins and the odd refused access. Each entry is
 * chained onto the trail already in the database with the application's own hashing ({@link AuditChain}, the
 * encoding of the database's {@code audit_entry_hash}), and streamed in with {@code COPY}: millions of entries
 * take seconds, where the database's per-row chaining trigger would rewrite the chain's head once per entry.
 * {@code ./hearth verify-audit} checks the result like any other trail.
 */
final class SyntheticAuditTrail {

    /** Someone who may appear in the trail: username, roles as the token gives them, and their families. */
    record Actor(String username, String roles, long[] families) {}

    private static final String[][] COUNSELOR = {
        {"READ_FAMILY", "Family"},
        {"READ_FAMILY", "Family"},
        {"READ_INTAKE", "Intake"},
        {"LIST_NOTES", "Family"},
        {"READ_NOTE", "Family"},
        {"SAVE_NOTE_DRAFT", "Family"},
        {"SIGN_NOTE", "Family"},
        {"READ_EPISODE", "Family"},
        {"RECORD_EPISODE_EVENT", "Family"},
        {"READ_SCHEDULE", null},
        {"VIEW_PAGE", null}
    };
    private static final String[][] FRONT_DESK = {
        {"READ_SCHEDULE", null},
        {"SEARCH_FAMILIES", null},
        {"BOOK_APPOINTMENT", "Family"},
        {"CHECK_IN_APPOINTMENT", "Family"},
        {"CANCEL_APPOINTMENT", "Family"},
        {"READ_GROUP_ROSTER", null},
        {"RECORD_GROUP_ATTENDANCE", null},
        {"READ_FAMILY", "Family"}
    };
    private static final String[][] SUPERVISOR = {
        {"READ_FAMILY", "Family"},
        {"READ_NOTE", "Family"},
        {"COSIGN_NOTE", "Family"},
        {"READ_PROGRAM_REPORT", null},
        {"READ_EPISODE", "Family"},
        {"RECORD_MITI_REVIEW", "Family"}
    };
    private static final String DENIED_REASON =
            "clinical content is for the family's counselors and the supervisors of its program";

    private SyntheticAuditTrail() {}

    /**
     * Appends {@code entries} entries spread over the days from {@code first} to the day before {@code today}
     * (clinic hours, in the clinic's zone), by the generated staff, chained after the head; returns the new head.
     * The caller's transaction keeps the chaining trigger off meanwhile and commits.
     */
    static AuditChain.Head append(
            Connection connection,
            int entries,
            long seed,
            LocalDate first,
            LocalDate today,
            ZoneId zone,
            List<Actor> actors)
            throws SQLException {
        AuditChain.Head head = head(connection);
        SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + 17);
        long days = ChronoUnit.DAYS.between(first, today);
        long seq = head.lastSeq();
        String previous = head.lastHash();
        long allFamilies = actors.stream().mapToLong(a -> a.families().length).sum();
        if (actors.isEmpty() || allFamilies == 0) {
            throw new IllegalStateException("the audit trail needs generated staff and families");
        }
        CopyIn copy = connection
                .unwrap(PGConnection.class)
                .getCopyAPI()
                .copyIn("copy audit_entry (occurred_at, username, roles, action, entity_type, entity_id, family_id,"
                        + " client_address, outcome, reason, seq, prev_hash, hash) from stdin");
        try {
            StringBuilder rows = new StringBuilder(1 << 20);
            for (int n = 0; n < entries; n++) {
                // time moves forward with the sequence: day by day, within the day's opening hours
                LocalDate day = first.plusDays(n * days / entries);
                long secondOfDay =
                        LocalTime.of(8, 0).toSecondOfDay() + (long) ((n * (double) days / entries) % 1.0 * 10 * 3600);
                Instant at = day.atStartOfDay(zone)
                        .plusSeconds(secondOfDay)
                        .toInstant()
                        .plus(Duration.ofNanos(random.nextLong(1_000_000) * 1_000));
                Actor actor = actors.get(random.nextInt(actors.size()));
                String[] what;
                if (random.nextInt(12) == 0) {
                    what = new String[] {"SIGN_IN", null};
                } else if (actor.roles().contains("counselor")) {
                    what = COUNSELOR[random.nextInt(COUNSELOR.length)];
                } else if (actor.roles().contains("front-desk")) {
                    what = FRONT_DESK[random.nextInt(FRONT_DESK.length)];
                } else if (actor.roles().contains("supervisor")) {
                    what = SUPERVISOR[random.nextInt(SUPERVISOR.length)];
                } else {
                    what = new String[] {"READ_AUDIT", null};
                }
                Long family = null;
                if (what[1] != null && actor.families().length > 0) {
                    family = actor.families()[random.nextInt(actor.families().length)];
                }
                String entityType = family == null ? null : what[1];
                boolean denied = family != null && random.nextInt(1_000) == 0;
                String address = "10.0." + random.nextInt(250) + "." + (1 + random.nextInt(199));
                seq++;
                AuditChain.Link link = new AuditChain.Link(
                        seq,
                        at,
                        actor.username(),
                        actor.roles(),
                        what[0],
                        entityType,
                        family == null ? null : family.toString(),
                        family,
                        address,
                        denied ? "DENIED" : "ALLOWED",
                        denied ? DENIED_REASON : null,
                        previous,
                        null);
                String hash = AuditChain.hashOf(link);
                row(rows, link, hash);
                previous = hash;
                if (rows.length() > (1 << 20)) {
                    write(copy, rows);
                }
            }
            write(copy, rows);
            copy.endCopy();
        } finally {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        }
        try (var update =
                connection.prepareStatement("update audit_chain_head set last_seq = ?, last_hash = ? where id = 1")) {
            update.setLong(1, seq);
            update.setString(2, previous);
            update.executeUpdate();
        }
        return new AuditChain.Head(seq, previous);
    }

    /** The generated staff who appear in the trail, with the families each works with (from generate.sql). */
    static List<Actor> actors(Connection connection) throws SQLException {
        List<Actor> actors = new ArrayList<>();
        try (Statement s = connection.createStatement();
                ResultSet rows = s.executeQuery(
                        """
                        select s.username, s.roles, coalesce((select array_agg(gf.family_id order by gf.family_id)
                            from gf where gf.counselor_id = s.id
                                or (s.roles not like '%counselor%' and gf.program_id in
                                    (select program_id from staff_program sp where sp.staff_member_id = s.id))),
                            '{}') as families
                        from staff_member s
                        where s.email like '%@bench.hearth.example' or s.username in (select username from gc)
                            or s.username in (select username from gd) or s.username in (select username from gs)
                        order by s.username""")) {
            while (rows.next()) {
                Long[] families = (Long[]) rows.getArray(3).getArray();
                long[] ids = new long[families.length];
                for (int i = 0; i < ids.length; i++) {
                    ids[i] = families[i];
                }
                actors.add(new Actor(rows.getString(1), rows.getString(2), ids));
            }
        }
        return actors;
    }

    private static AuditChain.Head head(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement();
                ResultSet head = s.executeQuery("select last_seq, last_hash from audit_chain_head where id = 1")) {
            head.next();
            return new AuditChain.Head(head.getLong(1), head.getString(2));
        }
    }

    private static void row(StringBuilder rows, AuditChain.Link link, String hash) {
        rows.append(link.occurredAt()).append('\t');
        rows.append(link.username()).append('\t');
        rows.append(link.roles()).append('\t');
        rows.append(link.action()).append('\t');
        text(rows, link.entityType()).append('\t');
        text(rows, link.entityId()).append('\t');
        text(rows, link.familyId() == null ? null : link.familyId().toString()).append('\t');
        rows.append(link.clientAddress()).append('\t');
        rows.append(link.outcome()).append('\t');
        text(rows, link.reason()).append('\t');
        rows.append(link.seq()).append('\t');
        rows.append(link.prevHash()).append('\t');
        rows.append(hash).append('\n');
    }

    /** A value in COPY's text format; the generated values hold no tab, newline or backslash. */
    private static StringBuilder text(StringBuilder rows, String value) {
        return rows.append(value == null ? "\\N" : value);
    }

    private static void write(CopyIn copy, StringBuilder rows) throws SQLException {
        byte[] bytes = rows.toString().getBytes(StandardCharsets.UTF_8);
        copy.writeToCopy(bytes, 0, bytes.length);
        rows.setLength(0);
    }
}
