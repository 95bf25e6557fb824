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
}
