package org.hearth.testing;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import java.util.Set;
import java.util.stream.Collectors;

/** Small builders for what the tests need in the database, and for reading refusals. */
public final class TestData {

    private final Sql sql;

    public TestData(Sql sql) {
        this.sql = sql;
    }

    /** Adds a program and returns its id. */
    public long program(String name) {
        sql.update("insert into program (name) values (?)", name);
        return Long.parseLong(
                sql.query("select id from program where name = ?", name).get(0).get(0));
    }

    /**
     * A staff record as the first sign-in leaves it (the roles snapshot), member of the named programs, as
     * an administrator sets it up. Returns the username.
     */
    public String staff(String username, String roles, String... programs) {
        sql.update(
                "insert into staff_member (username, display_name, roles) values (?, ?, ?)", username, username, roles);
        for (String program : programs) {
            sql.update(
                    "insert into staff_program select s.id, p.id from staff_member s, program p"
                            + " where s.username = ? and p.name = ?",
                    username,
                    program);
        }
        return username;
    }

    /**
     * A user of the test realm (whose token an API test sends) working in the named programs, as an
     * administrator sets them up. The test database is shared by every test of a run, so their staff record
     * may exist already, from a sign-in or another test: then it is given these roles. Returns the username.
     */
    public String realmStaff(String username, String displayName, String roles, String... programs) {
        sql.update(
                "insert into staff_member (username, display_name, roles) values (?, ?, ?)"
                        + " on conflict (username) do update set roles = excluded.roles",
                username,
                displayName,
                roles);
        for (String program : programs) {
            sql.update(
                    "insert into staff_program select s.id, p.id from staff_member s, program p"
                            + " where s.username = ? and p.name = ? on conflict do nothing",
                    username,
                    program);
        }
        return username;
    }

    /**
     * A covering of the family by a counselor, from {@code startsInDays} to {@code endsInDays} days after the
     * database's day (negative: before it), set by the supervisor {@code sam} for a leave.
     */
    public void covering(long familyId, String counselor, int startsInDays, int endsInDays) {
        sql.update(
                "insert into family_assignment (family_id, counselor_id, kind, starts_on, ends_on, reason,"
                        + " assigned_by, assigned_at) select cast(? as bigint), s.id, 'COVERING',"
                        + " current_date + cast(? as integer), current_date + cast(? as integer), 'leave', 'sam',"
                        + " now() from staff_member s where s.username = ?",
                Long.toString(familyId),
                Integer.toString(startsInDays),
                Integer.toString(endsInDays),
                counselor);
    }

    /**
     * The rows of a treatment-refusal episode as an intake leaves them: the family's intake, its first loved one
     * and the loved one's episode, status refusing. Defaults: opened by {@code carlos} five days ago, next
     * follow-up in nine days, the last event on the day it opened, the intake still open.
     */
    public EpisodeRows episode(long familyId) {
        return new EpisodeRows(sql, familyId);
    }

    /** The episode being laid out; {@link #insert()} writes it. */
    public static final class EpisodeRows {
        private final Sql sql;
        private final String family;
        private String by = "carlos";
        private String alias = "L.";
        private String relationship = "SIBLING";
        private int openedDaysAgo = 5;
        private int followUpInDays = 9;
        private Integer lastEventDaysAgo;
        private boolean intakeCompleted;

        private EpisodeRows(Sql sql, long familyId) {
            this.sql = sql;
            this.family = Long.toString(familyId);
        }

        /** Who started the intake and opened the episode. */
        public EpisodeRows by(String username) {
            this.by = username;
            return this;
        }

        public EpisodeRows lovedOne(String alias, String relationship) {
            this.alias = alias;
            this.relationship = relationship;
            return this;
        }

        public EpisodeRows openedDaysAgo(int days) {
            this.openedDaysAgo = days;
            return this;
        }

        /** The next follow-up, in days from the database's day (negative: overdue). */
        public EpisodeRows followUpInDays(int days) {
            this.followUpInDays = days;
            return this;
        }

        public EpisodeRows lastEventDaysAgo(int days) {
            this.lastEventDaysAgo = days;
            return this;
        }

        public EpisodeRows intakeCompleted() {
            this.intakeCompleted = true;
            return this;
        }

        /** Writes the three rows; the episode's id. */
        public String insert() {
            sql.update(
                    "insert into intake (family_id, started_by, started_at, updated_by, updated_at, completed_by,"
                            + " completed_at) values (cast(? as bigint), ?, now(), ?, now(), ?, cast(? as timestamptz))",
                    family,
                    by,
                    by,
                    intakeCompleted ? by : null,
                    intakeCompleted ? "now" : null);
            String lovedOne = sql.query(
                            "insert into loved_one (family_id, position, alias, relationship) values"
                                    + " (cast(? as bigint), 0, ?, ?) returning id",
                            family,
                            alias,
                            relationship)
                    .get(0)
                    .get(0);
            int lastEvent = lastEventDaysAgo == null ? openedDaysAgo : lastEventDaysAgo;
            return sql.query(
                            "insert into engagement_episode (family_id, loved_one_id, status, opened_by, opened_at,"
                                    + " next_follow_up_on, last_event_on) values (cast(? as bigint),"
                                    + " cast(? as bigint), 'REFUSING', ?, now() - make_interval(days => cast(? as"
                                    + " integer)), current_date + cast(? as integer), current_date - cast(? as"
                                    + " integer)) returning id",
                            family,
                            lovedOne,
                            by,
                            Integer.toString(openedDaysAgo),
                            Integer.toString(followUpInDays),
                            Integer.toString(lastEvent))
                    .get(0)
                    .get(0);
        }
    }

    /** The messages of the Bean Validation refusal somewhere in the cause chain; fails when there is none. */
    public static Set<String> violationMessages(Throwable thrown) {
        Throwable cause = thrown;
        while (cause != null && !(cause instanceof ConstraintViolationException)) {
            cause = cause.getCause();
        }
        if (cause == null) {
            throw new AssertionError("expected a constraint violation, got " + thrown);
        }
        return ((ConstraintViolationException) cause)
                .getConstraintViolations().stream()
                        .map(ConstraintViolation::getMessage)
                        .collect(Collectors.toSet());
    }

    /** The family's version as a page or a client would have read it now (issue 23: changes name it). */
    public long familyVersion(long familyId) {
        return Long.parseLong(sql.query("select version from family where id = ?::bigint", Long.toString(familyId))
                .get(0)
                .get(0));
    }
}
