package org.hearth.messages;

import java.util.List;
import org.hearth.testing.ApiClient;
import org.hearth.testing.Sql;
import org.hearth.testing.TestData;

/**
 * What the mail tests set up: a family of one member who may be messaged (an email, taking part, safe to mail), a
 * counselor's sessions with it, and reminders written straight into the outbox (the features write them on booking;
 * these tests are about sending them).
 */
final class OutboxRows {

    private final Sql database;
    private final ApiClient api = new ApiClient();
    private final String counselor;
    private final long programId;

    OutboxRows(Sql database, String suffix) {
        this.database = database;
        TestData data = new TestData(database);
        String program = "Mail " + suffix;
        programId = data.program(program);
        data.realmStaff("frida", "Frida Moreno", "front-desk", program);
        counselor = data.staff("mailcounselor" + suffix, "counselor", program);
    }

    /** A family of one member with {@code email}, who may be messaged; answers {family id, member id}. */
    long[] familyWithMember(String familyName, String email, String language) throws Exception {
        long family = api.registerFamilyOfOne(programId, familyName);
        String member = one("select id from family_member where family_id = cast(? as bigint)", Long.toString(family));
        database.update(
                "update family_member set email = ?, preferred_language = ? where id = cast(? as bigint)",
                email,
                language,
                member);
        return new long[] {family, Long.parseLong(member)};
    }

    /** A session of the family, scheduled {@code hoursAhead} hours from now (on the minute); answers its id. */
    long session(long familyId, int hoursAhead) {
        return Long.parseLong(one(
                "insert into appointment (family_id, kind, counselor_id, telehealth, starts_at, ends_at, status,"
                        + " booked_by, booked_at) select cast(? as bigint), 'FAMILY_THERAPY', s.id, true,"
                        + " date_trunc('minute', now()) + make_interval(hours => cast(? as integer)),"
                        + " date_trunc('minute', now()) + make_interval(hours => cast(? as integer), mins => 50),"
                        + " 'SCHEDULED', 'frida', now() from staff_member s where s.username = ? returning id",
                Long.toString(familyId),
                Integer.toString(hoursAhead),
                Integer.toString(hoursAhead),
                counselor));
    }

    /** The session's reminder, {@code leadMinutes} before it, written due now; answers the message's id. */
    long reminderDueNow(long[] familyAndMember, long appointmentId, int leadMinutes) {
        return Long.parseLong(one(
                "insert into outbox_message (kind, status, family_id, member_id, subject_type, subject_id, about_at,"
                        + " lead_minutes, due_at, next_attempt_at, created_at) select 'SESSION_REMINDER', 'PENDING',"
                        + " cast(? as bigint), cast(? as bigint), 'Appointment', a.id, a.starts_at, cast(? as integer),"
                        + " now(), now(), now() from appointment a where a.id = cast(? as bigint) returning id",
                Long.toString(familyAndMember[0]),
                Long.toString(familyAndMember[1]),
                Integer.toString(leadMinutes),
                Long.toString(appointmentId)));
    }

    /** The message's status, attempts and last failure. */
    List<String> state(long messageId) {
        return database.query(
                        "select status, attempts, coalesce(last_failure, ''), coalesce(closed_reason, '')"
                                + " from outbox_message where id = cast(? as bigint)",
                        Long.toString(messageId))
                .get(0);
    }

    String one(String sql, String... parameters) {
        return database.query(sql, parameters).get(0).get(0);
    }
}
