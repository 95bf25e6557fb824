package org.hearth.time;

/**
 * A switch the scheduled rounds (the outbox's sending, the group meetings' reminder planner, seat offers' deadlines)
 * read before each run: while it is off they skip their rounds. It is for the test that counts the SQL statements a
 * page runs, which reads the server's statistics and must not count a round that ran meanwhile; nothing in the
 * application turns it off, and the work skipped is done at the next round after it is on again.
 */
public final class ScheduledWork {

    private static volatile boolean paused;

    private ScheduledWork() {}

    /** Whether the scheduled rounds are skipped now. */
    public static boolean paused() {
        return paused;
    }

    /** Skips ({@code true}) or runs again ({@code false}) the scheduled rounds. */
    public static void pause(boolean pause) {
        paused = pause;
    }
}
